import Foundation
import PlanGit
import PlanKit
import TestSupport
import Testing

@testable import PlanRepo

/// `plan check --staged` reads only the files a change can touch, through the saved cross-file index.
/// Each case here compares it with the check that reads the whole index, on real repositories.
@Suite struct IncrementalCheckTests {
    static let today = ExampleWorkspace.today

    func item(_ id: String, _ fields: [String] = [], body: String = "Nội dung nhiệm vụ.\n") -> String {
        ExampleWorkspace.item(["id: \(id)"] + fields, body: body)
    }

    /// A repository with the example workspace and `files`, committed.
    func repository(_ files: [String: String]) throws -> TemporaryDirectory {
        let dir = try Git.exampleRepository(commit: false)
        for (path, text) in files { try dir.write(path, text) }
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "Khởi tạo"], in: dir.path)
        return dir
    }

    func checker(_ dir: TemporaryDirectory) throws -> ChangeChecker {
        let workspace = try RepoWorkspace.locate(from: dir.path, environment: [:])
        return ChangeChecker(workspace: workspace, options: CheckOptions(today: Self.today), facts: FactsCache())
    }

    /// The staged check, and the same change checked over the whole index.
    func both(_ dir: TemporaryDirectory) throws -> (incremental: [String], whole: [String]) {
        let c = try checker(dir)
        let incremental = try c.staged()
        let repo = try c.workspace.open()
        let index = try repo.openIndex(file: c.workspace.indexFile)
        let head = try repo.commit(try #require(try repo.head())).tree
        let (changes, _) = try c.workspace.indexChanges(repo, index: index, from: head)
        let whole = try c.check(new: GitFileSource.index(c.workspace, entries: index.entries()), changes: changes)
        func lines(_ r: CheckResult) -> [String] {
            r.diagnostics.map {
                "\($0.location.path):\($0.location.line):\($0.location.column) \($0.rule) \($0.message.render(.en))"
            }
        }
        #expect(incremental.items == whole.items)
        return (lines(incremental), lines(whole))
    }

    @Test func aChangedCitationFormMovesTheFindingsOfOtherFiles() throws {
        // Neither form is the official shape: the form most used is preferred. Two edits make the other
        // form the majority, so findings appear in files the change did not touch.
        var files: [String: String] = [:]
        for (i, form) in ["06-CT-UBND", "06-CT-UBND", "06-CT-UBND", "06/CT/UBND", "06/CT/UBND"].enumerated() {
            files["plans/demo/1-muc/c\(i).md"] = item("demo/1.c\(i)", body: "Theo Chỉ thị số \(form).\n")
        }
        let dir = try repository(files)
        for i in [0, 1] {
            try dir.write("plans/demo/1-muc/c\(i).md", item("demo/1.c\(i)", body: "Theo Chỉ thị số 06/CT/UBND.\n"))
        }
        try Git.must(["add", "-A"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.contains { $0.hasPrefix("plans/demo/1-muc/c2.md") && $0.contains("text-citation") })
    }

    /// Edits to one file of a document cited in two forms, neither official, each checked against the
    /// whole index: some keep the preferred form (the other files citing it are then not read, and the
    /// edited file is judged by the counts of the whole tree), some move it. Before: c0-c2 cite it as
    /// 06-CT-UBND, c3 and c4 as 06/CT/UBND.
    @Test(arguments: [
        // Kept: the edited file alone would prefer the form it cites first.
        (3, "Theo Chỉ thị số 06/CT/UBND và 06-CT-UBND.", 1),
        // Kept: the first use rewritten in place; a tie of three, the first seen decides.
        (0, "Theo Chỉ thị số 06-CT-UBND, đã sửa lời; và 06/CT/UBND.", 1),
        // The first use leaves: a tie the counts cannot settle, so the files citing it are read.
        (0, "Không dẫn văn bản nào.", 0),
        // Moved: the other form becomes the majority.
        (0, "Theo Chỉ thị số 06/CT/UBND.", 2),
        // Moved: an official shape is preferred at once.
        (4, "Theo Chỉ thị số 06/CT-UBND.", 4),
        (2, "Theo Chỉ thị số 06/CT/UBND và 06/CT/UBND.", 2),
    ])
    func aCitationEditKeepsOrMovesThePreferredForm(edit: (file: Int, body: String, findings: Int)) throws {
        var files: [String: String] = [:]
        for (i, form) in ["06-CT-UBND", "06-CT-UBND", "06-CT-UBND", "06/CT/UBND", "06/CT/UBND"].enumerated() {
            files["plans/demo/1-muc/c\(i).md"] = item("demo/1.c\(i)", body: "Theo Chỉ thị số \(form).\n")
        }
        let dir = try repository(files)
        try dir.write(
            "plans/demo/1-muc/c\(edit.file).md", item("demo/1.c\(edit.file)", body: edit.body + "\n"))
        try Git.must(["add", "-A"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(whole.count { $0.contains("text-citation") } == edit.findings)
    }

    @Test func aCycleClosedAtTheEndOfAChain() throws {
        var files: [String: String] = [:]
        let ids = ["a", "b", "c", "d", "e"]
        for (k, id) in ids.enumerated() {
            let next = k + 1 < ids.count ? ["depends_on: [demo/2.\(ids[k + 1])]"] : []
            files["plans/demo/2-chuoi/2\(id).md"] = item("demo/2.\(id)", next)
        }
        let dir = try repository(files)
        try dir.write("plans/demo/2-chuoi/2e.md", item("demo/2.e", ["depends_on: [demo/2.a]"]))
        try Git.must(["add", "-A"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.contains { $0.contains("depends-on-cycle") })
    }

    @Test func aDeletionLeavesDependenciesDangling() throws {
        let dir = try repository([
            "plans/demo/2-x/2a.md": item("demo/2.a"),
            "plans/demo/2-x/2b.md": item("demo/2.b", ["depends_on: [demo/2.a]"]),
            "plans/demo/2-x/2c.md": item("demo/2.c", ["depends_on: [demo/2.a, demo/2.b]"]),
        ])
        try Git.must(["rm", "-q", "plans/demo/2-x/2a.md"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.count { $0.contains("depends-on-missing") } == 2)
    }

    @Test func aDuplicateIdInAnotherPlanAndAMissingHeader() throws {
        let dir = try repository([
            "plans/khac/plan.md": ExampleWorkspace.header.replacingOccurrences(of: "id: demo", with: "id: khac"),
            "plans/khac/1-muc/1a.md": item("khac/1.a"),
            "plans/khac/1-muc/1b.md": item("khac/1.b"),
        ])
        try dir.write("plans/demo/1-muc/1z.md", item("khac/1.b"))
        try Git.must(["rm", "-q", "plans/khac/plan.md"], in: dir.path)
        try Git.must(["add", "-A"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.contains { $0.contains("id-duplicate") })
        #expect(incremental.contains { $0.hasPrefix("plans/khac/1-muc/1a.md") && $0.contains("plan-header-missing") })
    }

    @Test func anItemBeforeTheFirstOfAPlanWithoutHeader() throws {
        // The missing header is reported at the plan's first item: a new first item takes it over.
        var files: [String: String] = [:]
        for k in 2...6 { files["plans/khac/1-muc/1\(k).md"] = item("khac/1.\(k)") }
        let dir = try repository(files)
        try dir.write("plans/khac/1-muc/11.md", item("khac/1.1"))
        try Git.must(["add", "-A"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.contains { $0.hasPrefix("plans/khac/1-muc/11.md") && $0.contains("plan-header-missing") })
    }

    @Test func aHeaderChangeChecksEveryItemOfItsPlan() throws {
        let dir = try repository(["plans/demo/1-muc/1b.md": item("demo/1.b", ["timeframe: Tháng 9/2021"])])
        try dir.write(
            ExampleWorkspace.headerPath,
            ExampleWorkspace.header.replacingOccurrences(of: "period: 2021-2025", with: "period: 2023-2025"))
        try Git.must(["add", "-A"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.contains { $0.hasPrefix("plans/demo/1-muc/1b.md") })
    }

    /// After commits the saved index lags behind HEAD: the files committed since are read on top of it,
    /// until there are too many and it is built again.
    @Test func theSavedIndexFollowsHead() throws {
        let dir = try repository(["plans/demo/1-muc/1b.md": item("demo/1.b")])
        let store = CrossFileStore(workspace: try checker(dir).workspace)
        try dir.write("plans/demo/1-muc/1b.md", item("demo/1.b", ["status: in-progress"]))
        try Git.must(["add", "-A"], in: dir.path)
        _ = try checker(dir).staged()
        let built = try #require(CrossFileIndex(file: store.path))
        #expect(built.tree == (try Git.must(["rev-parse", "HEAD^{tree}"], in: dir.path)).trimmed)
        // A commit that moves an id; then a change that duplicates the moved id.
        try dir.write("plans/demo/1-muc/1b.md", item("demo/1.x"))
        try Git.must(["commit", "-q", "-a", "-m", "đổi mã"], in: dir.path)
        try dir.write("plans/demo/1-muc/1c.md", item("demo/1.x"))
        try Git.must(["add", "-A"], in: dir.path)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.contains { $0.contains("id-duplicate") })
        #expect(CrossFileIndex(file: store.path)?.tree == built.tree, "a lag of one file is read, not saved")
        // Many files committed at once: built again, for the new HEAD.
        for k in 0...CrossFileStore.maxLag { try dir.write("plans/demo/3-nhieu/3-\(k).md", item("demo/3.\(k)")) }
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "--no-verify", "-m", "nhiều"], in: dir.path)
        try dir.write("plans/demo/3-nhieu/3-0.md", item("demo/3.0", ["status: in-progress"]))
        try Git.must(["add", "-A"], in: dir.path)
        let again = try both(dir)
        #expect(again.incremental == again.whole)
        let rebuilt = try #require(CrossFileIndex(file: store.path))
        #expect(rebuilt.tree == (try Git.must(["rev-parse", "HEAD^{tree}"], in: dir.path)).trimmed)
        #expect(rebuilt.itemCount == CrossFileStore.maxLag + 1 + 3)
    }

    @Test func aDamagedSavedIndexIsBuiltAgain() throws {
        let dir = try repository(["plans/demo/1-muc/1b.md": item("demo/1.b")])
        let store = CrossFileStore(workspace: try checker(dir).workspace)
        try dir.write("plans/demo/1-muc/1c.md", item("demo/1.b"))
        try Git.must(["add", "-A"], in: dir.path)
        _ = try checker(dir).staged()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: store.path))
        #expect(CrossFileIndex(file: store.path) == nil)
        let (incremental, whole) = try both(dir)
        #expect(incremental == whole)
        #expect(incremental.contains { $0.contains("id-duplicate") })
        #expect(CrossFileIndex(file: store.path) != nil)
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
