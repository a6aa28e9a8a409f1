import PlanGit
import PlanKit

/// What a commit about to be made changes in the plan: the index against HEAD (against HEAD's parent
/// when amending). The same item diff as `plan report`.
public enum StagedSummary {
    public struct Result: Sendable {
        public let changes: [ItemChange]
        public let config: WorkspaceConfig
        /// The plans the changed items belong to.
        public var planIDs: [String] {
            Array(Set(changes.compactMap { WorkspacePath.planID(of: $0.path, plansPath: config.plansPath) })).sorted()
        }
    }

    public static func staged(_ workspace: RepoWorkspace, amending: Bool = false) throws -> Result {
        let repo = try workspace.open()
        let index = try GitFileSource.index(workspace, repository: repo)
        var base: ObjectID? = try repo.head()
        if amending, let head = base { base = try repo.commit(head).parents.first }
        let old = try base.map { try GitFileSource.tree(repo.commit($0).tree, label: $0.short, workspace, repository: repo).allFiles } ?? [:]
        return try changes(repo: repo, workspace: workspace, old: old, new: index)
    }

    /// One commit against its first parent.
    public static func revision(_ workspace: RepoWorkspace, _ revision: String) throws -> Result {
        let repo = try workspace.open()
        let commit = try repo.commit(try repo.resolve(revision))
        let new = try GitFileSource.tree(commit.tree, label: commit.id.short, workspace, repository: repo)
        let old = try commit.parents.first.map { try GitFileSource.tree(repo.commit($0).tree, label: $0.short, workspace, repository: repo).allFiles } ?? [:]
        return try changes(repo: repo, workspace: workspace, old: old, new: new)
    }

    static func changes(repo: Repository, workspace: RepoWorkspace, old: [String: ObjectID], new: GitFileSource) throws -> Result {
        let config = (try? WorkspaceLoader.loadConfig(from: new)) ?? WorkspaceConfig()
        let newFiles = new.allFiles
        var changed: [ChangedFile] = []
        for path in Set(old.keys).union(newFiles.keys).sorted() where old[path] != newFiles[path] {
            changed.append(ChangedFile(path: path, old: old[path], new: newFiles[path]))
        }
        let reader = CommitReader(repository: repo, workspace: workspace, plansPath: config.plansPath, unitsPath: config.unitsPath)
        let changes = try reader.changes(changed) { (try? WorkspaceLoader.loadRegistry(config, from: new)) ?? .empty }
        return Result(changes: changes, config: config)
    }
}
