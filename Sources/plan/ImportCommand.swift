import ArgumentParser
import Foundation
import PlanKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a plan document's plain text into plans/<ID>/plan.md and one file per item.",
        discussion: """
            Nhập văn bản kế hoạch (văn bản thuần, xuất từ PDF hoặc Word) thành plan.md và các tệp nhiệm vụ.

            Reads lists ("1-", "a)" with "- Chủ trì:", "- Phối hợp:", "- Thời gian thực hiện:" lines), task \
            tables (rows with cells separated by | or tabs, under a header row), and sections headed by a \
            unit's name. Text that is in no item goes into plan.md. Existing files are never overwritten \
            without --force; --dry-run prints the files instead of writing them.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The plan document as plain text (UTF-8, or UTF-16 with a byte-order mark).")
    var file: String

    @Option(
        name: .long, help: "The plan's id: its folder under plans/ and the first part of every item id (e.g. dvk-2021)."
    )
    var id: String?

    @Flag(name: .long, help: "Print the document's outline: each paragraph's role and the rule that decided it.")
    var explain = false

    @Flag(name: .long, help: "Also import the units' standing duties of a lower-ranked part, as a section of its own.")
    var standingDuties = false

    @Option(
        name: .long,
        help:
            "Take the items from this part: its numeral (IV), PL for the appendix, or a word of its title. Repeatable."
    )
    var section: [String] = []

    @Flag(name: .long, help: "Print the files instead of writing them.")
    var dryRun = false

    @Flag(name: .long, help: "Overwrite files that already exist.")
    var force = false

    @Flag(name: .long, help: "Append the units the registry does not know to schemas/units.yaml.")
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
        let text = try PlanImporter.decode(bytes, path: file)
        let options = ImportOptions(standingDuties: standingDuties, sections: section)
        let plan = PlanImporter(registry: registry).read(text, options: options)
        if explain {
            Terminal.write(plan.outline.explained())
            if id == nil { return }
        }
        guard let id else { throw ValidationError("--id is required to import (only --explain runs without it)") }
        guard ImportWriter.isValidPlanID(id) else { throw PlanError.other(Message(.importBadID, id)) }
        if !section.isEmpty, plan.items.isEmpty {
            throw PlanError.other(Message(.importNoSection, file, section.joined(separator: ", "), plan.partNames))
        }
        guard !plan.items.isEmpty else { throw PlanError.other(Message(.importNoItems, file)) }

        let writer = ImportWriter(planID: id, plansPath: config.plansPath, language: language)
        let summary = ImportSummary(plan: plan, writer: writer, registry: registry)
        let files = summary.files
        let toAdd = addUnits ? summary.unitsToAdd : []

        // Everything is checked before the first byte is written.
        for f in files { try SafePath.check(f.path, root: root) }
        if !force {
            for f in files where FileManager.default.fileExists(atPath: root + "/" + f.path) {
                throw PlanError.other(Message(.importExists, f.path))
            }
        }
        var unitsText: String?
        var unitsError: String?
        if !toAdd.isEmpty {
            try SafePath.check(config.unitsPath, root: root)
            let current =
                (try? source.read(config.unitsPath)).flatMap { $0.map { String(decoding: $0, as: UTF8.self) } } ?? ""
            do {
                unitsText = try UnitsFileAppender.append(toAdd, to: current, path: config.unitsPath)
            } catch {
                switch error {
                case .noList: unitsError = "no units: list at the end of the file"
                case .notParsed(let why): unitsError = why
                }
            }
        }

        if dryRun {
            for f in files {
                Terminal.write("==> \(f.path) <==\n\(f.text)\n")
            }
            if let unitsText {
                Terminal.write("==> \(config.unitsPath) <==\n\(unitsText)\n")
            }
            Terminal.write(summary.render(language, dryRun: true, unitsPath: config.unitsPath, unitsError: unitsError))
            return
        }
        for f in files {
            let full = root + "/" + f.path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(f.text, to: full)
        }
        if let unitsText { try AtomicFile.write(unitsText, to: root + "/" + config.unitsPath) }
        Terminal.write(
            summary.render(
                language, dryRun: false, unitsPath: config.unitsPath,
                addedUnits: unitsText == nil ? nil : toAdd.count, unitsError: unitsError))
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
