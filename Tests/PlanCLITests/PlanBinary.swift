import Foundation
import PlanKit

/// Runs the real `plan` binary, as users and git hooks do.
enum PlanBinary {
    static var url: URL {
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

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    executable: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
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
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh folder, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("plan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: base.path).resolvingSymlinksInPath().path
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// The example workspace of the rule examples, with one valid item.
    static func exampleWorkspace() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for (p, t) in ExampleWorkspace.baseFiles { try dir.write(p, t) }
        try dir.write(ExampleWorkspace.itemPath, ExampleWorkspace.item([]))
        return dir
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
