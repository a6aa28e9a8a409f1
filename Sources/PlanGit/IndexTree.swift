import CLibgit2
import Foundation

/// The trees the index would commit, computed as `git write-tree` does (same objects, same ids) but
/// without writing anything. With them, comparing the index to HEAD skips every directory whose tree id
/// is the same on both sides: a commit of one file in ten thousand reads four trees, not a thousand.
///
/// Like git, it starts from the index's own record of its trees (the cache-tree extension, kept up to
/// date by every commit and invalidated along the paths `git add` touches): a directory the record
/// still vouches for is not read at all, so a staged change of one file hashes a few trees.
public struct IndexTree: Sendable {
    struct Directory: Sendable {
        var id: ObjectID
        /// The positions in the index of the directory's own files.
        var files: [Int]
        var subdirectories: [String]
        /// For a directory taken from the cache-tree: the index positions it covers, read only when
        /// its files are asked for.
        var cached: Range<Int>?
    }

    /// By directory path, "" for the root; more are added as directories from the cache-tree are read.
    private let store: Store
    let index: OpenIndex
    /// The index's record of its trees.
    private let cache: [String: (count: Int, id: ObjectID)]

    final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var directories: [String: Directory]

        init(_ directories: [String: Directory]) { self.directories = directories }

        subscript(path: String) -> Directory? {
            lock.lock()
            defer { lock.unlock() }
            return directories[path]
        }

        func add(_ more: [String: Directory]) {
            lock.lock()
            defer { lock.unlock() }
            directories.merge(more) { _, new in new }
        }
    }

    /// nil when the index cannot be a tree (paths in conflict).
    public init?(_ index: OpenIndex) {
        guard !index.hasConflicts else { return nil }
        _ = try? Library.ensure()
        cache = CacheTree.read(index)
        var builder = Builder(index: index, cache: cache)
        guard builder.build([], from: 0, expand: true) != nil else { return nil }
        store = Store(builder.directories)
        self.index = index
    }

    /// Builds the directories of the index in one pass: the index is in path order, which is git's tree
    /// order, so a directory's entries are one run of positions.
    struct Builder {
        let index: OpenIndex
        let cache: [String: (count: Int, id: ObjectID)]
        var directories: [String: Directory] = [:]

        /// The tree of directory `dir` (its path with a trailing `/`, empty for the root) whose entries
        /// start at `start`: its id and the position after its last entry. `expand`: hash it even when
        /// the cache-tree knows it (to list its files).
        mutating func build(_ dir: [UInt8], from start: Int, expand: Bool = false) -> (ObjectID, Int)? {
            let key = String(decoding: dir.dropLast(), as: UTF8.self)
            if !expand, let hit = cache[key] {
                directories[key] = Directory(
                    id: hit.id, files: [], subdirectories: [], cached: start..<start + hit.count)
                return (hit.id, start + hit.count)
            }
            var data: [UInt8] = []
            var files: [Int] = []
            var subdirectories: [String] = []
            var i = start
            let count = index.count
            while i < count {
                guard let e = index.rawEntry(i) else { return nil }
                let path = UnsafeBufferPointer(start: e.path, count: strlen(e.path)).withMemoryRebound(to: UInt8.self) {
                    Array($0)
                }
                guard path.starts(with: dir) else { break }
                let rest = path[dir.count...]
                if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                    let sub = Array(path[..<(slash + 1)])
                    guard let (id, next) = build(sub, from: i) else { return nil }
                    data += Array("40000 ".utf8)
                    data += rest[..<slash]
                    data.append(0)
                    Self.append(id, to: &data)
                    subdirectories.append(String(decoding: sub.dropLast(), as: UTF8.self))
                    i = next
                } else {
                    let mode: StaticString =
                        switch e.kind {
                        case .executable: "100755"
                        case .symlink: "120000"
                        case .submodule: "160000"
                        case .tree: "40000"
                        case .blob: "100644"
                        }
                    mode.withUTF8Buffer { data += $0 }
                    data.append(0x20)
                    data += rest
                    data.append(0)
                    Self.append(e.id, to: &data)
                    files.append(i)
                    i += 1
                }
            }
            var oid = git_oid()
            guard data.withUnsafeBytes({ git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_TREE) }) == 0 else {
                return nil
            }
            let id = ObjectID(oid)
            directories[key] = Directory(id: id, files: files, subdirectories: subdirectories)
            return (id, i)
        }

        static func append(_ id: ObjectID, to data: inout [UInt8]) {
            var oid = id.oid
            withUnsafeBytes(of: &oid.id) { data += $0 }
        }
    }

    /// A directory with its files and subdirectories listed: one the cache-tree vouched for is read
    /// now, its subdirectories again from the cache-tree.
    func directory(_ path: String) -> Directory? {
        guard let d = store[path] else { return nil }
        guard let range = d.cached else { return d }
        var builder = Builder(index: index, cache: cache)
        let dir = path.isEmpty ? [] : Array(path.utf8) + [UInt8(ascii: "/")]
        _ = builder.build(dir, from: range.lowerBound, expand: true)
        store.add(builder.directories)
        return builder.directories[path]
    }

    /// A directory's own files: name, id, kind.
    func files(of directory: Directory) -> [(name: String, id: ObjectID, kind: EntryKind)] {
        directory.files.compactMap { i in
            index.entry(at: i).map { e in
                let name = e.path.utf8.lastIndex(of: UInt8(ascii: "/")).map {
                    String(e.path[e.path.index(after: $0)...])
                }
                return (name ?? e.path, e.id, e.kind)
            }
        }
    }

    /// The tree id of the whole index: what `git write-tree` would print.
    public var rootID: ObjectID { store[""]!.id }

    /// A directory's tree id, without reading its files.
    func treeID(of directory: String) -> ObjectID? { store[directory]?.id }
}

extension Repository {
    /// The files that differ between a tree (HEAD's; nil before the first commit) and the index, under
    /// a folder. Directories whose tree id the index shares are not read.
    public func changedFiles(from tree: ObjectID?, to index: IndexTree, under prefix: String = "") throws(GitError)
        -> [ChangedFile]
    {
        var out: [ChangedFile] = []
        var start = tree
        if !prefix.isEmpty, let tree {
            start = try entry(in: tree, path: prefix).flatMap { $0.kind == .tree ? $0.id : nil }
        }
        try compare(start, prefix, index, into: &out)
        return out
    }

    private func compare(_ tree: ObjectID?, _ dir: String, _ index: IndexTree, into out: inout [ChangedFile])
        throws(GitError)
    {
        if tree == index.treeID(of: dir) { return }
        let indexDir = index.directory(dir)
        let headEntries = try tree.map { (id: ObjectID) throws(GitError) -> [TreeEntry] in try self.tree(id) } ?? []
        let prefix = dir.isEmpty ? "" : dir + "/"
        var headFiles: [String: TreeEntry] = [:]
        var headDirs: [String: ObjectID] = [:]
        for e in headEntries {
            switch e.kind {
            case .tree: headDirs[e.name] = e.id
            case .submodule: continue
            default: headFiles[e.name] = e
            }
        }
        var indexFiles: [String: (id: ObjectID, kind: EntryKind)] = [:]
        for f in indexDir.map(index.files) ?? [] where f.kind != .submodule { indexFiles[f.name] = (f.id, f.kind) }
        let indexDirs = Set(
            (indexDir?.subdirectories ?? []).map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        for name in Set(headFiles.keys).union(indexFiles.keys).sorted() {
            let a = headFiles[name]
            let b = indexFiles[name]
            if a?.id != b?.id || (a != nil && b != nil && a!.kind != b!.kind) {
                out.append(ChangedFile(path: prefix + name, old: a?.id, new: b?.id))
            }
        }
        for name in Set(headDirs.keys).union(indexDirs).sorted() {
            try compare(headDirs[name], prefix + name, index, into: &out)
        }
    }
}
