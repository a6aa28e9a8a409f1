import Foundation
import PlanGit
import PlanKit
import TestSupport
import Testing

@testable import PlanRepo

/// A scripted history, made with the git command line at fixed dates so commit ids never change,
/// and the report on it compared with golden files (`PLAN_UPDATE_GOLDEN=1` rewrites them).
@Suite struct HistoryTests {
    static let item = ExampleWorkspace.itemPath

    /// Commits with fixed dates (UTC+7), in order.
    final class Script {
        let dir: TemporaryDirectory
        var day = 0

        init() throws {
            dir = try TemporaryDirectory()
            try Git.must(["init", "-q", "-b", "main"], in: dir.path)
        }

        func commit(_ message: String, date: String, _ changes: () throws -> Void) throws {
            try changes()
            try Git.must(["add", "-A"], in: dir.path)
            let env = ["GIT_AUTHOR_DATE": "\(date)T09:15:00+07:00", "GIT_COMMITTER_DATE": "\(date)T09:15:00+07:00"]
            try Git.must(["commit", "-q", "--allow-empty", "-m", message], in: dir.path, environment: env)
        }

        func write(_ path: String, _ fields: [String], body: String = "Nội dung nhiệm vụ.\n") throws {
            try dir.write(path, ExampleWorkspace.item(fields, body: body))
        }
    }

    static func history() throws -> Script {
        let s = try Script()
        try s.commit("Khởi tạo kế hoạch", date: "2021-09-01") {
            for (p, t) in ExampleWorkspace.baseFiles { try s.dir.write(p, t) }
            try s.write(item, ["status: planned", "timeframe: Hoàn thành trong tháng 9/2021"])
            try s.write(
                "plans/demo/1-muc/1b.md",
                [
                    "id: demo/1.b", "title: Nhiệm vụ b",
                    "lead: Phòng Tuyên truyền - Báo chí và Xuất bản", "status: planned",
                ])
            try s.write("plans/demo/2-muc/2a.md", ["id: demo/2.a", "title: Nhiệm vụ 2a", "status: planned"])
        }
        try s.commit("Bắt đầu thực hiện 1.a", date: "2021-09-15") {
            try s.write(item, ["status: in-progress", "timeframe: Hoàn thành trong tháng 9/2021"])
        }
        try s.commit("Lùi hạn 1.a", date: "2021-09-20") {
            try s.write(item, ["status: in-progress", "timeframe: Hoàn thành trong tháng 11/2021"])
        }
        try s.commit("Đưa hạn 1.a sớm hơn", date: "2021-10-01") {
            try s.write(item, ["status: in-progress", "timeframe: Hoàn thành trong tháng 10/2021"])
        }
        try s.commit("Đổi đơn vị chủ trì 2.a", date: "2021-10-05") {
            try s.write(
                "plans/demo/2-muc/2a.md",
                [
                    "id: demo/2.a", "title: Nhiệm vụ 2a", "status: planned",
                    "lead: Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp",
                ])
        }
        try s.commit("Sửa tên đơn vị theo danh mục", date: "2021-10-06") {
            try s.write("plans/demo/1-muc/1b.md", ["id: demo/1.b", "title: Nhiệm vụ b", "status: planned"])
        }
        try s.commit("Chuyển 2.a sang mục khác và hoàn thành", date: "2021-10-10") {
            try s.dir.remove("plans/demo/2-muc/2a.md")
            try s.write(
                "plans/demo/3-khac/2a.md",
                [
                    "id: demo/2.a", "title: Nhiệm vụ 2a", "status: done",
                    "lead: Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp",
                ])
        }
        try s.commit("Bỏ nhiệm vụ 1.b", date: "2021-10-12") { try s.dir.remove("plans/demo/1-muc/1b.md") }
        try s.commit("Ghi chú ngoài kế hoạch", date: "2021-10-13") { try s.dir.write("README.md", "Ghi chú\n") }
        try s.commit("Đổi mã 1.a", date: "2021-10-14") {
            try s.write(item, ["id: demo/1.c", "status: in-progress", "timeframe: Hoàn thành trong tháng 10/2021"])
        }
        // Two branches, merged.
        try Git.must(["checkout", "-q", "-b", "nhanh"], in: s.dir.path)
        try s.commit("Thêm nhiệm vụ 4.a", date: "2021-10-20") {
            try s.write(
                "plans/demo/4-moi/4a.md",
                [
                    "id: demo/4.a", "title: Nhiệm vụ mới", "status: planned",
                    "timeframe: Quý IV/2021",
                ])
        }
        try Git.must(["checkout", "-q", "main"], in: s.dir.path)
        try s.commit("Cập nhật nội dung 1.c", date: "2021-10-21") {
            try s.write(
                item, ["id: demo/1.c", "status: in-progress", "timeframe: Hoàn thành trong tháng 10/2021"],
                body: "Nội dung nhiệm vụ.\nĐã họp triển khai.\n")
        }
        let env = ["GIT_AUTHOR_DATE": "2021-10-22T09:15:00+07:00", "GIT_COMMITTER_DATE": "2021-10-22T09:15:00+07:00"]
        try Git.must(["merge", "-q", "--no-ff", "-m", "Gộp nhánh 4.a", "nhanh"], in: s.dir.path, environment: env)
        // A message in Latin-1, as an old client wrote it.
        try s.dir.write("msg.txt", Data("Cap nh\u{E2}t tr\u{E1}ng th\u{E1}i".unicodeScalars.map { UInt8($0.value) }))
        try s.write(
            "plans/demo/4-moi/4a.md",
            ["id: demo/4.a", "title: Nhiệm vụ mới", "status: in-progress", "timeframe: Quý IV/2021"])
        try Git.must(["add", "plans"], in: s.dir.path)
        try Git.must(
            ["-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "-F", "msg.txt"], in: s.dir.path,
            environment: [
                "GIT_AUTHOR_DATE": "2021-10-25T09:15:00+07:00", "GIT_COMMITTER_DATE": "2021-10-25T09:15:00+07:00",
            ])
        return s
    }

    func reports(_ s: Script, _ options: HistoryOptions = HistoryOptions()) throws -> [CommitReport] {
        let workspace = try RepoWorkspace.locate(from: s.dir.path, environment: [:])
        return try HistoryReader(workspace: workspace, persistent: false).reports(options)
    }

    static func golden(_ name: String, _ actual: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["PLAN_UPDATE_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file")
    }

    @Test func semanticChangesCommitByCommit() throws {
        let s = try Self.history()
        let commits = try reports(s, HistoryOptions(reverse: true))
        let subjects = commits.map(\.subject)
        // The README commit touches no item; the merge is compared with its first parent.
        #expect(!subjects.contains("Ghi chú ngoài kế hoạch"))
        #expect(subjects.contains("Gộp nhánh 4.a"))
        func change(_ subject: String) -> [ItemChange] { commits.first { $0.subject == subject }?.changes ?? [] }
        #expect(change("Khởi tạo kế hoạch").map(\.kind) == [.added, .added, .added])
        #expect(change("Bắt đầu thực hiện 1.a").first?.fields.first?.field == "status")
        if case .timeframe(let shift, _, _, _, _)? = change("Lùi hạn 1.a").first?.fields.first?.detail {
            #expect(shift == 61)
        } else {
            Issue.record("no shift")
        }
        if case .timeframe(let shift, _, _, _, _)? = change("Đưa hạn 1.a sớm hơn").first?.fields.first?.detail {
            #expect(shift == -30)
        } else {
            Issue.record("no shift")
        }
        if case .units(_, _, let respelled)? = change("Sửa tên đơn vị theo danh mục").first?.fields.first?.detail {
            #expect(respelled)
        } else {
            Issue.record("no lead")
        }
        if case .units(let added, let removed, false)? = change("Đổi đơn vị chủ trì 2.a").first?.fields.first?.detail {
            #expect(added == ["Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp"])
            #expect(removed == ["Phòng Tuyên truyền - Báo chí - Xuất bản"])
        } else {
            Issue.record("no lead change")
        }
        let moved = change("Chuyển 2.a sang mục khác và hoàn thành")
        #expect(moved.count == 1 && moved[0].kind == .moved && moved[0].fromPath == "plans/demo/2-muc/2a.md")
        #expect(moved.first?.fields.map(\.field) == ["status"])
        #expect(change("Bỏ nhiệm vụ 1.b").map(\.kind) == [.removed])
        #expect(
            change("Đổi mã 1.a").first?.fields.first.map { ($0.field, $0.to) } ?? ("", nil) == (
                "id", .string("demo/1.c")
            ))
        #expect(change("Gộp nhánh 4.a").map(\.item) == ["demo/4.a"])
        #expect(commits.last?.message.hasPrefix("Cap nhât tráng thái") == true)
        // Newest first by default.
        #expect(try reports(s).map(\.id) == commits.reversed().map(\.id))
    }

    @Test func goldenReports() throws {
        let s = try Self.history()
        let commits = try reports(s)
        try Self.golden("report.vi.md", MarkdownReportRenderer(language: .vi).render(commits))
        try Self.golden("report.en.md", MarkdownReportRenderer(language: .en).render(commits))
        try Self.golden("report.json", JSONReportRenderer.render(commits))
        try Self.golden("report.by-unit.vi.md", MarkdownReportRenderer(language: .vi, grouping: .unit).render(commits))
        try Self.golden("report.by-item.en.md", MarkdownReportRenderer(language: .en, grouping: .item).render(commits))
    }

    @Test func sinceUntilAndFirstParent() throws {
        let s = try Self.history()
        let october = try reports(
            s, HistoryOptions(since: CivilDate(iso: "2021-10-01"), until: CivilDate(iso: "2021-10-12")))
        #expect(
            october.map(\.subject) == [
                "Bỏ nhiệm vụ 1.b", "Chuyển 2.a sang mục khác và hoàn thành",
                "Sửa tên đơn vị theo danh mục", "Đổi đơn vị chủ trì 2.a", "Đưa hạn 1.a sớm hơn",
            ])
        let firstParent = try reports(s, HistoryOptions(firstParent: true))
        #expect(!firstParent.map(\.subject).contains("Thêm nhiệm vụ 4.a"))
        #expect(try reports(s).map(\.subject).contains("Thêm nhiệm vụ 4.a"))
        let range = try reports(s, HistoryOptions(range: "HEAD~2..HEAD"))
        #expect(range.map(\.subject).first?.hasPrefix("Cap nh") == true)
    }

    /// Commits are read a window at a time, each blob once per window: windows of one commit and one
    /// window for the whole history give the same report, also where one blob is two files at once and
    /// a file comes back with the content it had some commits before.
    @Test func windowsDoNotChangeTheReport() throws {
        let s = try Self.history()
        let twin = ["id: demo/5.a", "title: Nhiệm vụ đôi", "status: planned"]
        try s.commit("Hai tệp cùng nội dung", date: "2021-10-26") {
            try s.write("plans/demo/5-doi/5a.md", twin)
            try s.write("plans/demo/5-doi/5b.md", twin)
        }
        try s.commit("Trả lại nội dung cũ của 1.c", date: "2021-10-27") {
            try s.write(
                Self.item, ["id: demo/1.c", "status: in-progress", "timeframe: Hoàn thành trong tháng 10/2021"])
        }
        let workspace = try RepoWorkspace.locate(from: s.dir.path, environment: [:])
        var results: [[CommitReport]] = []
        for window in [1, 2, 4096] {
            let reader = try HistoryReader(workspace: workspace, persistent: false)
            reader.windowFiles = window
            results.append(try reader.reports(HistoryOptions()))
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
        let twins = try #require(results[0].first { $0.subject == "Hai tệp cùng nội dung" })
        #expect(Set(twins.changes.map(\.path)) == ["plans/demo/5-doi/5a.md", "plans/demo/5-doi/5b.md"])
        let back = try #require(results[0].first { $0.subject == "Trả lại nội dung cũ của 1.c" })
        #expect(back.changes.first?.fields.map(\.field) == ["body"])
    }

    /// Reads commits in this process, as a helper process would (or fails as told).
    final class InProcessHelper: HistoryHelper {
        let reader: HistoryReader
        let failure: Bool
        let short: Bool
        init(_ workspace: RepoWorkspace, failure: Bool = false, short: Bool = false) throws {
            reader = try HistoryReader(workspace: workspace, persistent: false)
            self.failure = failure
            self.short = short
        }
        func read(_ ids: [ObjectID]) throws -> [CachedCommit] {
            struct Broken: Error {}
            if failure { throw Broken() }
            return Array(try reader.commits(ids).dropLast(short ? 1 : 0))
        }
    }

    /// A history read in stretches by helpers gives what one reader gives, also when a helper cannot
    /// be started, fails or sends back too little (its stretch is then read here).
    @Test func helpersDoNotChangeTheReport() throws {
        let s = try Self.history()
        let workspace = try RepoWorkspace.locate(from: s.dir.path, environment: [:])
        let repo = try workspace.open()
        let ids = try repo.commits(include: [try #require(try repo.head())])
        let alone = try HistoryReader(workspace: workspace, persistent: false).read(ids)
        func same(_ a: [CachedCommit], _ b: [CachedCommit]) -> Bool {
            a.count == b.count
                && zip(a, b).allSatisfy {
                    ($0.message, $0.author, $0.time, $0.changes) == ($1.message, $1.author, $1.time, $1.changes)
                }
        }
        struct NoHelper: Error {}
        let makers: [(String, @Sendable () throws -> HistoryHelper)] = [
            ("working", { try InProcessHelper(workspace) }),
            ("failing", { try InProcessHelper(workspace, failure: true) }),
            ("short", { try InProcessHelper(workspace, short: true) }),
            ("not started", { throw NoHelper() }),
        ]
        for (what, make) in makers {
            for lanes in [1, 2, 3, 40] {
                let reader = try HistoryReader(workspace: workspace, persistent: false)
                #expect(same(try reader.readSharing(ids, lanes: lanes, with: make), alone), "\(what), \(lanes) lanes")
            }
        }
        // Through `reports`, from the first commit on.
        let reader = try HistoryReader(workspace: workspace, persistent: false)
        reader.helper = { try InProcessHelper(workspace) }
        reader.helperMinimum = 0
        #expect(try reader.reports(HistoryOptions()) == reports(s))
    }

    @Test func cachedRunsGiveTheSameReport() throws {
        let s = try Self.history()
        let workspace = try RepoWorkspace.locate(from: s.dir.path, environment: [:])
        let first = try HistoryReader(workspace: workspace)
        let a = try first.reports(HistoryOptions())
        first.saveCache()
        let second = try HistoryReader(workspace: workspace)
        #expect(!second.cache.isDirty)
        let b = try second.reports(HistoryOptions())
        #expect(!second.cache.isDirty, "every commit came from the cache")
        #expect(a == b)
    }

    /// The walk kept in the cache, reused when HEAD has not moved and extended when it moved one commit
    /// on, always equals a fresh walk: through linear commits, a merge, a reset to an older commit and an
    /// amended one, in both walk modes and both orders.
    @Test func theKeptWalkIsTheWalkGitWouldMake() throws {
        let s = try Self.history()
        let workspace = try RepoWorkspace.locate(from: s.dir.path, environment: [:])
        let repo = try workspace.open()
        var step = 0
        func commit(_ message: String) throws {
            step += 1
            try s.commit(message, date: String(format: "2021-11-%02d", min(step, 28))) {
                try s.dir.write("notes/\(step).md", "\(message)\n")
            }
        }
        func same(_ what: String) throws {
            for firstParent in [false, true] {
                let reader = try HistoryReader(workspace: workspace)
                let head = try #require(try repo.head())
                let kept = try reader.history(from: head, firstParent: firstParent, repo)
                let fresh = try repo.commits(include: [head], options: .init(firstParent: firstParent))
                #expect(kept == fresh, "\(what), first parent \(firstParent)")
                for reverse in [false, true] {
                    let options = HistoryOptions(firstParent: firstParent, reverse: reverse)
                    #expect(try reader.reports(options) == reports(s, options), "\(what)")
                }
                reader.saveCache()
            }
        }
        try same("first run")
        try same("HEAD unchanged")
        try commit("một")
        try same("one commit on")
        try commit("hai")
        try commit("ba")
        try same("two commits on")
        try Git.must(["checkout", "-q", "-b", "nhanh-2", "HEAD~2"], in: s.dir.path)
        try commit("bốn")
        try Git.must(["checkout", "-q", "main"], in: s.dir.path)
        try same("a branch made elsewhere")
        try Git.must(["merge", "-q", "--no-ff", "-m", "Gộp", "nhanh-2"], in: s.dir.path)
        try same("a merge on")
        try Git.must(["reset", "-q", "--hard", "HEAD~3"], in: s.dir.path)
        try same("reset to an older commit")
        try Git.must(["commit", "-q", "--amend", "-m", "Sửa lời"], in: s.dir.path)
        try same("amended")

        // One commit on, the kept walk is extended, not made again: a walk planted in the cache for the
        // parent shows through.
        let parent = try #require(try repo.head())
        try commit("năm")
        let head = try #require(try repo.head())
        let reader = try HistoryReader(workspace: workspace, persistent: false)
        reader.cache.setWalk(head: parent, ids: [parent], firstParent: false)
        #expect(try reader.history(from: head, firstParent: false, repo) == [head, parent])
    }

    @Test func periodSummaryAndStatus() throws {
        let s = try Self.history()
        let workspace = try RepoWorkspace.locate(from: s.dir.path, environment: [:])
        let reader = try HistoryReader(workspace: workspace, persistent: false)
        let q4 = try PeriodReport.build(
            period: ReportPeriod("2021-Q4")!, reader: reader, workspace: workspace,
            today: CivilDate(iso: "2022-03-01")!)
        try Self.golden("period.2021-Q4.vi.md", q4.markdown(.vi))
        try Self.golden("period.2021-Q4.json", q4.json())
        let sections = q4.sections
        #expect(
            sections.map(\.unit) == [
                "Phòng Tuyên truyền - Báo chí - Xuất bản", "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp",
            ])
        // 1.c was due in October and 4.a by the end of the quarter; neither is done when it ends.
        #expect(sections[0].overdue.map(\.id) == ["demo/1.c", "demo/4.a"])
    }
}
