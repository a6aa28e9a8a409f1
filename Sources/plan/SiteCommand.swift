import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo
import PlanSite

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: HelpText.string(HelpText.siteAbstract),
        discussion: HelpText.string(HelpText.siteDiscussion)
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: [.customShort("o"), .long], help: HelpText.help(HelpText.siteOutput))
    var output: String

    @Option(name: .long, help: HelpText.help(HelpText.today))
    var today: CivilDate?

    @Flag(name: .long, help: HelpText.help(HelpText.siteNoHistory))
    var noHistory = false

    func run() throws {
        let root = try options.root()
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: root))
        let language = options.language(snapshot.config)
        var history: [CommitReport] = []
        if !noHistory {
            do {
                let workspace = try RepoWorkspace.locate(from: root, workspace: root)
                let reader = try HistoryReader(workspace: workspace)
                history = try reader.reports(HistoryOptions())
                reader.saveCache()
                Timing.mark("site: history")
            } catch let error as PlanError {
                Terminal.error(Message(.siteNoHistory, error.render(language)).render(language))
            } catch let error as GitError {
                Terminal.error(Message(.siteNoHistory, PlanError(error).render(language)).render(language))
            }
        }
        let folder = URL(fileURLWithPath: output).standardizedFileURL.path
        // The bodies rendered by the last run, kept beside the site (a cache: deleting it costs time only).
        let bodiesPath = folder + "/" + SiteFolder.bodies
        let bodies =
            FileManager.default.contents(atPath: bodiesPath).flatMap { RenderedBodies(bytes: Array($0)) }
            ?? RenderedBodies()
        let model = SiteModel(
            SiteInput(snapshot: snapshot, history: history, today: today ?? .today(), language: language))
        Timing.mark("site: model")
        let result = try SiteFolder.write(Site.pages(model, bodies: bodies), to: folder)
        if bodies.changed { try? AtomicFile.write(bodies.bytes, to: bodiesPath, durable: false) }
        Timing.mark("site: written")
        Terminal.error(
            Message(.siteWritten, String(result.written), String(result.unchanged), String(result.removed))
                .render(language))
        Terminal.write(folder + "/index.html\n")
        // Ten thousand items' pages and history are not freed one by one on the way out.
        withExtendedLifetime((snapshot, history, model)) { Terminal.finish(status: 0) }
    }
}

/// The output folder: files written atomically and only when their bytes changed, so a second run after
/// one edit rewrites only the pages that edit touched. A list of the files written (`.plan-site`) says
/// which files are the site's, so pages of items that are gone are removed and nothing else is.
enum SiteFolder {
    static let manifest = ".plan-site"
    static let bodies = ".plan-site-bodies"

    /// Makes each page and writes it when its bytes changed, on every core. Pages are made again from
    /// the workspace at will: no need to wait for the disk on each one.
    static func write(_ pages: [SitePage], to folder: String) throws -> (written: Int, unchanged: Int, removed: Int) {
        let fm = FileManager.default
        let old =
            (fm.contents(atPath: folder + "/" + manifest)).map {
                Set(String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init))
            } ?? []
        var folders: Set<String> = [folder]
        for page in pages { folders.insert(((folder + "/" + page.path) as NSString).deletingLastPathComponent) }
        for dir in folders.sorted() {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw PlanError.io(path: dir, reason: error.localizedDescription)
            }
        }
        let written = try Parallel.map(count: pages.count, makeState: { () }) { _, k -> Bool in
            let path = folder + "/" + pages[k].path
            let bytes = pages[k].make()
            if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count,
                existing.withUnsafeBytes({ e in
                    bytes.withUnsafeBytes { memcmp(e.baseAddress!, $0.baseAddress!, e.count) }
                })
                    == 0
            {
                return false
            }
            try AtomicFile.write(bytes, to: path, durable: false)
            return true
        }
        let now = Set(pages.map(\.path))
        var removed = 0
        for path in old.subtracting(now).sorted() where WorkspacePath.isSafeRelative(path) {
            if (try? fm.removeItem(atPath: folder + "/" + path)) != nil { removed += 1 }
        }
        let list = pages.map(\.path).joined(separator: "\n") + "\n"
        if fm.contents(atPath: folder + "/" + manifest).map({ String(decoding: $0, as: UTF8.self) }) != list {
            try AtomicFile.write(list, to: folder + "/" + manifest)
        }
        let count = written.count { $0 }
        return (count, pages.count - count, removed)
    }
}

extension HelpText {
    static let siteAbstract = Localized(
        en: "Write the plans as a static website: dashboard, timeline, unit and item pages.",
        vi: "Xuất kế hoạch thành trang web tĩnh: tổng quan, biểu đồ tiến độ, trang đơn vị và trang nhiệm vụ.")
    static let siteDiscussion = Localized(
        en: """
            The site needs no server and no network: open index.html from disk, or publish the folder on any web \
            server. Pages: the plans with their headline figures; one page per plan (units × states, a timeline \
            with today and the report deadlines, overdue items and those due in 30 days, every item with filters); \
            one page per unit and per item (its fields, body, and changes from git). Only files whose bytes \
            changed are rewritten. Prints the path of index.html.
            """,
        vi: """
            Trang web không cần máy chủ hay mạng: mở index.html từ máy, hoặc đưa thư mục lên bất kỳ máy chủ web \
            nào. Gồm: danh sách kế hoạch với các số liệu chính; mỗi kế hoạch một trang (đơn vị × tình trạng, \
            biểu đồ tiến độ có ngày hôm nay và các hạn báo cáo, nhiệm vụ quá hạn và sắp đến hạn trong 30 ngày, \
            toàn bộ nhiệm vụ kèm bộ lọc); mỗi đơn vị và mỗi nhiệm vụ một trang (thông tin, nội dung, các thay đổi \
            trong git). Chỉ ghi lại những tệp có thay đổi. In ra đường dẫn của index.html.
            """)
    static let siteOutput = Localized(
        en: "The folder to write the site into (created if missing).",
        vi: "Thư mục ghi trang web (tạo mới nếu chưa có).")
    static let siteNoHistory = Localized(
        en: "Do not read git history (item pages then show no changes).",
        vi: "Không đọc lịch sử git (trang nhiệm vụ sẽ không có lịch sử thay đổi).")
}
