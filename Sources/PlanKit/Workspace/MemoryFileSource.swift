/// Files held in memory: rule examples, tests, and an editor's unsaved text laid over the disk.
public struct MemoryFileSource: FileSource {
    public let files: [String: [UInt8]]
    public let label: String
    /// Symbolic links (path → target), as a directory would have them: those that leave the
    /// workspace are reported and not read, the others read their target.
    public let symlinks: [String: String]

    public init(files: [String: String], symlinks: [String: String] = [:], label: String = "memory") {
        self.init(bytes: files.mapValues { Array($0.utf8) }, symlinks: symlinks, label: label)
    }

    public init(bytes: [String: [UInt8]], symlinks: [String: String] = [:], label: String = "memory") {
        var files = bytes
        for (path, target) in symlinks {
            let dir = path.split(separator: "/").dropLast().joined(separator: "/")
            let resolved = dir.isEmpty ? target : dir + "/" + target
            if !target.hasPrefix("/"), WorkspacePath.isSafeRelative(resolved), let b = bytes[resolved] {
                files[path] = b
            }
        }
        self.files = files
        self.symlinks = symlinks
        self.label = label
    }

    public func skipped() -> [(path: String, message: Message)] {
        symlinks.sorted { $0.key < $1.key }.compactMap { path, target in
            let dir = path.split(separator: "/").dropLast().joined(separator: "/")
            return !target.hasPrefix("/") && WorkspacePath.isSafeRelative(dir.isEmpty ? target : dir + "/" + target)
                ? nil : (path, Message(.fileSymlinkOutside, target))
        }
    }

    public func files(under folder: String) throws(PlanError) -> [FileEntry] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".md") }
            .sorted(by: ByteOrder.less)
            .map { FileEntry(path: $0) }
    }

    public func makeReader() throws(PlanError) -> any FileReader { Reader(files: files) }

    struct Reader: FileReader {
        let files: [String: [UInt8]]
        func read(_ entry: FileEntry, limit: Int) throws(PlanError) -> FileContent {
            let b = files[entry.path] ?? []
            return b.count > limit ? .tooLarge(size: b.count) : .bytes(b)
        }
        func read(path: String) throws(PlanError) -> [UInt8]? { files[path] }
    }
}

/// One source with some files replaced: the disk with an editor's unsaved buffers on top.
public struct OverlayFileSource: FileSource {
    public let base: any FileSource
    public let overlay: [String: [UInt8]]
    public var label: String { base.label }

    public init(base: any FileSource, overlay: [String: [UInt8]]) {
        self.base = base
        self.overlay = overlay
    }

    public func files(under folder: String) throws(PlanError) -> [FileEntry] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var entries = try base.files(under: folder).filter { overlay[$0.path] == nil }
        entries += overlay.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".md") }.map { FileEntry(path: $0) }
        return entries.sorted { ByteOrder.less($0.path, $1.path) }
    }

    public func skipped() -> [(path: String, message: Message)] { base.skipped() }

    public func makeReader() throws(PlanError) -> any FileReader {
        Reader(base: try base.makeReader(), overlay: overlay)
    }

    struct Reader: FileReader {
        let base: any FileReader
        let overlay: [String: [UInt8]]
        func read(_ entry: FileEntry, limit: Int) throws(PlanError) -> FileContent {
            if let b = overlay[entry.path] { return b.count > limit ? .tooLarge(size: b.count) : .bytes(b) }
            return try base.read(entry, limit: limit)
        }
        func read(path: String) throws(PlanError) -> [UInt8]? {
            if let b = overlay[path] { return b }
            return try base.read(path: path)
        }
    }
}
