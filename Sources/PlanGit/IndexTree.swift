import CLibgit2

/// The trees the index would commit, computed as `git write-tree` does (same objects, same ids) but
/// without writing anything. With them, comparing the index to HEAD skips every directory whose tree id
/// is the same on both sides: a commit of one file in ten thousand reads four trees, not a thousand.
public struct IndexTree: Sendable {
    struct Directory: Sendable {
        var id: ObjectID
        var files: [(name: String, id: ObjectID, kind: EntryKind)]
        var subdirectories: [String]
    }

    /// By directory path, "" for the root.
    let directories: [String: Directory]

    /// nil when the index cannot be a tree (paths in conflict). The index is in path order, which is
    /// git's tree order, so one pass with a stack of open directories builds every tree.
    public init?(_ entries: [IndexEntry]) {
        guard !entries.contains(where: { $0.stage != 0 }) else { return nil }
        _ = try? Library.ensure()
        struct Open {
            let path: String
            var items: [(mode: StaticString, name: Substring, id: ObjectID)] = []
            var files: [(name: String, id: ObjectID, kind: EntryKind)] = []
            var subdirectories: [String] = []
        }
        var dirs: [String: Directory] = [:]
        var stack = [Open(path: "")]
        var failed = false
        func close() {
            let done = stack.removeLast()
            var data: [UInt8] = []
            data.reserveCapacity(done.items.count * 48)
            for item in done.items {
                item.mode.withUTF8Buffer { data += $0 }
                data.append(0x20)
                data += item.name.utf8
                data.append(0)
                var oid = item.id.oid
                withUnsafeBytes(of: &oid.id) { data += $0 }
            }
            var oid = git_oid()
            if data.withUnsafeBytes({ git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_TREE) }) != 0 {
                failed = true
            }
            let id = ObjectID(oid)
            dirs[done.path] = Directory(id: id, files: done.files, subdirectories: done.subdirectories)
            if !stack.isEmpty {
                // The subdirectory's entry was put in its place when it opened; now it has its id.
                let name = done.path.split(separator: "/").last!
                let i = stack[stack.count - 1].items.lastIndex {
                    $0.name == name && $0.mode.utf8Start.pointee == UInt8(ascii: "4")
                }!
                stack[stack.count - 1].items[i].id = id
                stack[stack.count - 1].subdirectories.append(done.path)
            }
        }
        for e in entries {
            let path = e.path
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let dir = slash.map { String(Substring(path.utf8[..<$0])) } ?? ""
            // Close the open directories that do not contain this entry.
            while let top = stack.last, !Self.contains(top.path, dir) { close() }
            // Open the directories between the innermost open one and this entry's.
            let openPath = stack.last!.path
            if dir != openPath {
                let rest = openPath.isEmpty ? dir[...] : dir.dropFirst(openPath.count + 1)
                var current = openPath
                for component in rest.split(separator: "/") {
                    current = current.isEmpty ? String(component) : current + "/" + component
                    stack[stack.count - 1].items.append(("40000", component, .zero))
                    stack.append(Open(path: current))
                }
            }
            let name = slash.map { Substring(path.utf8[path.utf8.index(after: $0)...]) } ?? path[...]
            let mode: StaticString =
                switch e.kind {
                case .executable: "100755"
                case .symlink: "120000"
                case .submodule: "160000"
                case .tree: "40000"
                case .blob: "100644"
                }
            stack[stack.count - 1].items.append((mode, name, e.id))
            stack[stack.count - 1].files.append((String(name), e.id, e.kind))
        }
        while !stack.isEmpty { close() }
        guard !failed else { return nil }
        directories = dirs
    }

    /// Whether directory `outer` is `inner` or contains it.
    private static func contains(_ outer: String, _ inner: String) -> Bool {
        if outer.isEmpty { return true }
        let o = outer.utf8
        let i = inner.utf8
        guard i.count >= o.count, i.starts(with: o) else { return false }
        return i.count == o.count || i[i.index(i.startIndex, offsetBy: o.count)] == UInt8(ascii: "/")
    }

    /// The tree id of the whole index: what `git write-tree` would print.
    public var rootID: ObjectID { directories[""]!.id }

    public func treeID(of directory: String) -> ObjectID? { directories[directory]?.id }
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
        let indexDir = index.directories[dir]
        if tree == indexDir?.id { return }
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
        for f in indexDir?.files ?? [] where f.kind != .submodule { indexFiles[f.name] = (f.id, f.kind) }
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
