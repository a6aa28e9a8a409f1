import ArgumentParser
import Foundation
import PlanKit
import PlanOffice

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: HelpText.string(
            Localized(
                en: "Turn a plan document (.docx, .odt or plain text) into plans/<ID>/plan.md and one file per item.",
                vi: "Nhập văn bản kế hoạch (Word .docx, .odt hoặc văn bản thuần) thành plan.md và các tệp nhiệm vụ.")),
        discussion: HelpText.string(
            Localized(
                en: """
                    Reads the document into an outline (parts, numbered and lettered headings, field lines, \
                    bodies, table rows, unit headings), then makes the items from the part that assigns the \
                    work: a task table, a task section with lead or timeframe fields, or the duties listed unit \
                    by unit. --explain prints the outline with the rule that decided each line. Text that is in \
                    no item goes into plan.md. Existing files are never overwritten without --force; --dry-run \
                    prints the files instead of writing them.
                    """,
                vi: """
                    Đọc văn bản thành dàn ý (phần, đề mục đánh số và chữ cái, dòng trường, nội dung, dòng bảng, \
                    tên đơn vị), rồi lấy nhiệm vụ từ phần giao việc: bảng nhiệm vụ, mục nhiệm vụ có trường chủ \
                    trì hoặc thời gian, hoặc nhiệm vụ giao theo từng đơn vị. --explain in dàn ý kèm quy tắc đã \
                    quyết định từng dòng. Phần chữ không thuộc nhiệm vụ nào được đưa vào plan.md. Tệp đã có \
                    không bị ghi đè nếu không có --force; --dry-run in các tệp ra thay vì ghi.
                    """))
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(
        help: HelpText.help(
            Localized(
                en:
                    "The plan document: Word (.docx), OpenDocument (.odt), or plain text (UTF-8, or UTF-16 with a BOM).",
                vi:
                    "Văn bản kế hoạch: Word (.docx), OpenDocument (.odt) hoặc văn bản thuần (UTF-8, hoặc UTF-16 có BOM)."
            )))
    var file: String

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The plan's id: its folder under plans/ and the first part of every item id (e.g. dvk-2021).",
                vi: "Mã kế hoạch: tên thư mục trong plans/ và phần đầu của mã mọi nhiệm vụ (ví dụ dvk-2021).")))
    var id: String?

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Print the document's outline: each paragraph's role and the rule that decided it.",
                vi: "In dàn ý của văn bản: vai trò của từng đoạn và quy tắc đã quyết định nó.")))
    var explain = false

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Also import the units' standing duties of a lower-ranked part, as a section of its own.",
                vi: "Nhập cả nhiệm vụ thường xuyên của các đơn vị ở phần xếp sau, thành một phần riêng.")))
    var standingDuties = false

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en:
                    "Take the items from this part: its numeral (IV), PL for the appendix, or a word of its title. Repeatable.",
                vi:
                    "Lấy nhiệm vụ từ phần này: số La Mã (IV), PL cho phụ lục, hoặc một từ trong tên phần. Dùng được nhiều lần."
            )))
    var section: [String] = []

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(en: "Print the files instead of writing them.", vi: "In các tệp ra thay vì ghi vào đĩa.")))
    var dryRun = false

    @Flag(
        name: .long,
        help: HelpText.help(Localized(en: "Overwrite files that already exist.", vi: "Ghi đè các tệp đã có.")))
    var force = false

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Append the units the registry does not know to schemas/units.yaml.",
                vi: "Thêm các đơn vị chưa có trong danh mục vào schemas/units.yaml.")))
    var addUnits = false

    /// Plan documents are a few hundred kilobytes; anything past this is not one.
    static let maxBytes = 16 << 20

    func run() throws {
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let config = try WorkspaceLoader.loadConfig(from: source)
        let language = options.language(config)
        let registry = try WorkspaceLoader.loadRegistry(config, from: source)

        let path = URL(
            fileURLWithPath: file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/")
        ).path
        let bytes = try Self.readDocument(path, shown: file)
        // A Word or OpenDocument package (told by its content, not its name) is read as its plain text.
        let office: OfficeImport.Result?
        do { office = try OfficeImport.read(bytes, path: file) } catch {
            Terminal.error(error.render(language))
            throw ExitCode(2)
        }
        let text = try office?.text ?? PlanImporter.decode(bytes, path: file)
        let options = ImportOptions(standingDuties: standingDuties, sections: section)
        let plan = PlanImporter(registry: registry).read(text, options: options)
        if explain {
            Terminal.write(plan.outline.explained())
            if id == nil { return }
        }
        guard let id else {
            throw ValidationError(
                HelpText.string(
                    Localized(
                        en: "--id is required to import (only --explain runs without it)",
                        vi: "cần --id để nhập (chỉ --explain chạy được khi không có nó)")))
        }
        guard ImportWriter.isValidPlanID(id) else { throw PlanError.other(Message(.importBadID, id)) }
        if !section.isEmpty, plan.items.isEmpty {
            throw PlanError.other(Message(.importNoSection, file, section.joined(separator: ", "), plan.partNames))
        }
        guard !plan.items.isEmpty else { throw PlanError.other(Message(.importNoItems, file)) }

        let writer = ImportWriter(planID: id, plansPath: config.plansPath, language: language)
        let summary = ImportSummary(plan: plan, writer: writer, registry: registry)
        let output = try ImportFiles(
            summary, root: root, config: config, source: source, addUnits: addUnits, force: force)
        if dryRun {
            for f in output.files { Terminal.write("==> \(f.path) <==\n\(f.text)\n") }
            if let text = output.unitsText { Terminal.write("==> \(config.unitsPath) <==\n\(text)\n") }
        } else {
            try output.write(root: root)
        }
        Terminal.write(
            summary.render(
                language, dryRun: dryRun, unitsPath: config.unitsPath,
                addedUnits: dryRun || output.unitsText == nil ? nil : output.addedUnits, unitsError: output.unitsError))
        Terminal.write(OfficeImport.notesText(office?.notes ?? [], language))
    }

    /// The document's bytes, refusing a file too large to be a plan before reading it.
    static func readDocument(_ path: String, shown: String) throws(PlanError) -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw PlanError.io(path: shown, reason: String(cString: strerror(ENOENT)))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            throw PlanError.other(Message(.importTooLarge, shown, String(size), String(maxBytes)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanError.io(path: shown, reason: String(cString: strerror(EACCES)))
        }
        return [UInt8](data)
    }
}
