import CLibgit2

/// The state a repository is in: a merge or rebase under way changes what a commit means.
public enum RepositoryState: Sendable, Equatable {
    case none, merge, revert, cherryPick, bisect, rebase, other
}

extension Repository {
    /// The commit HEAD points to; nil on an unborn branch (before the first commit).
    public func head() throws(GitError) -> ObjectID? {
        if git_repository_head_unborn(pointer) == 1 { return nil }
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, "HEAD")
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(result, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// A shallow clone: its history stops at grafted commits, and deepening it changes what a walk
    /// from the same commit finds.
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// The commit a revision names (`HEAD~2`, a branch, a tag, a hash).
    public func resolve(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, revision), "git_revparse_single")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    public var state: RepositoryState {
        switch git_repository_state(pointer) {
        case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): .none
        case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): .merge
        case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue): .revert
        case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue), Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue):
            .cherryPick
        case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): .bisect
        case Int32(GIT_REPOSITORY_STATE_REBASE.rawValue), Int32(GIT_REPOSITORY_STATE_REBASE_INTERACTIVE.rawValue),
            Int32(GIT_REPOSITORY_STATE_REBASE_MERGE.rawValue), Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue),
            Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue):
            .rebase
        default: .other
        }
    }

    /// How to walk history.
    public struct WalkOptions: Sendable {
        /// Newest first (git log's order) or oldest first.
        public var reverse = false
        /// Follow only the first parent of merges.
        public var firstParent = false
        public init(reverse: Bool = false, firstParent: Bool = false) {
            self.reverse = reverse
            self.firstParent = firstParent
        }
    }

    /// Commits reachable from `include` and not from `exclude`, nor, with `excludeBranches`, from
    /// any branch (what a pre-receive hook pushing a new branch wants). Streams: `body` sees each
    /// commit id as the walk finds it and can stop it by returning false.
    public func walk(
        include: [ObjectID], exclude: [ObjectID] = [], excludeBranches: Bool = false,
        options: WalkOptions = WalkOptions(), _ body: (ObjectID) throws -> Bool
    ) throws {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        // One call with the flags ORed: a second call would replace the first.
        var sort = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
        if options.reverse { sort |= GIT_SORT_REVERSE.rawValue }
        try check(git_revwalk_sorting(walker, sort), "git_revwalk_sorting")
        if options.firstParent {
            try check(git_revwalk_simplify_first_parent(walker), "git_revwalk_simplify_first_parent")
        }
        for id in include {
            var oid = id.oid
            try check(git_revwalk_push(walker, &oid), "git_revwalk_push")
        }
        for id in exclude where !id.isZero {
            var oid = id.oid
            try check(git_revwalk_hide(walker, &oid), "git_revwalk_hide")
        }
        if excludeBranches {
            let result = git_revwalk_hide_glob(walker, "refs/heads")
            if result != GIT_ENOTFOUND.rawValue { try check(result, "git_revwalk_hide_glob") }
        }
        var oid = git_oid()
        while true {
            let result = git_revwalk_next(&oid, walker)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_revwalk_next")
            if try !body(ObjectID(oid)) { break }
        }
    }

    /// All commit ids of a walk, in order.
    public func commits(
        include: [ObjectID], exclude: [ObjectID] = [], excludeBranches: Bool = false,
        options: WalkOptions = WalkOptions()
    ) throws -> [ObjectID] {
        var ids: [ObjectID] = []
        try walk(include: include, exclude: exclude, excludeBranches: excludeBranches, options: options) {
            ids.append($0)
            return true
        }
        return ids
    }

    /// Resolves `A..B` (or a lone revision: everything reachable from it) into what to walk. An old
    /// side of forty zeros, as a pre-receive hook gets for a new branch, means "not on any branch".
    public func range(_ spec: String) throws(GitError) -> (include: ObjectID, exclude: ObjectID?, excludeBranches: Bool)
    {
        if let r = spec.range(of: "..") {
            let old = String(spec[..<r.lowerBound])
            let new = String(spec[r.upperBound...])
            guard !old.hasSuffix("."), !new.hasPrefix(".") else {
                throw GitError(
                    code: .invalidSpec, message: "symmetric ranges (A...B) are not supported: \(spec)",
                    operation: "range")
            }
            let include = try resolve(new.isEmpty ? "HEAD" : new)
            if let zero = ObjectID(hex: old), zero.isZero { return (include, nil, true) }
            return (include, try resolve(old.isEmpty ? "HEAD" : old), false)
        }
        return (try resolve(spec), nil, false)
    }
}
