import CLibgit2

/// One entry of the index (the staging area), stage 0 unless the path is in conflict.
public struct IndexEntry: Sendable, Equatable {
    public let path: String
    public let id: ObjectID
    public let kind: EntryKind
    /// 0 normally; 1 (base), 2 (ours), 3 (theirs) for a path in conflict during a merge.
    public let stage: Int
}

extension Repository {
    /// The index as git will commit it, read from disk now: the repository's own, or the index file
    /// given (git gives hooks a temporary one for `git commit -a`).
    public func indexEntries(file: String? = nil) throws(GitError) -> [IndexEntry] {
        var index: OpaquePointer?
        if let file {
            try check(git_index_open(&index, file), "git_index_open")
        } else {
            try check(git_repository_index(&index, pointer), "git_repository_index")
        }
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "git_index_read")
        let count = git_index_entrycount(index)
        var entries: [IndexEntry] = []
        entries.reserveCapacity(count)
        for i in 0..<count {
            guard let e = git_index_get_byindex(index, i) else { continue }
            let mode = e.pointee.mode
            let kind: EntryKind =
                switch mode {
                case 0o040000: .tree
                case 0o100755: .executable
                case 0o120000: .symlink
                case 0o160000: .submodule
                default: .blob
                }
            entries.append(
                IndexEntry(
                    path: String(cString: e.pointee.path), id: ObjectID(e.pointee.id), kind: kind,
                    stage: Int((e.pointee.flags >> 12) & 0x3)))
        }
        return entries
    }
}
