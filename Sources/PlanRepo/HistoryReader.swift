import Foundation
import PlanGit
import PlanKit

/// Which commits a report covers.
public struct HistoryOptions: Sendable {
    /// `A..B`, a single revision, or nil for HEAD's whole history.
    public var range: String?
    /// Author dates, inclusive.
    public var since: CivilDate?
    public var until: CivilDate?
    public var firstParent = false
    /// Oldest first.
    public var reverse = false

    public init(
        range: String? = nil, since: CivilDate? = nil, until: CivilDate? = nil, firstParent: Bool = false,
        reverse: Bool = false
    ) {
        self.range = range
        self.since = since
        self.until = until
        self.firstParent = firstParent
        self.reverse = reverse
    }
}

/// Reads the plan's history: for each commit, what changed in which item, compared with its first
/// parent. Only the files a commit changed are read (subtrees with equal ids are skipped), parsed
/// versions are kept by blob id, and per-commit results are cached by commit id, which never changes.
public final class HistoryReader {
    let workspace: RepoWorkspace
    let cache: ReportCache
    let plansPath: String
    let unitsPath: String

    /// Reads with the given places of plans and registry, saving nothing: a helper process's reader.
    public convenience init(workspace: RepoWorkspace, plansPath: String, unitsPath: String) throws {
        try self.init(workspace, plansPath: plansPath, unitsPath: unitsPath, cachePath: nil)
    }

    /// `persistent`: read and save per-commit results under the repository's git folder.
    public convenience init(workspace: RepoWorkspace, persistent: Bool = true) throws {
        // Where plans and the registry are, from the configuration at HEAD (the defaults before any).
        let repo = try workspace.open()
        var config = WorkspaceConfig()
        if let head = try repo.head(),
            let source = try? GitFileSource.tree(
                repo.commit(head).tree, label: "HEAD", workspace, listing: [WorkspaceConfig.fileName],
                repository: repo),
            let c = try? WorkspaceLoader.loadConfig(from: source)
        {
            config = c
        }
        try self.init(
            workspace, plansPath: config.plansPath, unitsPath: config.unitsPath,
            cachePath: persistent ? workspace.cacheFile("report-cache") : nil)
    }

    private init(_ workspace: RepoWorkspace, plansPath: String, unitsPath: String, cachePath: String?) throws {
        try Repository.prepareForHistory()
        self.workspace = workspace
        self.plansPath = plansPath
        self.unitsPath = unitsPath
        self.cachePath = cachePath
        let key = [workspace.prefix, plansPath, unitsPath].joined(separator: "|")
        cache = cachePath.map { ReportCache.load(path: $0, key: key) } ?? ReportCache(key: key)
    }

    /// Where plans and the registry are, as this reader reads them (a helper is told the same).
    public var paths: (plans: String, units: String) { (plansPath, unitsPath) }

    let cachePath: String?
    /// Another process that reads commits as this one does (`HistoryHelper`), made when a history of at
    /// least `helperMinimum` commits is to be read.
    public var helper: (@Sendable () throws -> HistoryHelper)?
    public var helperMinimum = 2000
    /// About how many changed item files a window of commits has (their versions are held together).
    var windowFiles = 4096

    /// Saves what this reader computed since it was read or last saved, when anything; a cache that
    /// cannot be written is not an error.
    public func saveCache() {
        guard let cachePath, cache.isDirty else { return }
        try? cache.save(path: cachePath)
    }

    /// The commits of the range that changed plan items, in order (newest first unless `reverse`).
    public func reports(_ options: HistoryOptions) throws -> [CommitReport] {
        Timing.mark("history: start")
        let repo = try workspace.open()
        let ids: [ObjectID]
        if let spec = options.range {
            let r = try repo.range(spec)
            ids = try repo.commits(
                include: [r.include], exclude: r.exclude.map { [$0] } ?? [],
                excludeBranches: r.excludeBranches,
                options: .init(reverse: options.reverse, firstParent: options.firstParent))
        } else if let head = try repo.head() {
            let newestFirst = try history(from: head, firstParent: options.firstParent, repo)
            ids = options.reverse ? newestFirst.reversed() : newestFirst
        } else {
            ids = []
        }
        // Cached commits are taken as they are; the others are read on every core.
        let missing = ids.filter { cache.get($0.description) == nil }
        Timing.mark("history: \(ids.count) commits walked, \(missing.count) not kept")
        if !missing.isEmpty {
            let computed =
                if let helper, missing.count >= helperMinimum, Parallel.workers > 1 {
                    try readSharing(missing, with: helper)
                } else {
                    try read(missing)
                }
            for (id, value) in zip(missing, computed) { cache.set(id.description, value) }
        }
        var out: [CommitReport] = []
        for id in ids {
            guard let c = cache.get(id.description), !c.changes.isEmpty else { continue }
            let report = c.report(id: id.description)
            if let since = options.since, report.day < since { continue }
            if let until = options.until, report.day > until { continue }
            out.append(report)
        }
        return out
    }
}

/// Reads commits in another process, as `HistoryReader.commits` does in this one: libgit2 reads git
/// objects about as fast on two threads of one process as on one (a repository's pack files, their
/// locks and their cache of delta bases are shared by all its handles), and two processes each at
/// full speed. A helper is used from one thread, which it may change (its signal mask).
public protocol HistoryHelper: AnyObject {
    func read(_ ids: [ObjectID]) throws -> [CachedCommit]
}

extension HistoryReader {
    /// Reads commits on one thread of this process, for a helper process (see `HistoryHelper`).
    public func commits(_ ids: [ObjectID]) throws -> [CachedCommit] {
        try read(ids, threads: 1)
    }

    /// Reads commits here and in helper processes at once, a stretch of the history each (one per
    /// core; this process reads the newest). Each reads its stretch whole, trees first, then blobs:
    /// handing out short runs of commits instead, so that a process done early takes more, made each
    /// run read trees and blobs in turns, and libgit2's cache of delta bases then kept neither (on the
    /// 10,000-commit copies workload, 2.5 s read whole against 3.8 s in runs of 312). Each helper is
    /// used from a thread of its own. A helper that cannot be started or fails leaves its stretch to
    /// this process: the result never depends on helpers.
    func readSharing(
        _ ids: [ObjectID], lanes: Int = Parallel.workers,
        with makeHelper: @escaping @Sendable () throws -> HistoryHelper
    ) throws -> [CachedCommit] {
        let size = max(1, (ids.count + lanes - 1) / lanes)
        let stretches = stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min(ids.count, $0 + size)]) }
        guard !stretches.isEmpty else { return [] }
        let helping = stretches.dropFirst().map { stretch in
            Background { () -> [CachedCommit]? in
                guard let helper = try? makeHelper(), let done = try? helper.read(stretch),
                    done.count == stretch.count
                else { return nil }
                return done
            }
        }
        var out = try read(stretches[0], threads: 1)
        out.reserveCapacity(ids.count)
        for (stretch, helper) in zip(stretches.dropFirst(), helping) {
            out += try helper.value() ?? read(stretch)
        }
        return out
    }

    /// Reads commits on every core, in three steps, so that one commit of thousands of files (a plan's
    /// first import) is shared out as well as thousands of commits of a few: each commit's author,
    /// message, changed item files (its tree compared with its first parent's) and units registry;
    /// then, a window of commits at a time, the versions of those files (each blob read and parsed
    /// once in the window); then each commit's item changes. The threads reading git keep one
    /// repository each from step to step (and its trees from commit to commit: `TreeMemo`).
    ///
    /// Reading git does not get much faster on more threads: libgit2 shares a repository's pack files,
    /// their locks and their cache of delta bases between all its handles. On 10,000 commits, comparing
    /// trees took as long on two threads as on one; what two threads share out well is parsing and
    /// comparing the versions.
    func read(_ ids: [ObjectID], threads: Int? = nil) throws -> [CachedCommit] {
        let workspace = self.workspace
        let plans = plansPath
        let units = unitsPath
        let windowFiles = self.windowFiles
        let pool = Locked<[CommitReader]>([])
        let take = {
            try pool.withLock { $0.popLast() }
                ?? CommitReader(repository: workspace.open(), workspace: workspace, plansPath: plans, unitsPath: units)
        }
        let put = { (reader: CommitReader) in pool.withLock { $0.append(reader) } }
        let heads = try Parallel.map(count: ids.count, batch: 16, threads: threads, makeState: take, finish: put) {
            reader, i in
            let head = try reader.head(ids[i])
            return (head, head.files.isEmpty ? nil : try reader.registry(at: head.commit.tree))
        }
        Timing.mark("history: \(ids.count) commits compared")
        var out: [CachedCommit] = []
        out.reserveCapacity(ids.count)
        var start = 0
        while start < ids.count {
            // A window of commits with about `windowFiles` changed item files (or one larger commit).
            var end = start
            var files = 0
            while end < ids.count && (end == start || files + heads[end].0.files.count <= windowFiles) {
                files += heads[end].0.files.count
                end += 1
            }
            var position: [ObjectID: Int] = [:]
            var blobs: [(id: ObjectID, path: String)] = []
            for (head, _) in heads[start..<end] {
                for file in head.files {
                    for blob in [file.old, file.new] {
                        guard let blob, position[blob] == nil else { continue }
                        position[blob] = blobs.count
                        blobs.append((blob, file.path))
                    }
                }
            }
            let versions = try Parallel.map(
                count: blobs.count, batch: 16, threads: threads, makeState: take, finish: put
            ) { reader, k in
                try CommitReader.version(reader.blobContent(blobs[k].id), blobs[k].path)
            }
            let window = heads[start..<end]
            out += try Parallel.map(count: window.count, batch: 16, threads: threads, makeState: {}) { _, k in
                let (head, registry) = window[window.startIndex + k]
                var old: [ItemVersion] = []
                var new: [ItemVersion] = []
                for file in head.files {
                    if let o = file.old { old.append(versions[position[o]!].at(file.path)) }
                    if let n = file.new { new.append(versions[position[n]!].at(file.path)) }
                }
                let changes =
                    old.isEmpty && new.isEmpty
                    ? []
                    : ItemDiff.changes(
                        old: old, new: new, registry: registry ?? .empty, similarity: CommitReader.similarity)
                return head.cached(changes)
            }
            Timing.mark("history: \(end - start) commits, \(blobs.count) versions")
            start = end
        }
        return out
    }

    /// Every commit reachable from `head`, newest first, as `Repository.commits` walks them. The walk
    /// from a commit never changes (commits are immutable), so the last one is kept in the cache and
    /// reused when HEAD is where it started, or one commit on (a commit whose only parent, or first
    /// parent with `firstParent`, is where it started: that walk is the commit, then the old one).
    /// A shallow clone is walked every time: deepening it changes the walk from the same commit.
    func history(from head: ObjectID, firstParent: Bool, _ repo: Repository) throws -> [ObjectID] {
        let shallow = repo.isShallow
        if !shallow, let last = cache.walk(firstParent: firstParent) {
            if last.head == head { return last.ids }
            let parents = try repo.commit(head).parents
            if firstParent ? parents.first == last.head : parents == [last.head] {
                let ids = [head] + last.ids
                cache.setWalk(head: head, ids: ids, firstParent: firstParent)
                return ids
            }
        }
        let ids = try repo.commits(include: [head], options: .init(firstParent: firstParent))
        if !shallow { cache.setWalk(head: head, ids: ids, firstParent: firstParent) }
        return ids
    }
}

/// Reads single commits with one repository handle (one thread).
final class CommitReader {
    let repository: Repository
    let workspace: RepoWorkspace
    let plansPath: String
    let unitsPath: String
    private var versions: [ObjectID: ItemVersion] = [:]
    private static let keptVersions = 512
    private var registries: [ObjectID: UnitRegistry] = [:]

    init(repository: Repository, workspace: RepoWorkspace, plansPath: String, unitsPath: String) {
        self.repository = repository
        self.workspace = workspace
        self.plansPath = plansPath
        self.unitsPath = unitsPath
    }

    /// A commit's author, message and changed item files (workspace paths), compared with its first
    /// parent.
    struct Head: Sendable {
        let commit: Commit
        let files: [ChangedFile]

        func cached(_ changes: [ItemChange]) -> CachedCommit {
            CachedCommit(
                author: commit.author.name, email: commit.author.email, time: commit.author.time,
                offsetMinutes: commit.author.offsetMinutes, message: commit.message, changes: changes)
        }
    }

    func head(_ id: ObjectID) throws -> Head {
        let commit = try repository.commit(id)
        let parentTree = try commit.parents.first.map { try repository.tree(ofCommit: $0) }
        let plans = workspace.repoPath(plansPath)
        let files = try repository.changedFiles(from: parentTree, to: commit.tree, under: plans)
            .compactMap(workspace.workspaceChange)
            .filter { WorkspacePath.isItem($0.path, plansPath: plansPath) }
        return Head(commit: commit, files: files)
    }

    /// The item changes among changed files (workspace paths), the registry read only when needed.
    func changes(_ changed: [ChangedFile], registry: () throws -> UnitRegistry) throws -> [ItemChange] {
        let (old, new) = try itemVersions(changed)
        guard !old.isEmpty || !new.isEmpty else { return [] }
        return ItemDiff.changes(old: old, new: new, registry: try registry(), similarity: Self.similarity)
    }

    /// The two sides of the changed item files (workspace paths).
    func itemVersions(_ changed: [ChangedFile]) throws -> (old: [ItemVersion], new: [ItemVersion]) {
        var old: [ItemVersion] = []
        var new: [ItemVersion] = []
        for file in changed where WorkspacePath.isItem(file.path, plansPath: plansPath) {
            if let o = file.old { old.append(try version(o, file.path)) }
            if let n = file.new { new.append(try version(n, file.path)) }
        }
        return (old, new)
    }

    /// How alike two versions are (0-100), for pairing an item moved without an id.
    static func similarity(_ a: ItemVersion, _ b: ItemVersion) -> Int {
        Similarity.score(
            Array((a.fields.serialized(indent: nil) + a.body).utf8),
            Array((b.fields.serialized(indent: nil) + b.body).utf8))
    }

    func version(_ blob: ObjectID, _ path: String) throws -> ItemVersion {
        if let v = versions[blob] { return v.path == path ? v : v.at(path) }
        let v = Self.version(try blobContent(blob), path)
        // Kept for the commits nearby (an item edited again soon), not for the whole history.
        if versions.count >= Self.keptVersions { versions.removeAll(keepingCapacity: true) }
        versions[blob] = v
        return v
    }

    /// An item file's bytes, unless it is over the size a file may have.
    func blobContent(_ blob: ObjectID) throws -> BlobContent {
        try repository.blob(blob, limit: Limits.default.maxFileBytes)
    }

    /// An item's version from its blob.
    static func version(_ content: BlobContent, _ path: String) -> ItemVersion {
        switch content {
        case .bytes(let b): ItemVersion(path: path, bytes: b)
        case .tooLarge: ItemVersion(path: path, fields: [:], body: "", parsed: false)
        }
    }

    func registry(at tree: ObjectID) throws -> UnitRegistry {
        guard let entry = try repository.entry(in: tree, path: workspace.repoPath(unitsPath)) else { return .empty }
        if let r = registries[entry.id] { return r }
        let r = (try? UnitRegistryFile.parse(path: unitsPath, bytes: repository.blob(entry.id))) ?? .empty
        registries[entry.id] = r
        return r
    }
}

/// What is cached of a commit: enough to print it without reading it again.
public struct CachedCommit: Sendable {
    public let author: String
    public let email: String
    public let time: Int64
    public let offsetMinutes: Int
    public let message: String
    public let changes: [ItemChange]

    func write(to w: inout BinaryWriter) {
        w.string(author)
        w.string(email)
        w.number(Int(time))
        w.number(offsetMinutes)
        w.string(message)
        w.number(changes.count)
        for ch in changes { ItemChangeCodec.write(ch, to: &w) }
    }

    static func read(_ r: inout BinaryReader) -> CachedCommit? {
        guard let author = r.string(), let email = r.string(), let time = r.number(), let offset = r.number(),
            let message = r.string(), let n = r.number(), n >= 0
        else { return nil }
        var changes: [ItemChange] = []
        changes.reserveCapacity(min(n, 1 << 16))
        for _ in 0..<n {
            guard let c = ItemChangeCodec.read(&r) else { return nil }
            changes.append(c)
        }
        return CachedCommit(
            author: author, email: email, time: Int64(time), offsetMinutes: offset, message: message,
            changes: changes)
    }

    static let batchHeader = "plan-history 1\n"

    /// Commits as a helper process sends them (`HistoryHelper`).
    public static func encode(_ commits: [CachedCommit]) -> [UInt8] {
        var w = BinaryWriter(magic: batchHeader)
        w.number(commits.count)
        for c in commits { c.write(to: &w) }
        return w.finished()
    }

    /// Nil when the bytes are not exactly what `encode` writes.
    public static func decode(_ bytes: [UInt8]) -> [CachedCommit]? {
        bytes.withUnsafeBufferPointer { buffer -> [CachedCommit]? in
            guard var r = BinaryReader(buffer, magic: batchHeader), let count = r.number(), count >= 0 else {
                return nil
            }
            var out: [CachedCommit] = []
            out.reserveCapacity(min(count, 1 << 20))
            for _ in 0..<count {
                guard let c = read(&r) else { return nil }
                out.append(c)
            }
            return r.atEnd ? out : nil
        }
    }

    func report(id: String) -> CommitReport {
        CommitReport(
            id: id, author: author, email: email, time: time, offsetMinutes: offsetMinutes, message: message,
            changes: changes)
    }
}

/// Per-commit results by commit id, saved under the repository's git folder. Commits never change, so
/// an entry never goes stale; the file is thrown away whole when it does not read back exactly.
public final class ReportCache: @unchecked Sendable {
    static let header = "plan-report 4\n"
    private let lock = NSLock()
    private var entries: [String: CachedCommit] = [:]
    /// The last walk of the history from HEAD, by its first-parent flag (`HistoryReader.history`).
    private var walks: [Bool: (head: ObjectID, ids: [ObjectID])] = [:]
    private var dirty = false
    let key: String

    /// `key` names what the results depend on besides the commit (the workspace's place in the tree).
    public init(key: String) {
        self.key = key
    }

    public func get(_ id: String) -> CachedCommit? {
        lock.lock()
        defer { lock.unlock() }
        return entries[id]
    }

    public func set(_ id: String, _ value: CachedCommit) {
        lock.lock()
        defer { lock.unlock() }
        entries[id] = value
        dirty = true
    }

    func walk(firstParent: Bool) -> (head: ObjectID, ids: [ObjectID])? {
        lock.lock()
        defer { lock.unlock() }
        return walks[firstParent]
    }

    func setWalk(head: ObjectID, ids: [ObjectID], firstParent: Bool) {
        lock.lock()
        defer { lock.unlock() }
        walks[firstParent] = (head, ids)
        dirty = true
    }

    public var isDirty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return dirty
    }

    public static func load(path: String, key: String) -> ReportCache {
        let cache = ReportCache(key: key)
        guard let data = FileManager.default.contents(atPath: path) else { return cache }
        typealias Walks = [Bool: (head: ObjectID, ids: [ObjectID])]
        let loaded = data.withUnsafeBytes { raw -> ([String: CachedCommit], Walks)? in
            guard var r = BinaryReader(raw.bindMemory(to: UInt8.self), magic: header), r.string() == key,
                let count = r.number(), count >= 0
            else { return nil }
            var entries: [String: CachedCommit] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let id = r.string(), let c = CachedCommit.read(&r) else { return nil }
                entries[id] = c
            }
            guard let n = r.number(), (0...2).contains(n) else { return nil }
            var walks: Walks = [:]
            for _ in 0..<n {
                guard let flag = r.byte(), let head = r.string().flatMap(ObjectID.init(hex:)), let count = r.number(),
                    count >= 0
                else { return nil }
                var ids: [ObjectID] = []
                ids.reserveCapacity(min(count, 1 << 20))
                for _ in 0..<count {
                    guard let id = r.string().flatMap(ObjectID.init(hex:)) else { return nil }
                    ids.append(id)
                }
                walks[flag == 1] = (head, ids)
            }
            return r.atEnd ? (entries, walks) : nil
        }
        cache.entries = loaded?.0 ?? [:]
        cache.walks = loaded?.1 ?? [:]
        return cache
    }

    /// Writes every entry; the cache is then clean until something is set again.
    public func save(path: String) throws {
        lock.lock()
        let snapshot = entries
        let walks = self.walks
        dirty = false
        lock.unlock()
        var w = BinaryWriter(magic: Self.header)
        w.string(key)
        w.number(snapshot.count)
        for id in snapshot.keys.sorted() {
            w.string(id)
            snapshot[id]!.write(to: &w)
        }
        w.number(walks.count)
        for (flag, walk) in walks.sorted(by: { !$0.key && $1.key }) {
            w.byte(flag ? 1 : 0)
            w.string(walk.head.description)
            w.number(walk.ids.count)
            for id in walk.ids { w.string(id.description) }
        }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(w.finished(), to: path)
    }
}
