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
        // The history (from the report's cache, most often) is read while the files are.
        let reading =
            noHistory
            ? nil
            : Background { () throws -> [CommitReport] in
                let workspace = try RepoWorkspace.locate(from: root, workspace: root)
                let reader = try HistoryReader(workspace: workspace).helped(by: workspace)
                let history = try reader.reports(HistoryOptions())
                reader.saveCache()
                return history
            }
        var load = LoadOptions()
        load.gatherFacts = false
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: root), options: load)
        let language = options.language(snapshot.config)
        var history: [CommitReport] = []
        do {
            history = try reading?.value() ?? []
            Timing.mark("site: history")
        } catch let error as PlanError {
            Terminal.error(Message(.siteNoHistory, error.render(language)).render(language))
        } catch let error as GitError {
            Terminal.error(Message(.siteNoHistory, PlanError(error).render(language)).render(language))
        }
        let folder = URL(fileURLWithPath: output).standardizedFileURL.path
        let model = SiteModel(
            SiteInput(snapshot: snapshot, history: history, today: today ?? .today(), language: language))
        Timing.mark("site: model")
        let pages = Site.pages(model)
        Timing.mark("site: pages listed")
        let result = try SiteFolder.write(pages, to: folder, generator: programIdentity())
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
/// which files are the site's, so pages of items that are gone are removed and nothing else is; it also
/// keeps each page's fingerprint and size, so a page whose inputs did not change is not even made again.
enum SiteFolder {
    static let manifest = ".plan-site"
    /// The cache of rendered bodies older versions kept; removed on the way.
    static let oldBodies = ".plan-site-bodies"
    static let magic = "plan-site 2"

    /// What the site's files were at the end of the last run: path to fingerprint and size, the
    /// fingerprint nil when unknown (a page being written when a run stopped, or an older manifest).
    struct Manifest: Equatable {
        struct Entry: Equatable {
            var fingerprint: UInt64?
            var size: Int
        }

        var generator: UInt64?
        var files: [String: Entry]

        init(generator: UInt64?, files: [String: Entry] = [:]) {
            self.generator = generator
            self.files = files
        }

        /// Any bytes: lines that are not a path with a fingerprint and a size are paths without one (the
        /// first version listed paths only).
        init(bytes: [UInt8]) {
            generator = nil
            files = [:]
            let magic = Array((SiteFolder.magic + " ").utf8)
            func hex(_ s: ArraySlice<UInt8>) -> UInt64? {
                guard !s.isEmpty, s.count <= 16 else { return nil }
                var v: UInt64 = 0
                for c in s {
                    switch c {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt64(c - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt64(c - UInt8(ascii: "a") + 10)
                    default: return nil
                    }
                }
                return v
            }
            func decimal(_ s: ArraySlice<UInt8>) -> Int? {
                guard !s.isEmpty, s.count <= 18 else { return nil }
                var v = 0
                for c in s {
                    guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                    v = v * 10 + Int(c - UInt8(ascii: "0"))
                }
                return v
            }
            var start = 0
            var first = true
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let line = bytes[start..<end]
                start = end + 1
                if line.isEmpty { continue }
                if first, line.starts(with: magic) {
                    generator = hex(line.dropFirst(magic.count))
                    first = false
                    continue
                }
                first = false
                let tabs = line.indices.filter { line[$0] == UInt8(ascii: "\t") }
                if tabs.count == 2, let size = decimal(line[(tabs[1] + 1)...]) {
                    let path = String(decoding: line[..<tabs[0]], as: UTF8.self)
                    files[path] = Entry(fingerprint: hex(line[(tabs[0] + 1)..<tabs[1]]), size: size)
                } else {
                    files[String(decoding: line, as: UTF8.self)] = Entry(fingerprint: nil, size: -1)
                }
            }
        }

        var bytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(files.count * 64 + 64)
            func hex(_ v: UInt64?) {
                guard let v else { return out.append(UInt8(ascii: "-")) }
                out.append(contentsOf: String(v, radix: 16).utf8)
            }
            out.append(contentsOf: (SiteFolder.magic + " ").utf8)
            hex(generator)
            out.append(UInt8(ascii: "\n"))
            for path in files.keys.sorted() {
                let entry = files[path]!
                out.append(contentsOf: path.utf8)
                out.append(UInt8(ascii: "\t"))
                hex(entry.fingerprint)
                out.append(UInt8(ascii: "\t"))
                out.append(contentsOf: String(entry.size).utf8)
                out.append(UInt8(ascii: "\n"))
            }
            return out
        }
    }

    /// Makes each page whose fingerprint changed and writes it when its bytes changed, on every core.
    /// Pages are made again from the workspace at will: no need to wait for the disk on each one.
    static func write(_ pages: [SitePage], to folder: String, generator: UInt64?) throws -> (
        written: Int, unchanged: Int, removed: Int
    ) {
        let fm = FileManager.default
        let manifestPath = folder + "/" + manifest
        let old = fm.contents(atPath: manifestPath).map { Manifest(bytes: Array($0)) }
        var folders: Set<Substring> = []
        for page in pages {
            if let slash = page.path.utf8.lastIndex(of: UInt8(ascii: "/")) { folders.insert(page.path[..<slash]) }
        }
        for dir in [folder] + folders.sorted().map({ folder + "/" + $0 }) {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw PlanError.io(path: dir, reason: error.localizedDescription)
            }
        }
        // A page is kept as it is when the last run made it from the same inputs, with the same program,
        // and the file is still the size it wrote.
        let sameProgram = generator != nil && old?.generator == generator
        let kept = try Parallel.map(count: pages.count, makeState: { () }) { _, k -> Bool in
            guard sameProgram, let print = pages[k].fingerprint, let was = old?.files[pages[k].path],
                was.fingerprint == print, was.size >= 0
            else { return false }
            var st = stat()
            return stat(folder + "/" + pages[k].path, &st) == 0 && Int(st.st_size) == was.size
        }
        Timing.mark("site: kept")
        // Before any page is written, the manifest forgets the fingerprints of those about to be made: a
        // run interrupted half-way leaves pages the manifest does not vouch for, and the next run makes
        // them. (Pages without a fingerprint are made every time anyway; files no longer made stay
        // listed, to be removed.) Not flushed to the disk, like the pages themselves.
        if var next = old {
            for (k, page) in pages.enumerated() where !kept[k] && next.files[page.path]?.fingerprint != nil {
                next.files[page.path]!.fingerprint = nil
            }
            if next != old { try AtomicFile.write(next.bytes, to: manifestPath, durable: false) }
        }

        // The pages to make, each on a thread of its own (after one edit: a few, some of them large),
        // the largest last time first.
        let toMake = pages.indices.filter { !kept[$0] }.sorted {
            (old?.files[pages[$0].path]?.size ?? 0) > (old?.files[pages[$1].path]?.size ?? 0)
        }
        let making = try Parallel.map(count: toMake.count, heavy: toMake.count < 64, makeState: { () }) {
            _, n -> (written: Bool, size: Int) in
            let k = toMake[n]
            let path = folder + "/" + pages[k].path
            let bytes = pages[k].make()
            if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count,
                existing.withUnsafeBytes({ e in
                    bytes.withUnsafeBytes { memcmp(e.baseAddress!, $0.baseAddress!, e.count) }
                })
                    == 0
            {
                return (false, bytes.count)
            }
            try AtomicFile.write(bytes, to: path, durable: false)
            return (true, bytes.count)
        }
        var made = pages.indices.map { k in (written: false, size: kept[k] ? old!.files[pages[k].path]!.size : 0) }
        for (n, k) in toMake.enumerated() { made[k] = making[n] }
        Timing.mark("site: made")
        let now = Set(pages.map(\.path))
        var removed = 0
        for path in Set(old?.files.keys.map { $0 } ?? []).subtracting(now).sorted()
        where WorkspacePath.isSafeRelative(path) {
            if (try? fm.removeItem(atPath: folder + "/" + path)) != nil { removed += 1 }
        }
        try? fm.removeItem(atPath: folder + "/" + oldBodies)
        func entry(_ k: Int) -> Manifest.Entry { Manifest.Entry(fingerprint: pages[k].fingerprint, size: made[k].size) }
        var same = old?.generator == generator && old?.files.count == pages.count
        for k in pages.indices where same { same = old?.files[pages[k].path] == entry(k) }
        if !same {
            var final = Manifest(generator: generator)
            for k in pages.indices { final.files[pages[k].path] = entry(k) }
            try AtomicFile.write(final.bytes, to: manifestPath, durable: false)
        }
        let count = made.count { $0.written }
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
