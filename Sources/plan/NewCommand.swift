import ArgumentParser
import Foundation
import PlanKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: HelpText.string(
            Localized(
                en: "Add an item: the next free id in its section, a valid file, nothing opened.",
                vi: "Thêm một nhiệm vụ: mã tiếp theo còn trống trong mục, một tệp hợp lệ, không mở trình soạn thảo.")),
        discussion: HelpText.string(
            Localized(
                en: """
                    The id is the next free one in its section (a, b, c, d, đ, e, g, h …), the file name has no \
                    diacritics. The lead and support units are looked up in schemas/units.yaml and written with their \
                    registered names; a name the registry does not know is refused with the nearest ones. A plan \
                    that does not exist yet gets its plans/ID/plan.md.
                    """,
                vi: """
                    Mã nhiệm vụ là mã tiếp theo còn trống trong mục (a, b, c, d, đ, e, g, h …), tên tệp không dấu. Đơn \
                    vị chủ trì và phối hợp được tra trong schemas/units.yaml và ghi bằng tên chính thức; tên không có \
                    trong danh mục bị từ chối, kèm các tên gần nhất. Kế hoạch chưa có thì được tạo plans/ID/plan.md.
                    """))
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The plan's id (its folder under plans/).", vi: "Mã kế hoạch (tên thư mục của nó trong plans/).")))
    var plan: String

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The section's number (e.g. 2 or 1.3); without it the item is numbered 1, 2, 3 …",
                vi: "Số của mục (ví dụ 2 hoặc 1.3); không có thì nhiệm vụ được đánh số 1, 2, 3 …")))
    var section: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The lead unit (Chủ trì): an id, name or alias from schemas/units.yaml.",
                vi: "Đơn vị chủ trì: mã, tên hoặc tên gọi khác trong schemas/units.yaml.")))
    var lead: String

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "A coordinating unit (Phối hợp); repeat for several.",
                vi: "Đơn vị phối hợp; lặp lại tùy chọn để ghi nhiều đơn vị.")))
    var support: [String] = []

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The timeframe as written, e.g. \"Quý III/2026\" or \"Trước ngày 30/6/2026\".",
                vi: "Thời gian thực hiện như văn bản ghi, ví dụ \"Quý III/2026\" hoặc \"Trước ngày 30/6/2026\".")))
    var timeframe: String?

    @Argument(
        help: HelpText.help(
            Localized(en: "The item's title (its first sentence).", vi: "Tên nhiệm vụ (câu đầu tiên của nó).")))
    var title: [String]

    func run() throws {
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let language = options.language(try WorkspaceLoader.loadConfig(from: source))
        let titleText = title.joined(separator: " ")
        guard !titleText.trimmedSpaces.isEmpty else {
            throw ValidationError(
                HelpText.string(Localized(en: "the title is empty", vi: "tên nhiệm vụ đang để trống")))
        }
        let item = try NewItem.plan(
            planID: plan, section: section, lead: lead, support: support, timeframe: timeframe, title: titleText,
            in: try WorkspaceLoader.load(from: source), root: root, language: language)
        if let t = item.defaultTimeframe {
            Terminal.write(Message(.newTimeframeDefault, Catalogue.quote(t)).render(language) + "\n")
        }
        try item.write(root: root)
        for f in item.files {
            let m = f.path == item.headerPath ? Message(.newPlanCreated, f.path) : Message(.newWrote, f.path, item.id)
            Terminal.write(m.render(language) + "\n")
        }
    }
}
