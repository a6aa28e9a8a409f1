import PlanGit
import PlanKit

/// The files of git's index or of a commit's tree, as a `FileSource`: `plan check --staged` and
/// `--rev` run the same checker as on the working tree. Content ids are blob ids, so parsed facts can be
/// cached across runs and commits.
public final class GitFileSource: FileSource, @unchecked Sendable {
    // Immutable after init: the listing is made once, from one repository handle.
    public let label: String
    let workspace: RepoWorkspace
    /// Workspace path → blob, for every file of the workspace.
    private let blobs: [String: (id: ObjectID, kind: EntryKind)]
    private let sortedPaths: [String]
    private var skippedLinks: [(path: String, message: Message)] = []

    /// The index, as the next commit will have it. Paths in conflict (stages 1-3) are left out: git
    /// refuses to commit them anyway.
    public static func index(_ workspace: RepoWorkspace, repository: Repository) throws(GitError) -> GitFileSource {
        var blobs: [String: (ObjectID, EntryKind)] = [:]
        for e in try repository.indexEntries(file: workspace.indexFile) where e.stage == 0 {
            if let p = workspace.workspacePath(e.path) { blobs[p] = (e.id, e.kind) }
        }
        return GitFileSource(label: "index", workspace: workspace, blobs: blobs)
    }

    /// The tree of a commit.
    public static func tree(_ tree: ObjectID, label: String, _ workspace: RepoWorkspace,
                            repository: Repository) throws(GitError) -> GitFileSource {
        var blobs: [String: (ObjectID, EntryKind)] = [:]
        for (path, e) in try repository.files(in: tree, under: workspace.prefix) {
            if let p = workspace.workspacePath(path) { blobs[p] = (e.id, e.kind) }
        }
        return GitFileSource(label: label, workspace: workspace, blobs: blobs)
    }

    private init(label: String, workspace: RepoWorkspace, blobs: [String: (ObjectID, EntryKind)]) {
        self.label = label
        self.workspace = workspace
        self.blobs = blobs
        sortedPaths = blobs.keys.sorted(by: ByteOrder.less)
    }

    /// The blob id of a workspace file, if the source has it.
    public func blobID(_ path: String) -> ObjectID? { blobs[path]?.id }

    /// Every workspace path with its blob id.
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
                if let target = try? linkTarget(id), let resolved = resolve(link: path, target: target), let t = blobs[resolved],
                   t.kind == .blob || t.kind == .executable {
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
        String(decoding: try workspace.open().blob(id, limit: 4096), as: UTF8.self)
    }

    private func resolve(link: String, target: String) -> String? {
        guard !target.hasPrefix("/") else { return nil }
        var parts = link.split(separator: "/").dropLast().map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { guard !parts.isEmpty else { return nil }; parts.removeLast() } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    public func makeReader() throws(PlanError) -> any FileReader {
        do {
            return Reader(repository: try workspace.open(), blobs: blobs)
        } catch {
            throw PlanError.other(Message(.gitError, error.description))
        }
    }

    final class Reader: FileReader {
        let repository: Repository
        let blobs: [String: (id: ObjectID, kind: EntryKind)]

        init(repository: Repository, blobs: [String: (id: ObjectID, kind: EntryKind)]) {
            self.repository = repository
            self.blobs = blobs
        }

        func read(_ entry: FileEntry, limit: Int) throws(PlanError) -> [UInt8] {
            guard let hex = entry.contentID, let id = ObjectID(hex: hex) else { return [] }
            do { return try repository.blob(id, limit: limit) } catch {
                throw PlanError.io(path: entry.path, reason: error.description)
            }
        }

        func read(path: String) throws(PlanError) -> [UInt8]? {
            guard let (id, _) = blobs[path] else { return nil }
            do { return try repository.blob(id) } catch { throw PlanError.io(path: path, reason: error.description) }
        }
    }
}
