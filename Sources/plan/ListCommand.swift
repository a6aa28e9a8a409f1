import ArgumentParser
import Foundation
import PlanKit

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }
/// `plan units` has no CSV form: asking for one is an error, not a table.
enum UnitsFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List items: by plan, lead unit, status, deadline.",
        discussion: """
            Liệt kê nhiệm vụ theo kế hoạch, đơn vị chủ trì, trạng thái, thời hạn.

            The table fits the terminal's width; --format csv writes a spreadsheet file (add --bom for \
            spreadsheet programs that need it to read Vietnamese correctly).
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: "Only this plan's items.")
    var plan: String?

    @Option(name: .long, help: "Only the items this unit leads (id, name or alias).")
    var lead: String?

    @Option(name: .long, help: "Only items with this status (planned, in-progress, done, blocked, cancelled).")
    var status: String?

    @Option(name: .customLong("due-before"), help: "Only items due before this day (YYYY-MM-DD).")
    var dueBefore: CivilDate?

    @Flag(name: .long, help: "Only items past their deadline and not done or cancelled.")
    var overdue = false

    @Option(name: .long, help: "The day overdue is judged by (default: today).")
    var today: CivilDate?

    @Option(name: .long, help: "table, json or csv.")
    var format: ListFormat = .table

    @Flag(name: .long, help: "Start CSV output with a UTF-8 byte order mark.")
    var bom = false

    func run() throws {
        let root = try options.root()
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: root))
        let language = options.language(snapshot.config)
        var filter = ItemFilter(today: today ?? .today())
        filter.plan = plan
        filter.lead = lead
        filter.status = status
        filter.dueBefore = dueBefore
        filter.overdueOnly = overdue
        let rows = try ItemList.rows(snapshot, filter)
        switch format {
        case .table: Terminal.write(ItemList.table(rows, width: Terminal.columns, language: language))
        case .json: Terminal.write(ItemList.json(rows))
        case .csv: Terminal.write(ItemList.csv(rows, bom: bom, language: language))
        }
    }
}

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "The registry of units, with how many items each leads and supports.",
        discussion:
            "Danh mục đơn vị, với số nhiệm vụ mỗi đơn vị chủ trì và phối hợp, và các tên chưa có trong danh mục."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: "table or json.")
    var format: UnitsFormat = .table

    func run() throws {
        let root = try options.root()
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: root))
        let usage = UnitUsage(snapshot)
        Terminal.write(format == .json ? usage.json() : usage.table(options.language(snapshot.config)))
    }
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of item front-matter, for an editor's YAML support.",
        discussion: "In lược đồ JSON của phần khai báo nhiệm vụ (mặc định: tệp của thư mục kế hoạch)."
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(name: .long, help: "Print the built-in default schema instead of the workspace's.")
    var builtIn = false

    func run() throws {
        if builtIn {
            Terminal.write(DefaultWorkspace.itemSchema)
            return
        }
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let config = try WorkspaceLoader.loadConfig(from: source)
        guard let bytes = try source.read(config.schemaPath) else { throw PlanError.missingFile(config.schemaPath) }
        FileHandle.standardOutput.write(Data(bytes))
    }
}
