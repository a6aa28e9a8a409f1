import ArgumentParser
import Foundation
import PlanKit

/// `plan units` has no CSV form: asking for one is an error, not a table.
enum UnitsFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: HelpText.string(
            Localized(
                en: "The registry of units, with how many items each leads and supports.",
                vi: "Danh mục đơn vị, với số nhiệm vụ mỗi đơn vị chủ trì và phối hợp.")),
        discussion: HelpText.string(
            Localized(
                en: "Also lists the names items use that the registry does not have.",
                vi: """
                    Danh mục đơn vị, với số nhiệm vụ mỗi đơn vị chủ trì và phối hợp, và các tên chưa có trong danh mục.
                    """))
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: HelpText.help(Localized(en: "table or json.", vi: "table (bảng) hoặc json.")))
    var format: UnitsFormat = .table

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Show the registry as it stood on this date (units that existed then, by from/until).",
                vi: "Xem danh mục tại một ngày (các đơn vị đang hoạt động vào ngày đó, theo from/until).")))
    var at: CivilDate?

    func run() throws {
        let root = try options.root()
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: root))
        let usage = UnitUsage(snapshot, on: at)
        Terminal.write(format == .json ? usage.json() : usage.table(options.language(snapshot.config)))
    }
}
