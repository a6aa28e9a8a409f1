import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

enum ReportOutput: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}

extension ReportGrouping: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "What changed in which item, commit by commit, from git history.",
        discussion: """
            Báo cáo thay đổi: từng commit đã sửa gì trong nhiệm vụ nào (thời gian, chủ trì, phối hợp, trạng thái…).

            Newest first; merge commits are compared with their first parent; commits that touch no item are \
            left out. --period 2022-H1 (or 2022, 2022-Q3) gives the summary for a reporting period instead: per \
            lead unit, its items and their status at the period's end, what changed during it, what is overdue.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "A..B, or one revision (default: all of HEAD's history).")
    var range: String?

    @Option(name: .long, help: "Only commits on or after this date (YYYY-MM-DD).")
    var since: CivilDate?

    @Option(name: .long, help: "Only commits on or before this date (YYYY-MM-DD).")
    var until: CivilDate?

    @Option(name: .long, help: "Group by commit, unit or item.")
    var by: ReportGrouping = .commit

    @Flag(name: .long, help: "Follow only the first parent of merges.")
    var firstParent = false

    @Flag(name: .long, help: "Oldest first.")
    var reverse = false

    @Option(name: .long, help: "Output format: markdown or json.")
    var format: ReportOutput = .markdown

    @Option(name: [.customShort("n"), .customLong("max-count")], help: "Only the N newest commits that changed items (the N oldest with --reverse).")
    var maxCount: Int?

    @Option(name: .long, help: "A reporting period: 2022-H1, 2022-Q3 or 2022.")
    var period: ReportPeriod?

    @Option(name: .long, help: "The date overdue items are judged by in a period summary (default: the period's end).")
    var today: CivilDate?

    func run() throws {
        let here = FileManager.default.currentDirectoryPath
        let workspace = try Repo.locate(here, options.workspace)
        let language = options.language(try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: options.root())))
        do {
            let reader = try HistoryReader(workspace: workspace)
            defer { reader.saveCache() }
            if let period {
                let summary = try PeriodReport.build(period: period, reader: reader, workspace: workspace, today: today ?? .today())
                Terminal.write(format == .json ? summary.json() : summary.markdown(language))
                return
            }
            var commits = try reader.reports(HistoryOptions(range: range, since: since, until: until,
                                                            firstParent: firstParent, reverse: reverse))
            if let maxCount { commits = Array(commits.prefix(max(0, maxCount))) }
            switch format {
            case .json: Terminal.write(JSONReportRenderer.render(commits))
            case .markdown: Terminal.write(MarkdownReportRenderer(language: language, grouping: by).render(commits))
            }
        } catch let error as GitError {
            throw PlanError.other(Message(.gitError, error.description))
        }
    }
}

/// Opening the repository around the current folder, for the commands that read git.
enum Repo {
    static func locate(_ here: String, _ workspace: String?) throws -> RepoWorkspace {
        do {
            return try RepoWorkspace.locate(from: here, workspace: workspace)
        } catch let error as GitError where error.code == .notFound {
            throw PlanError.other(Message(.notARepository, here))
        }
    }
}
