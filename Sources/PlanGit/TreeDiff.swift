import CLibgit2
import Foundation

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
    /// Subtrees with the same id on both sides are skipped without being read, and the two trees'
    /// entries are merged in their stored order: what makes walking long histories of large trees cheap.
    public func changedFiles(from old: ObjectID?, to new: ObjectID?, under prefix: String = "") throws(GitError)
        -> [ChangedFile]
    {
        defer { trees.forget() }
        var start: (ObjectID?, ObjectID?) = (old, new)
        if !prefix.isEmpty {
            func sub(_ tree: ObjectID?) throws(GitError) -> ObjectID? {
                var id = tree
                for name in prefix.split(separator: "/") {
                    guard let t = id else { return nil }
                    let tree = try trees.open(self, t)
                    guard let e = git_tree_entry_byname(tree.tree, String(name)),
                        git_tree_entry_filemode(e) == GIT_FILEMODE_TREE
                    else { return nil }
                    id = ObjectID(git_tree_entry_id(e))
                }
                return id
            }
            start = (try sub(old), try sub(new))
        }
        var out: [ChangedFile] = []
        try compare(start.0, start.1, prefix.isEmpty ? "" : prefix + "/", into: &out)
        return out
    }

    private func compare(_ old: ObjectID?, _ new: ObjectID?, _ prefix: String, into out: inout [ChangedFile])
        throws(GitError)
    {
        if old == new { return }
        let a = try trees.open(self, old)
        let b = try trees.open(self, new)
        var i = 0
        var j = 0
        func isTree(_ e: OpaquePointer) -> Bool { git_tree_entry_filemode(e) == GIT_FILEMODE_TREE }
        func isSubmodule(_ e: OpaquePointer) -> Bool { git_tree_entry_filemode(e) == GIT_FILEMODE_COMMIT }
        func name(_ e: OpaquePointer) -> String { String(cString: git_tree_entry_name(e)) }
        func id(_ e: OpaquePointer) -> ObjectID { ObjectID(git_tree_entry_id(e)) }
        /// git's tree order: bytes, a tree's name followed by '/'.
        func order(_ x: OpaquePointer, _ y: OpaquePointer) -> Int32 {
            let p = git_tree_entry_name(x)!
            let q = git_tree_entry_name(y)!
            // Most pairs are the same name of the same kind (the C library's comparison is the fast one).
            if strcmp(p, q) == 0 && isTree(x) == isTree(y) { return 0 }
            var k = 0
            while true {
                var c = UInt8(bitPattern: p[k])
                var d = UInt8(bitPattern: q[k])
                if c == 0 { c = isTree(x) ? 0x2F : 0 }
                if d == 0 { d = isTree(y) ? 0x2F : 0 }
                if c != d { return c < d ? -1 : 1 }
                if c == 0 || (c == 0x2F && p[k] == 0) { return 0 }
                k += 1
            }
        }
        /// Reports every file under one side of a path (the other side has nothing there).
        func one(_ e: OpaquePointer, removed: Bool) throws(GitError) {
            if isSubmodule(e) { return }
            if isTree(e) {
                try compare(removed ? id(e) : nil, removed ? nil : id(e), prefix + name(e) + "/", into: &out)
            } else {
                out.append(ChangedFile(path: prefix + name(e), old: removed ? id(e) : nil, new: removed ? nil : id(e)))
            }
        }
        while i < a.count || j < b.count {
            if j >= b.count {
                try one(a.entry(i), removed: true)
                i += 1
                continue
            }
            if i >= a.count {
                try one(b.entry(j), removed: false)
                j += 1
                continue
            }
            let x = a.entry(i)
            let y = b.entry(j)
            let c = order(x, y)
            if c < 0 {
                try one(x, removed: true)
                i += 1
                continue
            }
            if c > 0 {
                try one(y, removed: false)
                j += 1
                continue
            }
            i += 1
            j += 1
            // The same name on both sides.
            let xTree = isTree(x)
            let yTree = isTree(y)
            if xTree && yTree {
                if git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y)) == 0 {
                    try compare(id(x), id(y), prefix + name(x) + "/", into: &out)
                }
            } else if !xTree && !yTree {
                if git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y)) == 0
                    || git_tree_entry_filemode(x) != git_tree_entry_filemode(y)
                {
                    if !isSubmodule(x) && !isSubmodule(y) {
                        out.append(ChangedFile(path: prefix + name(x), old: id(x), new: id(y)))
                    }
                }
            } else {
                try one(x, removed: true)
                try one(y, removed: false)
            }
        }
    }
}

/// A tree held open while its entries are read in place (no copies of names that are not needed).
final class OpenTree {
    let tree: OpaquePointer?
    let count: Int

    init(_ tree: OpaquePointer?) {
        self.tree = tree
        count = tree.map { git_tree_entrycount($0) } ?? 0
    }

    deinit { if let tree { git_tree_free(tree) } }

    func entry(_ i: Int) -> OpaquePointer { git_tree_entry_byindex(tree, i)! }
}

/// The trees the last comparison opened, kept open for the next one: walking history newest first, a
/// commit's parent tree is the next commit's tree, so each tree is read once instead of twice. Holds
/// the trees of two comparisons at most.
final class TreeMemo {
    private var previous: [ObjectID: OpenTree] = [:]
    private var current: [ObjectID: OpenTree] = [:]
    private let empty = OpenTree(nil)

    func open(_ repo: Repository, _ id: ObjectID?) throws(GitError) -> OpenTree {
        guard let id else { return empty }
        if let t = current[id] ?? previous[id] {
            current[id] = t
            return t
        }
        var oid = id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repo.pointer, &oid), "git_tree_lookup")
        let t = OpenTree(tree)
        current[id] = t
        return t
    }

    /// Ends a comparison: its trees are kept for the next, the ones before are let go.
    func forget() {
        previous = current
        current = [:]
    }

    /// Lets every tree go (before the repository is).
    func clear() {
        previous = [:]
        current = [:]
    }
}
