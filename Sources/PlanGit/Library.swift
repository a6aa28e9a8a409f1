import CLibgit2

/// libgit2 is initialised once per process, before the first call, and never shut down: shutting down
/// while another thread still uses it would be worse than the few bytes it keeps.
enum Library {
    /// What `git_libgit2_init` returned: the number of initialisations, or a negative error code.
    private static let initialised: Int32 = git_libgit2_init()

    /// Throws when libgit2 could not be initialised. Opening a repository checks it; the functions
    /// that work on what a repository gave (index trees, similarity) only make sure it ran.
    @inline(__always)
    static func ensure() throws(GitError) { try check(initialised, "git_libgit2_init") }
}
