import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanOffice
import PlanRepo

enum ReportOutput: String, ExpressibleByArgument, CaseIterable {
    case markdown, json, docx
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
    var period: String?

    @Option(name: .long, help: HelpText.help(HelpText.periodToday))
    var today: CivilDate?

    @Flag(name: .long, help: HelpText.help(HelpText.office))
    var office = false

    @Option(name: .long, help: HelpText.help(HelpText.reportPlan))
    var plan: String?

    @Option(name: .long, help: HelpText.help(HelpText.reportNumber))
    var number: String?

    @Option(name: [.customShort("o"), .long], help: HelpText.help(HelpText.output))
    var output: String?

    func run() throws {
        if office || format == .docx {
            try runOffice()
            return
        }
        let here = FileManager.default.currentDirectoryPath
        let workspace = try RepoWorkspace.locate(from: here, workspace: options.workspace)
        let language = options.language(
            try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: options.root())))
        let reader = try HistoryReader(workspace: workspace).helped(by: workspace)
        // What was read is kept even when a later step fails.
        defer { reader.saveCache() }
        if let text = period {
            guard let period = ReportPeriod(text) else {
                throw ValidationError(HelpText.string(HelpText.period))
            }
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
        // Kept before writing: a reader that stops early (`plan report | head`) ends this process.
        reader.saveCache()
        Timing.mark("report: history kept")
        switch format {
        case .json: Terminal.write(bytes: JSONReportRenderer.bytes(commits))
        case .markdown, .docx: Terminal.write(MarkdownReportRenderer(language: language, grouping: by).render(commits))
        }
        Timing.mark("report: written")
        // Ten thousand commits' changes are not freed one by one on the way out.
        withExtendedLifetime((reader, commits)) { Terminal.finish(status: 0) }
    }

    /// The report an office sends for a period: from the items on disk, their progress and the plan's
    /// header; Markdown, JSON or Word from one model.
    func runOffice() throws {
        let source = DirectoryFileSource(root: try options.root())
        let snapshot = try WorkspaceLoader.load(from: source)
        let language = options.language(snapshot.config)
        func fail(_ m: Message) -> Error { ValidationError(m.render(language)) }
        let plans = snapshot.headers.keys.sorted()
        guard let planID = plan ?? (plans.count == 1 ? plans[0] : nil), let header = snapshot.headers[planID] else {
            throw fail(Message(.officeChoosePlan, plans.joined(separator: ", ")))
        }
        guard let text = period, let reporting = ReportingPeriod.resolve(text, header: header) else {
            throw fail(Message(.officeNeedsPeriod))
        }
        let date = today ?? .today()
        let items = snapshot.items.filter { $0.planID == planID }.map {
            ItemState(item: $0, registry: snapshot.registry, period: snapshot.period(of: $0), on: date)
        }
        let report = OfficeReport(
            header: header, items: items, period: reporting, number: number, date: date, registry: snapshot.registry)
        switch format {
        case .markdown: try emit(Data(report.markdown().utf8))
        case .json: try emit(Data(report.json().utf8))
        case .docx:
            guard output != nil else { throw fail(Message(.officeNeedsOutput)) }
            try emit(try ReportDocx.data(report))
        }
    }

    func emit(_ data: Data) throws {
        guard let output else {
            Terminal.write(String(decoding: data, as: UTF8.self))
            return
        }
        try AtomicFile.write([UInt8](data), to: URL(fileURLWithPath: output).standardizedFileURL.path)
    }
}
