import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: HelpText.string(
            Localized(
                en: "Create a plan workspace: plan.yaml, schemas, plans/, git hooks.",
                vi: "Tạo thư mục kế hoạch: plan.yaml, lược đồ, thư mục plans/, hook của git.")),
        discussion: HelpText.string(
            Localized(
                en: """
                    Creates the workspace layout in DIR (default: the current folder): plan.yaml, the schema, the \
                    registry of units, plans/; makes it a git repository when it is not in one yet, and installs the \
                    hooks. It writes nothing when any of its files already exists.
                    """,
                vi: """
                    Tạo thư mục kế hoạch mới trong DIR (mặc định: thư mục hiện tại): plan.yaml, lược đồ, danh mục đơn \
                    vị, thư mục plans/; tạo kho git nếu thư mục chưa nằm trong kho nào, và cài hook của git. Không ghi \
                    gì nếu đã có bất kỳ tệp nào trong số đó.
                    """))
    )

    @Argument(
        help: HelpText.help(
            Localized(
                en: "The folder to create the workspace in (created if missing).",
                vi: "Thư mục sẽ chứa thư mục kế hoạch (tạo mới nếu chưa có).")))
    var directory: String = "."

    @Option(name: .long, help: HelpText.help(HelpText.lang))
    var lang: Language?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The years the plans run over, e.g. 2026-2030.", vi: "Các năm kế hoạch thực hiện, ví dụ 2026-2030.")
        ))
    var period: String?

    func run() throws {
        let language = Language.resolve(flag: lang, workspace: nil)
        let say = { (m: Message) in Terminal.write(m.render(language) + "\n") }
        let cwd = FileManager.default.currentDirectoryPath
        let root = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: cwd + "/")).standardizedFileURL.path
        if let period, PlanPeriod(text: period) == nil {
            throw PlanError.other(Message(.configBadValue, "period"))
        }
        let files = WorkspaceTemplate.files(locale: language, period: period)
        // Nothing is written when anything is in the way.
        for f in files {
            try SafePath.check(f.path, root: root)
            var st = stat()
            if lstat(root + "/" + f.path, &st) == 0 { throw PlanError.other(Message(.initExists, f.path)) }
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for f in files {
            let full = root + "/" + f.path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(f.text, to: full, defaultPermissions: f.executable ? 0o755 : 0o644)
            say(Message(.initWrote, f.path))
        }
        if (try? Repository.discover(from: root)) == nil {
            _ = try Repository.create(at: root)
            say(Message(.initGitCreated, directory))
        } else {
            say(Message(.initGitFound, directory))
        }
        let workspace = try RepoWorkspace.locate(from: root, workspace: root)
        try HookInstaller.install(workspace: workspace, root: root, binary: executablePath(), force: false, say: say)
        let example = VietnameseText.slug((root as NSString).lastPathComponent, maxWords: 3)
        let id = ImportWriter.isValidPlanID(example) && !example.isEmpty ? example : "ke-hoach"
        Terminal.write("\n" + Message(.initNext).render(language) + "\n")
        for step in [MessageID.initNextImport, .initNextNew, .initNextCommit] {
            Terminal.write("  " + Message(step, id).render(language) + "\n")
        }
    }
}
