import Foundation
import PlanKit
import TestSupport
import Testing

/// Limits, links, loops, concurrent processes: what happens on the inputs nobody plans for.
@Suite struct RobustnessTests {
    /// A sparse file of `size` bytes: costs no disk, reads as zeros.
    static func sparse(_ path: String, size: Int, prefix: String) throws {
        FileManager.default.createFile(atPath: path, contents: Data(prefix.utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    /// Runs `plan` with `arguments` in `directory`: its exit status, what it printed, and its own peak
    /// resident size in MB, as it reports it at exit with `PLAN_TIMING` (its `VmHWM`). Not `ru_maxrss`
    /// from `wait4`: on Linux a process started by `posix_spawn` shares this test process's memory
    /// until `exec`, and the kernel counts this process's peak as the child's.
    static func runMeasured(_ arguments: [String], in directory: String) throws -> (
        status: Int32, stdout: String, stderr: String, peakMB: Int
    ) {
        let out = try PlanBinary.run(arguments, in: directory, environment: ["PLAN_TIMING": "1"])
        let peak = out.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard let r = line.range(of: "peak memory: ") else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }.last
        return (out.status, out.stdout, out.stderr, peak ?? -1)
    }

    @Test func hundredMegabyteFilesAreRefusedWithoutBeingRead() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try Self.sparse(dir.path + "/plans/demo/1-muc/1z.md", size: 100 << 20, prefix: "---\nid: demo/1.z\n")
        let out = try Self.runMeasured(["check", "--format", "json", "--lang", "en"], in: dir.path)
        #expect(out.status == 1)
        #expect(out.stdout.contains("\"rule\": \"file-too-large\""))
        #expect(out.stdout.contains("file is 104857600 bytes, more than the 1048576 bytes an item file may have"))
        try Self.sparse(dir.path + "/plan.txt", size: 100 << 20, prefix: "KẾ HOẠCH\n")
        let imported = try Self.runMeasured(["import", "plan.txt", "--id", "x", "--lang", "en"], in: dir.path)
        #expect(imported.status == 2)
        #expect(
            imported.stderr.contains(
                "plan.txt is 104857600 bytes, more than the 16777216 bytes a plan document may have"))
        // Neither read the file into memory (and the peak was measured: a Swift process takes some).
        #expect(out.peakMB < 90 && imported.peakMB < 90, "\(out.peakMB) MB, \(imported.peakMB) MB")
        #expect(out.peakMB > 2 && imported.peakMB > 2)
    }

    @Test func linksLeavingTheWorkspaceAreNotFollowed() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let outside = try TemporaryDirectory()
        try outside.write("secret.md", ExampleWorkspace.item(["id: demo/1.x", "lead: Đơn vị bên ngoài"]))
        try FileManager.default.createSymbolicLink(
            atPath: dir.path + "/plans/demo/1-muc/1x.md", withDestinationPath: outside.path + "/secret.md")
        let out = try PlanBinary.run(["check", "--format", "json", "--lang", "en"], in: dir.path)
        #expect(out.stdout.contains("\"rule\": \"file-symlink-outside\""))
        #expect(!out.stdout.contains("Đơn vị bên ngoài"))
        #expect(out.status == 0)
    }

    @Test func folderLoopsAreReadOnce() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try FileManager.default.createSymbolicLink(
            atPath: dir.path + "/plans/demo/1-muc/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/plans/demo/self", withDestinationPath: ".")
        let out = try PlanBinary.run(["check", "--format", "json", "--today", "2022-01-15"], in: dir.path)
        #expect(out.status == 0, "\(out.stdout)")
        let json = try JSONValue.parse(Data(out.stdout.utf8))
        #expect(json["summary"]?["items"] == 1)
    }

    /// `--fix` on an item that is a link inside the workspace rewrites the file it points to and keeps
    /// the link.
    @Test func fixKeepsLinksInsideTheWorkspace() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write(
            "notes/1b.md", ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Tuyên truyền - Báo chí và Xuất bản"]))
        let link = dir.path + "/plans/demo/1-muc/1b.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../../../notes/1b.md")
        let out = try PlanBinary.run(["check", "--fix", "--today", "2022-01-15"], in: dir.path)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../../../notes/1b.md")
        #expect(try dir.read("notes/1b.md").contains("lead: Phòng Tuyên truyền - Báo chí - Xuất bản\n"))
    }

    /// Commands that write refuse a folder that is a link out of the workspace, and write nothing.
    @Test func writesRefuseLinkedFolders() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let outside = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/plans/kh", withDestinationPath: outside.path)
        let new = try PlanBinary.run(
            ["new", "--plan", "kh", "--lead", "ptt-bc-xb", "--timeframe", "Năm 2022", "--lang", "en", "X"],
            in: dir.path)
        #expect(new.status == 2)
        #expect(new.stderr.contains("through a symbolic link"), "\(new.stderr)")

        try Git.must(["init", "-q"], in: dir.path)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/.githooks", withDestinationPath: outside.path)
        let hook = try PlanBinary.run(["hook", "install", "--lang", "en"], in: dir.path, environment: Git.environment)
        #expect(hook.status == 2)
        #expect(hook.stderr.contains("through a symbolic link"), "\(hook.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        // Refused before anything changed: git's configuration is as it was.
        let hooksPath = try? Git.must(["config", "--get", "core.hooksPath"], in: dir.path)
        #expect(hooksPath == nil)
    }

    /// The same findings, in the same order, with one thread or many.
    @Test func parallelCheckingIsDeterministic() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        for i in 0..<300 {
            let lead = ["Phòng Tuyên truyền - Báo chí và Xuất bản", "Phòng Không Có", "Sở Thông tin và Truyền thông"][
                i % 3]
            try dir.write(
                "plans/demo/\(i % 7)/\(i).md",
                ExampleWorkspace.item([
                    "id: demo/\(i % 250)", "lead: \(lead)",
                    "timeframe: Tháng \(i % 13)/2022",
                ]))
        }
        let args = ["check", "--format", "json", "--today", "2022-01-15"]
        let serial = try PlanBinary.run(args, in: dir.path, environment: ["PLAN_THREADS": "1"])
        #expect(serial.stdout.contains("\"id-duplicate\"") && serial.stdout.contains("\"unit-unknown\""))
        for _ in 0..<3 {
            let parallel = try PlanBinary.run(args, in: dir.path, environment: ["PLAN_THREADS": "8"])
            #expect(parallel.stdout == serial.stdout)
        }
    }

    /// A hook and an editor integration at once: processes that read and write the same caches at the
    /// same time all give the same answer, and leave caches the next run can use.
    @Test func concurrentProcessesShareTheCaches() throws {
        let dir = try Git.exampleRepository()
        for round in 0..<3 {
            for i in 0..<120 {
                try dir.write(
                    "plans/demo/\(i % 5)/\(i).md",
                    ExampleWorkspace.item(["id: demo/x\(i)", "status: \(round == 1 ? "done" : "planned")"]))
            }
            try Git.must(["add", "-A"], in: dir.path)
            try Git.must(["commit", "-q", "--no-verify", "-m", "Vòng \(round)"], in: dir.path)
        }
        try dir.write("plans/demo/0/0.md", ExampleWorkspace.item(["id: demo/x0", "lead: Phòng Không Có"]))
        try Git.must(["add", "-A"], in: dir.path)
        let commands: [[String]] = [
            ["check", "--staged", "--format", "json", "--today", "2022-01-15"],
            ["report", "--format", "json"],
            ["check", "--rev", "HEAD", "--format", "json", "--today", "2022-01-15"],
        ]
        func runAll() throws -> [[String]] {
            let group = DispatchGroup()
            let results = Locked([[String]](repeating: [], count: commands.count))
            for (k, args) in commands.enumerated() {
                for _ in 0..<4 {
                    group.enter()
                    DispatchQueue.global().async {
                        let out = try? PlanBinary.run(args, in: dir.path, environment: Git.environment)
                        results.withLock {
                            $0[k].append(out.map { "\($0.status)\n\($0.stdout)\($0.stderr)" } ?? "failed to run")
                        }
                        group.leave()
                    }
                }
            }
            group.wait()
            return results.withLock { $0 }
        }
        let first = try runAll()
        let second = try runAll()
        for k in commands.indices {
            #expect(Set(first[k] + second[k]).count == 1, "\(commands[k]) gave different answers")
        }
        #expect(first[0].first?.contains("unit-unknown") == true)
        #expect(first[1].first?.hasPrefix("0\n") == true)
    }
}
