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
    /// An id of a file's content when the source knows one without reading it (a blob id), for
    /// caching what is made from it.
    func contentID(_ path: String) -> String?
}

extension FileSource {
    public func skipped() -> [(path: String, message: Message)] { [] }

    public func contentID(_ path: String) -> String? { nil }

    /// Reads one file by path, nil when it does not exist.
    public func read(_ path: String) throws(PlanError) -> [UInt8]? {
        try makeReader().read(path: path)
    }
}

/// Reads files for one thread. Not shared between threads (a git reader holds a repository handle).
public protocol FileReader {
    /// The bytes of a listed file, or only its size when it is larger than `limit`: a huge file is
    /// refused without being read whole.
    func read(_ entry: FileEntry, limit: Int) throws(PlanError) -> FileContent
    /// The bytes of a file by path, nil when it does not exist.
    func read(path: String) throws(PlanError) -> [UInt8]?
}

/// A file read with a size limit.
public enum FileContent: Sendable, Equatable {
    case bytes([UInt8])
    case tooLarge(size: Int)
}

/// A reader made on first use: a worker that finds everything it needs in a cache never opens one
/// (opening a git repository costs a millisecond).
final class LazyReader {
    private let make: () throws(PlanError) -> any FileReader
    private var reader: (any FileReader)?

    init(_ make: @escaping () throws(PlanError) -> any FileReader) {
        self.make = make
    }

    func get() throws(PlanError) -> any FileReader {
        if let reader { return reader }
        let r = try make()
        reader = r
        return r
    }
}
