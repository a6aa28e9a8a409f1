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

    /// A tree held open while its entries are read in place (no copies of names that are not needed).
    private final class OpenTree {
        let tree: OpaquePointer?
        let count: Int
        init(_ repo: Repository, _ id: ObjectID?) throws(GitError) {
            guard let id else {
                tree = nil
                count = 0
                return
            }
            var oid = id.oid
            var t: OpaquePointer?
            try check(git_tree_lookup(&t, repo.pointer, &oid), "git_tree_lookup")
            tree = t
            count = git_tree_entrycount(t)
        }
        deinit { if let tree { git_tree_free(tree) } }
        func entry(_ i: Int) -> OpaquePointer { git_tree_entry_byindex(tree, i)! }
    }

    private func compare(_ old: ObjectID?, _ new: ObjectID?, _ prefix: String, into out: inout [ChangedFile])
        throws(GitError)
    {
        if old == new { return }
        let a = try OpenTree(self, old)
        let b = try OpenTree(self, new)
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
