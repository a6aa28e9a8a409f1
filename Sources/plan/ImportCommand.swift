import ArgumentParser
import Foundation
import PlanKit
import PlanOffice

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a plan document (.docx, .odt or plain text) into plans/<ID>/plan.md and one file per item.",
        discussion: """
            Nhập văn bản kế hoạch (tệp Word .docx, .odt, hoặc văn bản thuần) thành plan.md và các tệp nhiệm vụ.

            Reads lists ("1-", "a)" with "- Chủ trì:", "- Phối hợp:", "- Thời gian thực hiện:" lines), task \
            tables (rows with cells separated by | or tabs, under a header row), and sections headed by a \
            unit's name. Text that is in no item goes into plan.md. Existing files are never overwritten \
            without --force; --dry-run prints the files instead of writing them.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(
        help: "The plan document: Word (.docx), OpenDocument (.odt), or plain text (UTF-8, or UTF-16 with a BOM).")
    var file: String

    @Option(
        name: .long, help: "The plan's id: its folder under plans/ and the first part of every item id (e.g. dvk-2021)."
    )
    var id: String

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
        guard ImportWriter.isValidPlanID(id) else { throw PlanError.other(Message(.importBadID, id)) }
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
        let plan = PlanImporter(registry: registry).read(text)
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
            Terminal.write(OfficeImport.notesText(office?.notes ?? [], language))
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

/// Where commands that write may write: inside the workspace, through no symbolic link and no `..`.
enum SafePath {
    static func check(_ relative: String, root: String) throws(PlanError) {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw PlanError.other(Message(.importUnsafePath, relative))
        }
        var path = root
        for part in parts {
            path += "/" + part
            var st = stat()
            guard lstat(path, &st) == 0 else { return }
            if st.st_mode & S_IFMT == S_IFLNK { throw PlanError.other(Message(.importUnsafePath, relative)) }
        }
    }
}
