import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files on disk under a workspace root. Symbolic links are followed only while they stay inside the
/// root, and a folder reached twice (a link loop) is read once.
public final class DirectoryFileSource: FileSource, @unchecked Sendable {
    // Mutable state is written only during `files(under:)`, which callers do not run concurrently.
    public let root: String
    public var label: String { "working tree" }
    private let realRoot: String
    private var skippedFiles: [(path: String, message: Message)] = []

    /// Whether listed files carry a content id made of their inode, size and modification time, so a
    /// long-running process (the editor integration) can keep the facts of files that did not change.
    /// A new process parses every file anyway; the id is never saved.
    public let statContentIDs: Bool

    public init(root: String, statContentIDs: Bool = false) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        realRoot = DirectoryFileSource.realPath(root) ?? root
        self.statContentIDs = statContentIDs
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    public func skipped() -> [(path: String, message: Message)] { skippedFiles }

    public func files(under folder: String) throws(PlanError) -> [FileEntry] {
        skippedFiles = []
        let start = root + "/" + folder
        var st = stat()
        guard stat(start, &st) == 0 else { return [] }
        // Level by level, the folders of a level read on every core (a workspace of ten thousand
        // items has thousands of folders), then taken in order: a folder reached twice (through a
        // link) counts where it is first met, nearest the top, then in the order of the listing.
        var visited = Set<DirID>()
        var result: [FileEntry] = []
        var level: [(absolute: String, relative: String)] = [(start, folder)]
        while !level.isEmpty {
            let current = level
            let scanned =
                (try? Parallel.map(count: current.count, makeState: { () }) { _, k in
                    self.scan(absolute: current[k].absolute, relative: current[k].relative)
                }) ?? []
            level = []
            for s in scanned {
                guard let id = s.id, visited.insert(id).inserted else { continue }
                result += s.files
                level += s.folders
                skippedFiles += s.skipped
            }
        }
        result.sort { ByteOrder.less($0.path, $1.path) }
        skippedFiles.sort { ByteOrder.less($0.path, $1.path) }
        return result
    }

    private struct DirID: Hashable {
        let dev: UInt64
        let ino: UInt64
    }

    /// One folder: which it is, its `.md` files, its folders (links inside the root followed), the links
    /// that lead outside. No id when it cannot be read.
    private func scan(absolute: String, relative: String) -> (
        id: DirID?, files: [FileEntry], folders: [(absolute: String, relative: String)],
        skipped: [(path: String, message: Message)]
    ) {
        var files: [FileEntry] = []
        var folders: [(absolute: String, relative: String)] = []
        var skipped: [(path: String, message: Message)] = []
        var st = stat()
        guard stat(absolute, &st) == 0 else { return (nil, [], [], []) }
        let id = DirID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
        guard let dir = opendir(absolute) else { return (nil, [], [], []) }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            let abs = absolute + "/" + name
            let rel = relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_LNK) {
                guard let target = DirectoryFileSource.realPath(abs),
                    target == realRoot || target.hasPrefix(realRoot + "/")
                else {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: abs)) ?? "?"
                    skipped.append((rel, Message(.fileSymlinkOutside, target)))
                    continue
                }
                var st = stat()
                guard stat(abs, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            } else if type == UInt8(DT_UNKNOWN) {
                var st = stat()
                guard lstat(abs, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                folders.append((abs, rel))
            } else if type == UInt8(DT_REG), name.hasSuffix(".md") {
                var id: String?
                if statContentIDs {
                    var st = stat()
                    if stat(abs, &st) == 0 {
                        let m = POSIX.modified(st)
                        id = "stat:\(st.st_dev):\(st.st_ino):\(st.st_size):\(m.seconds).\(m.nanoseconds)"
                    }
                }
                files.append(FileEntry(path: rel, contentID: id))
            }
        }
        return (id, files, folders, skipped)
    }

    public func makeReader() throws(PlanError) -> any FileReader { Reader(root: root) }

    struct Reader: FileReader {
        let root: String

        func read(_ entry: FileEntry, limit: Int) throws(PlanError) -> FileContent {
            try readFile(root + "/" + entry.path, display: entry.path, limit: limit) ?? .bytes([])
        }

        func read(path: String) throws(PlanError) -> [UInt8]? {
            switch try readFile(root + "/" + path, display: path, limit: .max) {
            case .bytes(let b): b
            case .tooLarge, nil: nil
            }
        }

        /// A file over `limit` bytes is not read: only its size is.
        private func readFile(_ abs: String, display: String, limit: Int) throws(PlanError) -> FileContent? {
            let fd = open(abs, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                if errno == ENOENT || errno == ENOTDIR { return nil }
                throw PlanError.io(path: display, reason: String(cString: strerror(errno)))
            }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0 else {
                throw PlanError.io(path: display, reason: String(cString: strerror(errno)))
            }
            if (st.st_mode & S_IFMT) == S_IFDIR { return nil }
            if Int(st.st_size) > limit { return .tooLarge(size: Int(st.st_size)) }
            let want = Int(st.st_size)
            var buffer = [UInt8](repeating: 0, count: want)
            var got = 0
            while got < want {
                let n = buffer.withUnsafeMutableBytes { POSIX.read(fd, $0.baseAddress! + got, want - got) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw PlanError.io(path: display, reason: String(cString: strerror(errno)))
                }
                if n == 0 { break }
                got += n
            }
            if got < want { buffer.removeLast(want - got) }
            return .bytes(buffer)
        }
    }
}
