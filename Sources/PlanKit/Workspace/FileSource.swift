/// A file a source lists: its workspace-relative path and, where the source knows one, an id of its
/// content (a git blob id) that caches can key on.
public struct FileEntry: Hashable, Sendable {
    public let path: String
    public let contentID: String?

    public init(path: String, contentID: String? = nil) {
        self.path = path
        self.contentID = contentID
    }
}

/// Where a snapshot's files come from: the working tree, git's index, or a commit's tree. The checker
/// runs the same way on each.
public protocol FileSource: Sendable {
    /// A short description for messages: "working tree", "index", "commit 1a2b3c4".
    var label: String { get }
    /// Files under a workspace-relative folder, sorted by path.
    func files(under folder: String) throws(PlanError) -> [FileEntry]
    /// Findings about files that were seen but not listed (a symbolic link leaving the workspace).
    func skipped() -> [(path: String, message: Message)]
    /// A reader for one thread. Parallel loading asks each worker for its own.
    func makeReader() throws(PlanError) -> any FileReader
}

extension FileSource {
    public func skipped() -> [(path: String, message: Message)] { [] }

    /// Reads one file by path, nil when it does not exist.
    public func read(_ path: String) throws(PlanError) -> [UInt8]? {
        try makeReader().read(path: path)
    }
}

/// Reads files for one thread. Not shared between threads (a git reader holds a repository handle).
public protocol FileReader {
    /// The bytes of a listed file. Files larger than `limit` are refused without reading them whole:
    /// the result then has `limit + 1` bytes, enough for the size check to fail.
    func read(_ entry: FileEntry, limit: Int) throws(PlanError) -> [UInt8]
    /// The bytes of a file by path, nil when it does not exist.
    func read(path: String) throws(PlanError) -> [UInt8]?
}
