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
        let index = try repo.openIndex(file: workspace.indexFile)
        var base: ObjectID? = try repo.head()
        if amending, let head = base { base = try repo.commit(head).parents.first }
        let changed = try workspace.indexChanges(repo, index: index, from: base.map { try repo.commit($0).tree })
            .changes
        return try changes(
            repo: repo, workspace: workspace, changed: changed,
            new: GitFileSource.index(workspace, open: index, listing: []))
    }

    /// One commit against its first parent.
    public static func revision(_ workspace: RepoWorkspace, _ revision: String) throws -> Result {
        let repo = try workspace.open()
        let commit = try repo.commit(try repo.resolve(revision))
        let new = try GitFileSource.tree(commit.tree, label: commit.id.short, workspace, repository: repo)
        let parentTree = try commit.parents.first.map { try repo.commit($0).tree }
        let changed = try repo.changedFiles(from: parentTree, to: commit.tree, under: workspace.prefix).compactMap(
            workspace.workspaceChange)
        return try changes(repo: repo, workspace: workspace, changed: changed, new: new)
    }

    /// The item changes among the changed files (workspace paths); configuration and registry from `new`.
    static func changes(repo: Repository, workspace: RepoWorkspace, changed: [ChangedFile], new: GitFileSource) throws
        -> Result
    {
        let config = (try? WorkspaceLoader.loadConfig(from: new)) ?? WorkspaceConfig()
        let reader = CommitReader(
            repository: repo, workspace: workspace, plansPath: config.plansPath, unitsPath: config.unitsPath)
        let changes = try reader.changes(changed) { (try? WorkspaceLoader.loadRegistry(config, from: new)) ?? .empty }
        return Result(changes: changes, config: config)
    }
}
