import ArgumentParser
import Foundation
import PlanKit

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: HelpText.string(
            Localized(
                en: "List items: by plan, lead unit, status, deadline.",
                vi: "Liệt kê nhiệm vụ: theo kế hoạch, đơn vị chủ trì, trạng thái, thời hạn.")),
        discussion: HelpText.string(
            Localized(
                en: """
                    The table fits the terminal's width; --format csv writes a spreadsheet file (add --bom for \
                    spreadsheet programs that need it to read Vietnamese correctly).
                    """,
                vi: """
                    Bảng vừa với chiều rộng cửa sổ dòng lệnh; --format csv ghi tệp bảng tính (thêm --bom cho các \
                    chương trình bảng tính cần nó để đọc đúng tiếng Việt).
                    """))
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(
        name: .long,
        help: HelpText.help(Localized(en: "Only this plan's items.", vi: "Chỉ các nhiệm vụ của kế hoạch này.")))
    var plan: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Only the items this unit leads (id, name or alias).",
                vi: "Chỉ các nhiệm vụ do đơn vị này chủ trì (mã, tên hoặc tên gọi khác).")))
    var lead: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Only items with this status (planned, in-progress, done, blocked, cancelled).",
                vi: "Chỉ các nhiệm vụ có trạng thái này (planned, in-progress, done, blocked, cancelled).")))
    var status: String?

    @Option(
        name: .customLong("due-before"),
        help: HelpText.help(
            Localized(
                en: "Only items due before this day (YYYY-MM-DD).",
                vi: "Chỉ các nhiệm vụ có hạn trước ngày này (YYYY-MM-DD).")))
    var dueBefore: CivilDate?

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Only items past their deadline and not done or cancelled.",
                vi: "Chỉ các nhiệm vụ đã quá hạn mà chưa hoàn thành hoặc chưa hủy.")))
    var overdue = false

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The day overdue is judged by (default: today).",
                vi: "Ngày dùng để xét quá hạn (mặc định: hôm nay).")))
    var today: CivilDate?

    @Option(name: .long, help: HelpText.help(Localized(en: "table, json or csv.", vi: "table (bảng), json hoặc csv.")))
    var format: ListFormat = .table

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(en: "Start CSV output with a UTF-8 byte order mark.", vi: "Thêm dấu BOM UTF-8 ở đầu tệp CSV.")))
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
