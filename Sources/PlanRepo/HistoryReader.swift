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

    /// `persistent`: read and save per-commit results under the repository's git folder.
    public init(workspace: RepoWorkspace, persistent: Bool = true) throws {
        self.workspace = workspace
        // Where plans and the registry are, from the configuration at HEAD (the defaults before any).
        let repo = try workspace.open()
        var config = WorkspaceConfig()
        if let head = try repo.head(),
            let source = try? GitFileSource.tree(repo.commit(head).tree, label: "HEAD", workspace, repository: repo),
            let c = try? WorkspaceLoader.loadConfig(from: source)
        {
            config = c
        }
        plansPath = config.plansPath
        unitsPath = config.unitsPath
        let key = [workspace.prefix, plansPath, unitsPath].joined(separator: "|")
        cachePath = persistent ? workspace.cachePath.replacingOccurrences(of: "facts-cache", with: "report-cache") : nil
        cache = cachePath.map { ReportCache.load(path: $0, key: key) } ?? ReportCache(key: key)
        try Repository.tuneCacheForHistory()
    }

    let cachePath: String?

    /// Saves what this reader computed, when anything; a cache that cannot be written is not an error.
    public func saveCache() {
        guard let cachePath, cache.isDirty else { return }
        try? cache.save(path: cachePath)
    }

    /// The commits of the range that changed plan items, in order (newest first unless `reverse`).
    public func reports(_ options: HistoryOptions) throws -> [CommitReport] {
        let repo = try workspace.open()
        let ids: [ObjectID]
        if let spec = options.range {
            let r = try repo.range(spec)
            ids = try repo.commits(
                include: [r.include], exclude: r.exclude.map { [$0] } ?? [],
                excludeBranches: r.excludeBranches,
                options: .init(reverse: options.reverse, firstParent: options.firstParent))
        } else if let head = try repo.head() {
            ids = try repo.commits(
                include: [head], options: .init(reverse: options.reverse, firstParent: options.firstParent))
        } else {
            ids = []
        }
        // Cached commits are taken as they are; the others are read in parallel, one repository each.
        let missing = ids.filter { cache.get($0.description) == nil }
        if !missing.isEmpty {
            let workspace = self.workspace
            let plans = plansPath
            let units = unitsPath
            let computed = try Parallel.map(
                count: missing.count,
                makeState: {
                    try CommitReader(
                        repository: workspace.open(), workspace: workspace, plansPath: plans, unitsPath: units)
                }
            ) { reader, i in try reader.read(missing[i]) }
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

    func read(_ id: ObjectID) throws -> CachedCommit {
        let commit = try repository.commit(id)
        let parentTree = try commit.parents.first.map { try repository.commit($0).tree }
        let plans = workspace.repoPath(plansPath)
        let changed = try repository.changedFiles(from: parentTree, to: commit.tree, under: plans).compactMap(
            workspace.workspaceChange)
        let changes = try self.changes(changed, registry: { try self.registry(at: commit.tree) })
        return CachedCommit(
            author: commit.author.name, email: commit.author.email, time: commit.author.time,
            offsetMinutes: commit.author.offsetMinutes, message: commit.message, changes: changes)
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

    private func version(_ blob: ObjectID, _ path: String) throws -> ItemVersion {
        if let v = versions[blob] { return v.path == path ? v : v.at(path) }
        let v: ItemVersion
        switch try repository.blob(blob, limit: Limits.default.maxFileBytes) {
        case .bytes(let b): v = ItemVersion(path: path, bytes: b)
        case .tooLarge: v = ItemVersion(path: path, fields: [:], body: "", parsed: false)
        }
        // Kept for the commits nearby (an item edited again soon), not for the whole history.
        if versions.count >= Self.keptVersions { versions.removeAll(keepingCapacity: true) }
        versions[blob] = v
        return v
    }

    private func registry(at tree: ObjectID) throws -> UnitRegistry {
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

    func report(id: String) -> CommitReport {
        CommitReport(
            id: id, author: author, email: email, time: time, offsetMinutes: offsetMinutes, message: message,
            changes: changes)
    }
}

/// Per-commit results by commit id, saved under the repository's git folder. Commits never change, so
/// an entry never goes stale; the file is thrown away whole when it does not read back exactly.
public final class ReportCache: @unchecked Sendable {
    static let header = "plan-report 2\n"
    private let lock = NSLock()
    private var entries: [String: CachedCommit] = [:]
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

    public var isDirty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return dirty
    }

    public static func load(path: String, key: String) -> ReportCache {
        let cache = ReportCache(key: key)
        guard let data = FileManager.default.contents(atPath: path) else { return cache }
        let entries = data.withUnsafeBytes { raw -> [String: CachedCommit]? in
            guard var r = BinaryReader(raw.bindMemory(to: UInt8.self), magic: header), r.string() == key,
                let count = r.number(), count >= 0
            else { return nil }
            var entries: [String: CachedCommit] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let id = r.string(), let author = r.string(), let email = r.string(), let time = r.number(),
                    let offset = r.number(), let message = r.string(), let n = r.number(), n >= 0
                else { return nil }
                var changes: [ItemChange] = []
                changes.reserveCapacity(n)
                for _ in 0..<n {
                    guard let c = ItemChangeCodec.read(&r) else { return nil }
                    changes.append(c)
                }
                entries[id] = CachedCommit(
                    author: author, email: email, time: Int64(time), offsetMinutes: offset,
                    message: message, changes: changes)
            }
            return r.atEnd ? entries : nil
        }
        cache.entries = entries ?? [:]
        return cache
    }

    public func save(path: String) throws {
        lock.lock()
        let snapshot = entries
        lock.unlock()
        var w = BinaryWriter(magic: Self.header)
        w.string(key)
        w.number(snapshot.count)
        for id in snapshot.keys.sorted() {
            let c = snapshot[id]!
            w.string(id)
            w.string(c.author)
            w.string(c.email)
            w.number(Int(c.time))
            w.number(c.offsetMinutes)
            w.string(c.message)
            w.number(c.changes.count)
            for ch in c.changes { ItemChangeCodec.write(ch, to: &w) }
        }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(w.finished(), to: path)
    }
}
