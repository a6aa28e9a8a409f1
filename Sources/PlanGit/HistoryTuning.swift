import CLibgit2

extension Repository {
    /// Prepares libgit2, for the whole process, for reading long histories.
    ///
    /// Objects are not hashed again on every read: libgit2 does so by default; git's own log and diff
    /// read objects without it, and `git fsck` is what checks a repository. On 10,000 commits it was a
    /// fifth of the time of a first report.
    ///
    /// libgit2's object cache is turned off. A history is read once, and what is read twice is kept
    /// by the reader itself (a commit's parent tree is the next commit's tree: `TreeMemo`). With the
    /// cache as libgit2 sets it, a first report over 10,000 commits took the same time and 50-75 MB more
    /// memory; keeping trees of up to 1 MB in a 16 MB cache, as an earlier version did, made it about 7%
    /// slower (evicting large trees from a small cache cost more than reading them again).
    public static func prepareForHistory() throws(GitError) {
        try Library.ensure()
        try check(plan_git_set_strict_hash_verification(0), "GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION")
        try check(plan_git_enable_caching(0), "GIT_OPT_ENABLE_CACHING")
    }
}
