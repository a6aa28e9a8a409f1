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
        abstract: HelpText.string(HelpText.reportAbstract),
        discussion: HelpText.string(HelpText.reportDiscussion)
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: HelpText.help(HelpText.range_))
    var range: String?

    @Option(name: .long, help: HelpText.help(HelpText.since))
    var since: CivilDate?

    @Option(name: .long, help: HelpText.help(HelpText.until))
    var until: CivilDate?

    @Option(name: .long, help: HelpText.help(HelpText.by))
    var by: ReportGrouping = .commit

    @Flag(name: .long, help: HelpText.help(HelpText.firstParent))
    var firstParent = false

    @Flag(name: .long, help: HelpText.help(HelpText.reverse))
    var reverse = false

    @Option(name: .long, help: HelpText.help(HelpText.reportFormat))
    var format: ReportOutput = .markdown

    @Option(name: [.customShort("n"), .customLong("max-count")], help: HelpText.help(HelpText.maxCount))
    var maxCount: Int?

    @Option(name: .long, help: HelpText.help(HelpText.period))
    var period: ReportPeriod?

    @Option(name: .long, help: HelpText.help(HelpText.periodToday))
    var today: CivilDate?

    func run() throws {
        let here = FileManager.default.currentDirectoryPath
        let workspace = try RepoWorkspace.locate(from: here, workspace: options.workspace)
        let language = options.language(
            try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: options.root())))
        let reader = try HistoryReader(workspace: workspace)
        defer { reader.saveCache() }
        if let period {
            let summary = try PeriodReport.build(
                period: period, reader: reader, workspace: workspace, today: today ?? .today())
            Terminal.write(format == .json ? summary.json() : summary.markdown(language))
            return
        }
        var commits = try reader.reports(
            HistoryOptions(
                range: range, since: since, until: until,
                firstParent: firstParent, reverse: reverse))
        if let maxCount { commits = Array(commits.prefix(max(0, maxCount))) }
        switch format {
        case .json: Terminal.write(JSONReportRenderer.render(commits))
        case .markdown: Terminal.write(MarkdownReportRenderer(language: language, grouping: by).render(commits))
        }
    }
}
