import Foundation
import PlanGit
import PlanKit
import TestSupport
import Testing

@testable import PlanRepo

/// `--staged`, `--rev` and `--range` on real repositories made with the git command line.
@Suite struct StagedCheckTests {
    static let itemPath = ExampleWorkspace.itemPath
    static let today = ExampleWorkspace.today

    func staged(
        _ dir: TemporaryDirectory, from subfolder: String = "", environment: [String: String] = [:],
        cache: FactsCache = FactsCache()
    ) throws -> CheckResult {
        let workspace = try RepoWorkspace.locate(from: dir.path + subfolder, environment: environment)
        return try ChangeChecker(workspace: workspace, options: CheckOptions(today: Self.today), facts: cache).staged()
    }

    /// The error findings as `path:line rule`.
    func rules(_ r: CheckResult) -> [String] {
        r.diagnostics.filter { $0.severity == .error }.map { "\($0.location.path):\($0.location.line) \($0.rule)" }
    }

    @Test func partiallyStagedFileIsCheckedAsItWillBeCommitted() throws {
        let dir = try Git.exampleRepository()
        // Staged: an invalid status. Working file: valid again.
        try dir.write(Self.itemPath, ExampleWorkspace.item(["status: đang làm"]))
        try Git.must(["add", Self.itemPath], in: dir.path)
        let valid = ExampleWorkspace.item(["status: in-progress"])
        try dir.write(Self.itemPath, valid)
        let result = try staged(dir)
        #expect(result.errors == 1)
        #expect(rules(result) == ["\(Self.itemPath):8 schema-enum"])
        #expect(try dir.read(Self.itemPath) == valid, "the working file is untouched")
    }

    @Test func invalidWorkingFileWithValidStagedVersionPasses() throws {
        let dir = try Git.exampleRepository()
        try dir.write(Self.itemPath, ExampleWorkspace.item(["status: in-progress"]))
        try Git.must(["add", Self.itemPath], in: dir.path)
        let invalid = ExampleWorkspace.item(["lead: Phòng Không Có"])
        try dir.write(Self.itemPath, invalid)
        let result = try staged(dir)
        #expect(result.errors == 0, "\(rules(result))")
        #expect(try dir.read(Self.itemPath) == invalid)
        #expect(try Git.must(["status", "--porcelain"], in: dir.path) == "MM \(Self.itemPath)\n")
    }

    @Test func firstCommitHasNoHead() throws {
        let dir = try Git.exampleRepository(commit: false)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Không Có"]))
        try Git.must(["add", "-A"], in: dir.path)
        let result = try staged(dir)
        #expect(rules(result) == ["plans/demo/1-muc/1b.md:4 unit-unknown"])
    }

    @Test func onlyChangedFilesAreReported() throws {
        let dir = try Git.exampleRepository(commit: false)
        // An old problem, committed.
        try dir.write("plans/demo/1-muc/1c.md", ExampleWorkspace.item(["id: demo/1.c", "lead: Phòng Không Có"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"]))
        try Git.must(["add", "-A"], in: dir.path)
        let result = try staged(dir)
        #expect(result.diagnostics.isEmpty, "\(rules(result))")
        #expect(result.files == 1)
    }

    @Test func deletionThatLeavesADanglingDependencyIsReportedWhereItDangles() throws {
        let dir = try Git.exampleRepository(commit: false)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "depends_on: [demo/1.a]"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try Git.must(["rm", "-q", Self.itemPath], in: dir.path)
        let result = try staged(dir)
        #expect(rules(result) == ["plans/demo/1-muc/1b.md:10 depends-on-missing"])
    }

    @Test func registryChangeIsCheckedAgainstTheNewRegistry() throws {
        let dir = try Git.exampleRepository()
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Mới"]))
        try Git.must(["add", "-A"], in: dir.path)
        #expect(try staged(dir).errors == 1)
        // The registry on disk is irrelevant; the staged one counts.
        try dir.write("schemas/units.yaml", ExampleWorkspace.units + "  - id: moi\n    name: Phòng Mới\n")
        #expect(try staged(dir).errors == 1)
        try Git.must(["add", "schemas/units.yaml"], in: dir.path)
        let result = try staged(dir)
        #expect(result.errors == 0, "\(rules(result))")
    }

    @Test func renamesDeletesAddsAndOddNames() throws {
        let dir = try Git.exampleRepository(commit: false)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"]))
        try dir.write("plans/demo/1-muc/1c.md", ExampleWorkspace.item(["id: demo/1.c"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try FileManager.default.createDirectory(
            atPath: dir.path + "/plans/demo/2-khac", withIntermediateDirectories: true)
        try Git.must(["mv", "plans/demo/1-muc/1b.md", "plans/demo/2-khac/1b moved.md"], in: dir.path)
        try Git.must(["rm", "-q", "plans/demo/1-muc/1c.md"], in: dir.path)
        let odd = [
            "plans/demo/1-muc/tên có dấu cách.md", "plans/demo/1-muc/quote\"'s.md", "plans/demo/1-muc/new\nline.md",
        ]
        for (i, path) in odd.enumerated() {
            try dir.write(path, ExampleWorkspace.item(["id: demo/9.\(["a", "b", "c"][i])", "status: khong-hop-le"]))
        }
        try Git.must(["add", "-A"], in: dir.path)
        let result = try staged(dir)
        #expect(Set(rules(result)) == Set(odd.map { "\($0):8 schema-enum" }))
    }

    @Test func duringAMerge() throws {
        let dir = try Git.exampleRepository()
        try Git.must(["checkout", "-q", "-b", "other"], in: dir.path)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "other"], in: dir.path)
        try Git.must(["checkout", "-q", "main"], in: dir.path)
        try dir.write("plans/demo/1-muc/1c.md", ExampleWorkspace.item(["id: demo/1.b"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "main"], in: dir.path)
        try Git.must(["merge", "--no-commit", "--no-ff", "-q", "other"], in: dir.path)
        #expect(try Repository.open(at: dir.path).state == .merge)
        let result = try staged(dir)
        // The merge brings 1b with the id 1c already has.
        #expect(
            Set(rules(result)) == ["plans/demo/1-muc/1b.md:2 id-duplicate", "plans/demo/1-muc/1c.md:2 id-duplicate"])
    }

    @Test func detachedHead() throws {
        let dir = try Git.exampleRepository()
        try Git.must(["checkout", "-q", "--detach"], in: dir.path)
        try dir.write(Self.itemPath, ExampleWorkspace.item(["timeframe: Tháng 13/2021"]))
        try Git.must(["add", "-A"], in: dir.path)
        #expect(rules(try staged(dir)) == ["\(Self.itemPath):7 timeframe-invalid-date"])
    }

    @Test func linkedWorktreeReadsItsOwnIndex() throws {
        let dir = try Git.exampleRepository()
        let wt = dir.path + "-wt"
        defer { try? FileManager.default.removeItem(atPath: wt) }
        try Git.must(["worktree", "add", "-q", "-b", "wt", wt], in: dir.path)
        try ExampleWorkspace.item(["status: sai"]).write(
            toFile: wt + "/" + Self.itemPath, atomically: true, encoding: .utf8)
        try Git.must(["add", "-A"], in: wt)
        let workspace = try RepoWorkspace.locate(from: wt, environment: [:])
        let result = try ChangeChecker(
            workspace: workspace, options: CheckOptions(today: Self.today), facts: FactsCache()
        ).staged()
        #expect(rules(result) == ["\(Self.itemPath):8 schema-enum"])
        // The main work tree's index is clean.
        #expect(try staged(dir).diagnostics.isEmpty)
    }

    @Test func workspaceInASubfolderOfTheRepository() throws {
        let dir = try TemporaryDirectory()
        for (p, t) in ExampleWorkspace.baseFiles { try dir.write("ke-hoach/" + p, t) }
        try dir.write("ke-hoach/" + Self.itemPath, ExampleWorkspace.item(["status: sai"]))
        try dir.write("README.md", "other things\n")
        try Git.must(["init", "-q"], in: dir.path)
        try Git.must(["add", "-A"], in: dir.path)
        let result = try staged(dir, from: "/ke-hoach/plans")
        #expect(rules(result) == ["\(Self.itemPath):8 schema-enum"])
    }

    @Test func corruptCacheIsIgnored() throws {
        let dir = try Git.exampleRepository()
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "depends_on: [demo/9.z]"]))
        try Git.must(["add", "-A"], in: dir.path)
        let workspace = try RepoWorkspace.locate(from: dir.path, environment: [:])
        let cache = FactsCacheFile.load(path: workspace.cachePath)
        let first = try ChangeChecker(workspace: workspace, options: CheckOptions(today: Self.today), facts: cache)
            .staged()
        try FactsCacheFile.save(cache, path: workspace.cachePath)
        // A warm cache gives the same answer.
        let warm = FactsCacheFile.load(path: workspace.cachePath)
        #expect(!warm.entries(onlyUsed: false).isEmpty)
        #expect(warm.entries(onlyUsed: false) == cache.entries(onlyUsed: true))
        let second = try ChangeChecker(workspace: workspace, options: CheckOptions(today: Self.today), facts: warm)
            .staged()
        #expect(rules(first) == rules(second))
        // A damaged cache is thrown away, not trusted.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: workspace.cachePath))
        bytes.removeLast(7)
        try bytes.write(to: URL(fileURLWithPath: workspace.cachePath))
        #expect(FactsCacheFile.load(path: workspace.cachePath).entries(onlyUsed: false).isEmpty)
        try "plan-facts 4\nnot a cache at all".write(toFile: workspace.cachePath, atomically: true, encoding: .utf8)
        #expect(FactsCacheFile.load(path: workspace.cachePath).entries(onlyUsed: false).isEmpty)
    }

    @Test func rangeChecksEachCommitAgainstItsParent() throws {
        let dir = try Git.exampleRepository()
        let base = try Git.must(["rev-parse", "HEAD"], in: dir.path).trimmingCharacters(in: .whitespacesAndNewlines)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "status: sai"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "hỏng"], in: dir.path)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "sửa"], in: dir.path)
        let workspace = try RepoWorkspace.locate(from: dir.path, environment: [:])
        let checker = ChangeChecker(workspace: workspace, options: CheckOptions(today: Self.today), facts: FactsCache())
        var seen: [(String, Int)] = []
        try checker.range("\(base)..HEAD") { commit, result in seen.append((commit.summary, result.errors)) }
        #expect(seen.map(\.0) == ["hỏng", "sửa"])
        #expect(seen.map(\.1) == [1, 0])
        let (_, head) = try checker.revision("HEAD")
        #expect(head.errors == 0)
        let (_, bad) = try checker.revision("HEAD~1")
        #expect(bad.errors == 1)
    }
}

/// The per-tree findings files: read back by a later process, one file per tree, the newest kept.
@Suite struct FindingsCacheTests {
    @Test func treesAreSavedReadBackAndPruned() throws {
        let dir = try TemporaryDirectory()
        let folder = dir.path + "/findings"
        let first = FindingsCache(folder: folder)
        let key = { (i: Int) in String(repeating: String(i % 10), count: 40) + "\u{0}sub/dir" }
        first.set(key(0), ["a\trule\nwith\\escapes", "b"])
        #expect(first.isDirty)
        try first.save()
        #expect(!first.isDirty)

        let later = FindingsCache(folder: folder)
        #expect(later.get(key(0)) == ["a\trule\nwith\\escapes", "b"])
        #expect(later.get(key(1)) == nil)
        // A tree saved before is not written again.
        later.set(key(0), ["b", "a\trule\nwith\\escapes"])
        #expect(!later.isDirty)
        FindingsCache(folder: folder).set(key(0), ["other"])
        #expect(FindingsCache(folder: folder).get(key(0)) == ["a\trule\nwith\\escapes", "b"])

        for i in 1...9 {
            let c = FindingsCache(folder: folder)
            c.set(key(i), ["f\(i)"])
            try c.save()
            Thread.sleep(forTimeInterval: 0.01)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == FindingsCache.keep)
        #expect(FindingsCache(folder: folder).get(key(9)) == ["f9"])
        #expect(FindingsCache(folder: folder).get(key(0)) == nil)
    }
}
