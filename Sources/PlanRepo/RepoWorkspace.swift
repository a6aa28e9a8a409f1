import Foundation
import PlanGit
import PlanKit

/// A plan workspace inside a git repository: how to open the repository (again, on each thread),
/// and where in its trees the workspace is.
public struct RepoWorkspace: Sendable, Codable {
    /// The `.git` folder (or the bare repository) to reopen.
    public let gitDir: String
    /// Whether the repository comes from the environment (`GIT_DIR`, quarantined objects in a
    /// pre-receive hook) rather than from `gitDir` alone.
    public let fromEnvironment: Bool
    /// The workspace folder inside the repository's trees: "" for the root, else `sub/dir`.
    public let prefix: String
    /// Where cached facts are kept: a file under the repository's git folder, safe to delete.
    public let cachePath: String
    public let isBare: Bool
    /// The index file git names in `GIT_INDEX_FILE`: `git commit -a` and `git commit <paths>` run the
    /// pre-commit hook on a temporary index, which is the one to check.
    public let indexFile: String?

    /// A file beside `cachePath` (`plan/<name>` under the repository's git folder); with
    /// `perWorkspace`, one per workspace folder of the repository (`<name>-<hash of the folder>`).
    public func cacheFile(_ name: String, perWorkspace: Bool = false) -> String {
        let folder = (cachePath as NSString).deletingLastPathComponent + "/"
        guard perWorkspace else { return folder + name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in prefix.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return folder + name + "-" + String(hash, radix: 16)
    }

    /// Opens the repository for the calling thread. libgit2 handles are single-thread.
    public func open() throws(GitError) -> Repository {
        fromEnvironment ? try Repository.openFromEnvironment() : try Repository.open(at: gitDir)
    }

    /// The repository around `directory`, and the workspace in it: the folder of the nearest
    /// `plan.yaml` on disk at or above `directory` (when inside the work tree), else the root.
    /// Outside any repository: `PlanError` (not a repository); other git failures: `GitError`.
    /// `environment`: the git variables read below (by default just those, from the process).
    public static func locate(
        from directory: String, workspace: String? = nil,
        environment: [String: String] = Environment.values([
            "GIT_DIR", "GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY", "GIT_INDEX_FILE",
        ])
    ) throws -> RepoWorkspace {
        let useEnvironment =
            environment["GIT_DIR"] != nil
            && (environment["GIT_QUARANTINE_PATH"] != nil
                || environment["GIT_OBJECT_DIRECTORY"] != nil)
        let repo = try openRepository(from: directory, environment: useEnvironment)
        var prefix = ""
        if let workdir = repo.workdir {
            let realWorkdir = URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path
            let root: String? =
                if let workspace {
                    URL(fileURLWithPath: workspace).standardizedFileURL.resolvingSymlinksInPath().path
                } else {
                    try? WorkspaceLocator.find(from: directory)
                }
            if let root {
                let real = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
                if real.hasPrefix(realWorkdir + "/") { prefix = String(real.dropFirst(realWorkdir.count + 1)) }
            }
        }
        var indexFile = environment["GIT_INDEX_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let f = indexFile, !f.hasPrefix("/") { indexFile = directory + "/" + f }
        return RepoWorkspace(
            gitDir: repo.gitDir, fromEnvironment: useEnvironment, prefix: prefix,
            cachePath: repo.commonDir + "/plan/facts-cache", isBare: repo.isBare, indexFile: indexFile)
    }

    private static func openRepository(from directory: String, environment: Bool) throws -> Repository {
        do {
            return environment ? try Repository.openFromEnvironment() : try Repository.discover(from: directory)
        } catch {
            if error.code == .notFound { throw PlanError.other(Message(.notARepository, directory)) }
            throw error
        }
    }

    /// A repository path as a workspace path, or nil when it is outside the workspace.
    public func workspacePath(_ repoPath: String) -> String? {
        if prefix.isEmpty { return repoPath }
        return repoPath.hasPrefix(prefix + "/") ? String(repoPath.dropFirst(prefix.count + 1)) : nil
    }

    public func repoPath(_ workspacePath: String) -> String {
        prefix.isEmpty ? workspacePath : prefix + "/" + workspacePath
    }

    /// A change of a repository path as a change of a workspace path, or nil outside the workspace.
    func workspaceChange(_ c: ChangedFile) -> ChangedFile? {
        workspacePath(c.path).map { ChangedFile(path: $0, old: c.old, new: c.new) }
    }
}

extension RepoWorkspace {
    /// The workspace files that differ between a tree (nil: none, before the first commit) and the
    /// index, as workspace paths; with the tree id the index would commit (nil when paths are in
    /// conflict). Directories whose tree id the index shares are not read.
    func indexChanges(_ repo: Repository, index: OpenIndex, from tree: ObjectID?) throws -> (
        changes: [ChangedFile], indexTree: ObjectID?
    ) {
        let changes: [ChangedFile]
        var indexTree: ObjectID?
        if let built = IndexTree(index) {
            indexTree = built.rootID
            changes = try repo.changedFiles(from: tree, to: built, under: prefix)
        } else {
            // Paths in conflict: compare file by file.
            let old = try tree.map { try GitFileSource.tree($0, label: "HEAD", self, repository: repo).allFiles } ?? [:]
            let now = GitFileSource.index(self, entries: index.entries()).allFiles
            changes = Set(old.keys).union(now.keys).sorted().compactMap { p in
                old[p] == now[p] ? nil : ChangedFile(path: repoPath(p), old: old[p], new: now[p])
            }
        }
        return (changes.compactMap(workspaceChange), indexTree)
    }
}
