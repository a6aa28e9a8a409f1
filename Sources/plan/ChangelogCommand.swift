import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

enum ChangelogGrouping: String, ExpressibleByArgument, CaseIterable {
    case month, period
}

struct ChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: HelpText.string(
            Localized(
                en: "A Markdown changelog of the plan (CHANGELOG.md), newest first.",
                vi: "Nhật ký thay đổi của kế hoạch dạng Markdown (CHANGELOG.md), mới nhất ở trên.")),
        discussion: HelpText.string(
            Localized(
                en: """
                    With --output, a file written by an earlier run is updated in place: only commits newer than \
                    the one it records are read, and the rest of the file is kept as it is. The file is replaced \
                    atomically.
                    """,
                vi: """
                    Với --output, tệp do lần chạy trước ghi được cập nhật tại chỗ: chỉ đọc các commit mới hơn commit \
                    mà tệp ghi nhận, phần còn lại của tệp giữ nguyên. Tệp được thay thế trọn vẹn trong một bước.
                    """))
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The file to write or update (default: print the changelog).",
                vi: "Tệp cần ghi hoặc cập nhật (mặc định: in nhật ký ra màn hình).")))
    var output: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Group by month, or by reporting period (ending on the plan's report dates).",
                vi: "Nhóm theo tháng, hoặc theo kỳ báo cáo (kết thúc vào các ngày báo cáo của kế hoạch).")))
    var by: ChangelogGrouping = .month

    func run() throws {
        let here = FileManager.default.currentDirectoryPath
        let workspace = try RepoWorkspace.locate(from: here, workspace: options.workspace)
        let root = try options.root()
        let snapshot = try? WorkspaceLoader.load(from: DirectoryFileSource(root: root))
        let language = options.language(snapshot?.config)
        var anchors: [(month: Int, day: Int)] = []
        for header in snapshot?.headers.values.sorted(by: { $0.planID < $1.planID }) ?? [] {
            for r in header.reports {
                if let m = r.due.every?.month, let d = r.due.every?.day, !anchors.contains(where: { $0 == (m, d) }) {
                    anchors.append((m, d))
                }
            }
        }
        let changelog = Changelog(language: language, grouping: by == .month ? .month : .period(anchors))
        let repo = try workspace.open()
        guard let head = try repo.head()?.description else {
            Terminal.write(changelog.render([], head: ""))
            return
        }
        let reader = try HistoryReader(workspace: workspace).helped(by: workspace)
        defer { reader.saveCache() }
        guard let output else {
            Terminal.write(changelog.render(try reader.reports(HistoryOptions()), head: head))
            return
        }
        let path = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: here + "/")).standardizedFileURL
            .path
        let existing = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
        // Only the commits after the recorded one, when that one is still in HEAD's history.
        if let existing, let recorded = changelog.recordedHead(in: existing), let old = ObjectID(hex: recorded),
            try isAncestor(repo, old, of: head)
        {
            let newer = recorded == head ? [] : try reader.reports(HistoryOptions(range: "\(recorded)..HEAD"))
            if let updated = changelog.update(existing, newCommits: newer, head: head) {
                if updated != existing { try AtomicFile.write(updated, to: path) }
                Terminal.error(
                    newer.isEmpty
                        ? Message(.changelogUpToDate, output).render(language)
                        : Message(.changelogWritten, output, String(newer.count)).render(language))
                return
            }
        }
        let all = try reader.reports(HistoryOptions())
        try AtomicFile.write(changelog.render(all, head: head), to: path)
        Terminal.error(Message(.changelogWritten, output, String(all.count)).render(language))
    }

    private func isAncestor(_ repo: Repository, _ old: ObjectID, of head: String) throws -> Bool {
        guard let h = ObjectID(hex: head) else { return false }
        if old == h { return true }
        var found = false
        try repo.walk(include: [h]) { id in
            if id == old {
                found = true
                return false
            }
            return true
        }
        return found
    }
}
