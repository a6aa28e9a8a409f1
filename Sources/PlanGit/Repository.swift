import CLibgit2

/// A git repository. Owns one libgit2 handle and is not shared between threads: libgit2 objects are
/// single-thread, so parallel work opens one `Repository` per task and passes only value types across.
public final class Repository {
    let pointer: OpaquePointer
    /// Trees kept open between two comparisons (`changedFiles`).
    let trees = TreeMemo()

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        trees.clear()
        git_repository_free(pointer)
    }

    /// Opens the repository containing `path`, searching parent folders like `git` does (also a bare
    /// repository, or a linked worktree's folder).
    public static func discover(from path: String) throws(GitError) -> Repository {
        try Library.ensure()
        var out: OpaquePointer?
        try check(git_repository_open_ext(&out, path, 0, nil), "git_repository_open_ext")
        return Repository(out!)
    }

    /// Opens exactly the repository at `path` (its work tree, its `.git` folder, or a bare repository).
    public static func open(at path: String) throws(GitError) -> Repository {
        try Library.ensure()
        var out: OpaquePointer?
        try check(
            git_repository_open_ext(&out, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
            "git_repository_open_ext")
        return Repository(out!)
    }

    /// Opens the repository the environment names (`GIT_DIR`, `GIT_OBJECT_DIRECTORY`,
    /// `GIT_ALTERNATE_OBJECT_DIRECTORIES`…), as git hooks run: a pre-receive hook sees the pushed objects
    /// only through these (they wait in a quarantine folder until the hook accepts them).
    public static func openFromEnvironment() throws(GitError) -> Repository {
        try Library.ensure()
        var out: OpaquePointer?
        try check(
            git_repository_open_ext(&out, nil, UInt32(GIT_REPOSITORY_OPEN_FROM_ENV.rawValue), nil),
            "git_repository_open_ext")
        return Repository(out!)
    }

    /// Creates a repository (`git init`).
    public static func create(at path: String, bare: Bool = false) throws(GitError) -> Repository {
        try Library.ensure()
        var out: OpaquePointer?
        try check(git_repository_init(&out, path, bare ? 1 : 0), "git_repository_init")
        return Repository(out!)
    }

    /// The working tree's folder, without a trailing slash; nil for a bare repository.
    public var workdir: String? {
        guard let p = git_repository_workdir(pointer) else { return nil }
        return Self.trimSlash(String(cString: p))
    }

    /// The `.git` folder (for a linked worktree, its own folder under the main repository's `.git`).
    public var gitDir: String { Self.trimSlash(String(cString: git_repository_path(pointer))) }

    /// The folder shared by all worktrees (where objects and config live).
    public var commonDir: String { Self.trimSlash(String(cString: git_repository_commondir(pointer))) }

    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    static func trimSlash(_ s: String) -> String {
        s.count > 1 && s.hasSuffix("/") ? String(s.dropLast()) : s
    }
}
