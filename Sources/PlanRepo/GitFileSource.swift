import PlanGit
import PlanKit

/// The files of git's index or of a commit's tree, as a `FileSource`: `plan check --staged` and
/// `--rev` run the same checker as on the working tree. Content ids are blob ids, so parsed facts can be
/// cached across runs and commits.
public final class GitFileSource: FileSource, @unchecked Sendable {
    // The listing is made once, from one repository handle, and never changes; only the record of
    // symbolic links skipped while reading (`skipped()`) grows, on the one thread that reads.
    public let label: String
    let workspace: RepoWorkspace
    /// Workspace path → blob, for every file listed.
    private let blobs: [String: (id: ObjectID, kind: EntryKind)]
    private let sortedPaths: [String]
    /// For a source that lists only some files of the index: the others, looked up when asked for.
    public typealias Lookup = @Sendable (String) -> (id: ObjectID, kind: EntryKind)?
    private let lookup: Lookup?
    /// Paths the lookup must not answer (files removed in this version).
    private let hidden: Set<String>
    private var skippedLinks: [(path: String, message: Message)] = []

    /// The index, as the next commit will have it. Paths in conflict (stages 1-3) are left out: git
    /// refuses to commit them anyway.
    public static func index(_ workspace: RepoWorkspace, entries: [IndexEntry]) -> GitFileSource {
        var blobs: [String: (ObjectID, EntryKind)] = [:]
        blobs.reserveCapacity(entries.count)
        var order: [String] = []
        order.reserveCapacity(entries.count)
        for e in entries where e.stage == 0 {
            if let p = workspace.workspacePath(e.path) {
                blobs[p] = (e.id, e.kind)
                order.append(p)
            }
        }
        // The index is in path order already.
        return GitFileSource(label: "index", workspace: workspace, blobs: blobs, sortedPaths: order)
    }

    public static func index(_ workspace: RepoWorkspace, repository: Repository) throws(GitError) -> GitFileSource {
        index(workspace, entries: try repository.indexEntries(file: workspace.indexFile))
    }

    /// The index held open, listing only `listed` (workspace paths): a hook that checks a few files of
    /// ten thousand does not copy the other entries. Other files are still read by path when asked for
    /// (the configuration, the registry), and a listed link's target is found wherever it is.
    public static func index(_ workspace: RepoWorkspace, open index: OpenIndex, listing listed: Set<String>)
        -> GitFileSource
    {
        listing(listed, label: "index", workspace) { path in index.entry(workspace.repoPath(path)) }
    }

    /// A commit's tree listing only `listed` (workspace paths); other files are looked up by path,
    /// through `repository` when given (the source then uses it alone), else a handle of its own.
    public static func tree(
        _ tree: ObjectID, label: String, _ workspace: RepoWorkspace, listing listed: Set<String>,
        repository: Repository? = nil
    ) throws(GitError) -> GitFileSource {
        let handle: Repository
        if let repository { handle = repository } else { handle = try workspace.open() }
        let repo = Locked(handle)
        let lookup: Lookup = { path in
            repo.withLock { r in
                (try? r.entry(in: tree, path: workspace.repoPath(path))).flatMap { $0 }.map { ($0.id, $0.kind) }
            }
        }
        return listing(listed, label: label, workspace, lookup: lookup)
    }

    /// A source of the `listed` files that `lookup` finds (folders left out), looking up the others
    /// when asked for.
    private static func listing(
        _ listed: Set<String>, label: String, _ workspace: RepoWorkspace, lookup: @escaping Lookup
    ) -> GitFileSource {
        var blobs: [String: (ObjectID, EntryKind)] = [:]
        var order: [String] = []
        for path in listed.sorted(by: ByteOrder.less) {
            guard let e = lookup(path), e.kind != .tree else { continue }
            blobs[path] = e
            order.append(path)
        }
        return GitFileSource(label: label, workspace: workspace, blobs: blobs, sortedPaths: order, lookup: lookup)
    }

    /// This source with some files changed back: `changes` (workspace paths) give each file's other
    /// version (nil: the file is not there). What the parent looked like, without listing its tree.
    public func replacing(_ changes: [ChangedFile], label: String) -> GitFileSource {
        var map = blobs
        var added: [String] = []
        var removed = Set<String>()
        for c in changes {
            if let old = c.old {
                if map[c.path] == nil { added.append(c.path) }
                map[c.path] = (old, map[c.path]?.kind ?? .blob)
            } else {
                map[c.path] = nil
                removed.insert(c.path)
            }
        }
        var order = removed.isEmpty ? sortedPaths : sortedPaths.filter { !removed.contains($0) }
        if !added.isEmpty {
            order += added
            order.sort(by: ByteOrder.less)
        }
        return GitFileSource(
            label: label, workspace: workspace, blobs: map, sortedPaths: order, lookup: lookup,
            hidden: hidden.union(removed))
    }

    /// The tree of a commit.
    public static func tree(
        _ tree: ObjectID, label: String, _ workspace: RepoWorkspace,
        repository: Repository
    ) throws(GitError) -> GitFileSource {
        var blobs: [String: (ObjectID, EntryKind)] = [:]
        var order: [String] = []
        for (path, e) in try repository.files(in: tree, under: workspace.prefix) {
            if let p = workspace.workspacePath(path) {
                blobs[p] = (e.id, e.kind)
                order.append(p)
            }
        }
        // git's tree order is the byte order of full paths.
        return GitFileSource(label: label, workspace: workspace, blobs: blobs, sortedPaths: order)
    }

    private init(
        label: String, workspace: RepoWorkspace, blobs: [String: (ObjectID, EntryKind)], sortedPaths: [String],
        lookup: Lookup? = nil, hidden: Set<String> = []
    ) {
        self.label = label
        self.workspace = workspace
        self.blobs = blobs
        self.sortedPaths = sortedPaths
        self.lookup = lookup
        self.hidden = hidden
    }

    /// A file's blob: listed, or looked up.
    private func entry(_ path: String) -> (id: ObjectID, kind: EntryKind)? {
        if let e = blobs[path] { return e }
        guard let lookup, !hidden.contains(path) else { return nil }
        return lookup(path)
    }

    public func contentID(_ path: String) -> String? { entry(path)?.id.description }

    /// The blob id of a workspace file, if the source has it.
    public func blobID(_ path: String) -> ObjectID? { entry(path)?.id }

    /// Every listed workspace path with its blob id.
    public var allFiles: [String: ObjectID] { blobs.mapValues(\.id) }

    public func skipped() -> [(path: String, message: Message)] { skippedLinks }

    public func files(under folder: String) throws(PlanError) -> [FileEntry] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var out: [FileEntry] = []
        skippedLinks = []
        for path in sortedPaths where path.hasPrefix(prefix) && path.hasSuffix(".md") {
            let (id, kind) = blobs[path]!
            switch kind {
            case .blob, .executable:
                out.append(FileEntry(path: path, contentID: id.description))
            case .symlink:
                // A link's blob is its target. Inside the workspace it is read as its target; outside, not at all.
                if let target = try? linkTarget(id), let resolved = resolve(link: path, target: target),
                    let t = entry(resolved),
                    t.kind == .blob || t.kind == .executable
                {
                    out.append(FileEntry(path: path, contentID: t.id.description))
                } else {
                    let target = (try? linkTarget(id)) ?? "?"
                    skippedLinks.append((path, Message(.fileSymlinkOutside, target)))
                }
            default:
                continue
            }
        }
        return out
    }

    private func linkTarget(_ id: ObjectID) throws -> String {
        // A link's blob is its target path; one longer than any path is no target.
        guard case .bytes(let b) = try workspace.open().blob(id, limit: 4096) else { return "" }
        return String(decoding: b, as: UTF8.self)
    }

    private func resolve(link: String, target: String) -> String? {
        guard !target.hasPrefix("/") else { return nil }
        var parts = link.split(separator: "/").dropLast().map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else if p != "." {
                parts.append(String(p))
            }
        }
        return parts.joined(separator: "/")
    }

    public func makeReader() throws(PlanError) -> any FileReader {
        do {
            return Reader(repository: try workspace.open(), entry: { [self] in entry($0) })
        } catch {
            throw PlanError.other(Message(.gitError, error.description))
        }
    }

    final class Reader: FileReader {
        let repository: Repository
        let entry: (String) -> (id: ObjectID, kind: EntryKind)?

        init(repository: Repository, entry: @escaping (String) -> (id: ObjectID, kind: EntryKind)?) {
            self.repository = repository
            self.entry = entry
        }

        func read(_ entry: FileEntry, limit: Int) throws(PlanError) -> FileContent {
            guard let hex = entry.contentID, let id = ObjectID(hex: hex) else { return .bytes([]) }
            do {
                switch try repository.blob(id, limit: limit) {
                case .bytes(let b): return .bytes(b)
                case .tooLarge(let size): return .tooLarge(size: size)
                }
            } catch {
                throw PlanError.io(path: entry.path, reason: error.description)
            }
        }

        func read(path: String) throws(PlanError) -> [UInt8]? {
            guard let (id, _) = entry(path) else { return nil }
            do { return try repository.blob(id) } catch { throw PlanError.io(path: path, reason: error.description) }
        }
    }
}
