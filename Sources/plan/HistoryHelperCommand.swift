import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

/// `plan history-helper`: not for people. A `plan report` (or `changelog`, `site`) reading a long
/// history starts one to read commits beside it (`HistoryHelper`): each line on standard input is a
/// run of commit ids; for each, standard output gets an eight-byte length and the commits read
/// (`CachedCommit.encode`). It ends when its input does.
struct HistoryHelperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history-helper", abstract: "Reads commits for another plan process.", shouldDisplay: false)

    @Option(help: "The workspace, as JSON.") var workspace: String
    @Option(help: "The plans folder.") var plans: String
    @Option(help: "The units registry file.") var units: String
    @Option(help: "The identity of the program that started this one.") var program: String

    func run() throws {
        // A program rebuilt in between may read commits otherwise: it does not help.
        guard program == programIdentity().map(String.init) else { throw ExitCode(2) }
        let place = try JSONDecoder().decode(RepoWorkspace.self, from: Data(workspace.utf8))
        let reader = try HistoryReader(workspace: place, plansPath: plans, unitsPath: units)
        while let line = readLine(strippingNewline: true) {
            var ids: [ObjectID] = []
            for hex in line.split(separator: " ") {
                guard let id = ObjectID(hex: String(hex)) else { throw ExitCode(2) }
                ids.append(id)
            }
            let bytes = CachedCommit.encode(try reader.commits(ids))
            var length = UInt64(bytes.count).littleEndian
            let header = withUnsafeBytes(of: &length) { Array($0) }
            FileHandle.standardOutput.write(Data(header + bytes))
        }
    }
}

/// A `plan history-helper` process of this very program, started for one history reading.
final class ProcessHistoryHelper: HistoryHelper {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(workspace: RepoWorkspace, paths: (plans: String, units: String)) throws {
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = [
            "history-helper", "--workspace", String(decoding: try JSONEncoder().encode(workspace), as: UTF8.self),
            "--plans", paths.plans, "--units", paths.units, "--program", programIdentity().map(String.init) ?? "",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PLAN_TIMING"] = nil
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Called on a thread of its own (`HistoryReader.readSharing`), which stops taking SIGPIPE: a
    /// helper that died must not take this process with it when commits are sent to it (the write
    /// fails instead). The rest of the process keeps SIGPIPE, so `plan report | head` still ends
    /// quietly.
    func read(_ ids: [ObjectID]) throws -> [CachedCommit] {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        try input.fileHandleForWriting.write(
            contentsOf: Data((ids.map(\.description).joined(separator: " ") + "\n").utf8))
        let header = try output.fileHandleForReading.read(upToCount: 8) ?? Data()
        guard header.count == 8 else { throw HelperFailure() }
        let length = header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard length < 1 << 34 else { throw HelperFailure() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(length))
        while bytes.count < Int(length) {
            guard let more = try output.fileHandleForReading.read(upToCount: Int(length) - bytes.count), !more.isEmpty
            else { throw HelperFailure() }
            bytes += more
        }
        guard let commits = CachedCommit.decode(bytes), commits.count == ids.count else { throw HelperFailure() }
        return commits
    }

    deinit {
        // The helper ends when its input does.
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    struct HelperFailure: Error {}
}

extension HistoryReader {
    /// Lets this reader share a long history with a helper process (see `HistoryHelper`).
    /// `PLAN_HELPER_MINIMUM`: from how many commits to read a history with helpers (2,000 by default;
    /// the tests use helpers on short histories).
    func helped(by workspace: RepoWorkspace) -> HistoryReader {
        let paths = self.paths
        helper = { try ProcessHistoryHelper(workspace: workspace, paths: paths) }
        if let n = Environment.value("PLAN_HELPER_MINIMUM").flatMap({ Int($0) }) { helperMinimum = n }
        return self
    }
}
