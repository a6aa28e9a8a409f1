import Foundation
import PlanKit

/// Runs the real `plan` binary, as users and git hooks do.
public enum PlanBinary {
    public static var url: URL {
        if let p = ProcessInfo.processInfo.environment["PLAN_BINARY"] { return URL(fileURLWithPath: p) }
        // The test bundle sits in the build folder next to the products.
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("plan"),
            Bundle.main.bundleURL.appendingPathComponent("plan"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("plan"),
            repositoryRoot.appendingPathComponent(".build/debug/plan"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    @discardableResult
    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        executable: URL? = nil, input: String? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh folder, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("plan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: base.path).resolvingSymlinksInPath().path
    }

    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// The example workspace of the rule examples, with one valid item.
    public static func exampleWorkspace() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for (p, t) in ExampleWorkspace.baseFiles { try dir.write(p, t) }
        try dir.write(ExampleWorkspace.itemPath, ExampleWorkspace.item([]))
        return dir
    }

    public func readData(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative))
    }

    public func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + relative)
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs the git command line, for setting up repositories the way users do.
public enum Git {
    /// Fixed identity and dates, so tests do not depend on the machine's git configuration.
    public static let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Nguyễn Văn A", "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "Nguyễn Văn A", "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": FileManager.default.temporaryDirectory.path,
    ]

    @discardableResult
    public static func run(
        _ arguments: [String], in directory: String, environment extra: [String: String] = [:],
        input: String? = nil
    ) throws -> PlanBinary.Output {
        var env = environment
        for (k, v) in extra { env[k] = v }
        let out = try PlanBinary.run(
            arguments, in: directory, environment: env,
            executable: URL(fileURLWithPath: "/usr/bin/git"), input: input)
        return out
    }

    /// Runs git and fails the test setup when git fails.
    @discardableResult
    public static func must(_ arguments: [String], in directory: String, environment extra: [String: String] = [:])
        throws -> String
    {
        let out = try run(arguments, in: directory, environment: extra)
        guard out.status == 0 else { throw GitFailure(arguments: arguments, output: out.stdout + out.stderr) }
        return out.stdout
    }

    public struct GitFailure: Error, CustomStringConvertible {
        public let arguments: [String]
        public let output: String
        public var description: String { "git \(arguments.joined(separator: " ")) failed: \(output)" }
    }

    /// A new repository holding the example workspace, committed once.
    public static func exampleRepository(commit: Bool = true) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try must(["init", "-q", "-b", "main"], in: dir.path)
        if commit {
            try must(["add", "-A"], in: dir.path)
            try must(["commit", "-q", "-m", "Khởi tạo"], in: dir.path)
        }
        return dir
    }
}

/// Third-party and real-world material the tests read, kept in `Tests/Fixtures/` with its licence:
/// the official JSON Schema test suite, the SARIF schema, the reference plan's text and the corpus of
/// real plans.
public enum Fixtures {
    public static var directory: URL { repositoryRoot.appendingPathComponent("Tests/Fixtures") }

    public static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    public static var repositoryRoot: URL { PlanBinary.repositoryRoot }
}

/// A small seeded generator (splitmix64): random tests that fail the same way on every run.
public struct SeededRandom {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
    public mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}
