/// A file that differs between two trees.
public struct ChangedFile: Sendable, Equatable {
    public let path: String
    /// nil when the file was added.
    public let old: ObjectID?
    /// nil when the file was removed.
    public let new: ObjectID?

    public init(path: String, old: ObjectID?, new: ObjectID?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

extension Repository {
    /// The files that differ between two trees (either may be nil: the empty tree), under a folder.
    /// Subtrees with the same id on both sides are skipped without being read, which is what makes
    /// walking long histories of large trees cheap.
    public func changedFiles(from old: ObjectID?, to new: ObjectID?, under prefix: String = "") throws(GitError) -> [ChangedFile] {
        var start: (ObjectID?, ObjectID?) = (old, new)
        if !prefix.isEmpty {
            func sub(_ tree: ObjectID?) throws(GitError) -> ObjectID? {
                guard let tree, let e = try entry(in: tree, path: prefix), e.kind == .tree else { return nil }
                return e.id
            }
            start = (try sub(old), try sub(new))
        }
        var out: [ChangedFile] = []
        try compare(start.0, start.1, prefix.isEmpty ? "" : prefix + "/", into: &out)
        return out
    }

    private func compare(_ old: ObjectID?, _ new: ObjectID?, _ prefix: String, into out: inout [ChangedFile]) throws(GitError) {
        if old == new { return }
        let a = try old.map { (id: ObjectID) throws(GitError) -> [TreeEntry] in try tree(id) } ?? []
        let b = try new.map { (id: ObjectID) throws(GitError) -> [TreeEntry] in try tree(id) } ?? []
        var byName: [String: (TreeEntry?, TreeEntry?)] = [:]
        for e in a { byName[e.name, default: (nil, nil)].0 = e }
        for e in b { byName[e.name, default: (nil, nil)].1 = e }
        for name in byName.keys.sorted() {
            let (x, y) = byName[name]!
            let xTree = x.flatMap { $0.kind == .tree ? $0.id : nil }
            let yTree = y.flatMap { $0.kind == .tree ? $0.id : nil }
            if xTree != nil || yTree != nil {
                try compare(xTree, yTree, prefix + name + "/", into: &out)
            }
            let xFile = x.flatMap { $0.kind != .tree && $0.kind != .submodule ? $0 : nil }
            let yFile = y.flatMap { $0.kind != .tree && $0.kind != .submodule ? $0 : nil }
            if (xFile != nil || yFile != nil) && (xFile?.id != yFile?.id || xFile?.kind != yFile?.kind) {
                out.append(ChangedFile(path: prefix + name, old: xFile?.id, new: yFile?.id))
            }
        }
    }
}
