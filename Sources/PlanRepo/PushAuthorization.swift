import Foundation
import PlanGit
import PlanKit

/// One line a pre-receive hook reads: a ref moved from `old` to `new` (nil: created, deleted).
public struct RefUpdate: Sendable, Hashable {
    public let old: ObjectID?
    public let new: ObjectID?
    public let ref: String

    /// `<old> <new> <ref>` lines, as git gives them on standard input; zero ids are nil.
    public static func parse(_ text: String) -> [RefUpdate] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3, let old = ObjectID(hex: parts[0]), let new = ObjectID(hex: parts[1]) else {
                return nil
            }
            return RefUpdate(old: old.isZero ? nil : old, new: new.isZero ? nil : new, ref: parts[2])
        }
    }
}

/// Decides whether the pusher may make the changes of a push. The rules come from the repository as the
/// server holds it (its default branch), never from the pushed commits; the pushed objects are read
/// from git's quarantine (the workspace opens the repository from the environment in a hook).
public struct PushAuthorizer {
    public struct Refusal: Sendable {
        public let commit: Commit
        public let violations: [AccessViolation]
    }

    public let workspace: RepoWorkspace
    public let today: CivilDate

    public init(workspace: RepoWorkspace, today: CivilDate = .today()) {
        self.workspace = workspace
        self.today = today
    }

    /// The rules at the server's HEAD (its default branch); nil before the first commit, or when the
    /// repository has no plan.yaml there.
    public func policy() throws -> AccessPolicy? {
        let repo = try workspace.open()
        guard let head = try repo.head() else { return nil }
        // The configuration and the registry, looked up by path: a push does not list the whole tree.
        let source = try GitFileSource.tree(
            repo.commit(head).tree, label: "HEAD", workspace, listing: [WorkspaceConfig.fileName], repository: repo)
        guard source.allFiles[WorkspaceConfig.fileName] != nil else { return nil }
        let config = try WorkspaceLoader.loadConfig(from: source)
        let registry = try WorkspaceLoader.loadRegistry(config, from: source)
        return AccessPolicy(config: config, registry: registry, today: today)
    }

    /// The changes of the pushed commits that the pusher may not make, commit by commit (oldest first).
    /// Only commits new to the repository are read: those on no existing branch. A merge is held to
    /// what it changes against every parent (what it brings from an accepted branch is not its own).
    public func refusals(_ updates: [RefUpdate], policy: AccessPolicy, pusher: Pusher?) throws -> [Refusal] {
        guard policy.mode != .off, !policy.isAdmin(pusher) else { return [] }
        let repo = try workspace.open()
        let reader = CommitReader(
            repository: repo, workspace: workspace, plansPath: policy.config.plansPath,
            unitsPath: policy.config.unitsPath)
        var seen = Set<ObjectID>()
        var out: [Refusal] = []
        for update in updates {
            guard let new = update.new else { continue }
            let ids = try repo.commits(
                include: [new], exclude: update.old.map { [$0] } ?? [], excludeBranches: true,
                options: .init(reverse: true))
            for id in ids where seen.insert(id).inserted {
                let commit = try repo.commit(id)
                let parents = commit.parents.isEmpty ? [nil] : commit.parents.map { Optional($0) }
                var common: [AccessViolation]?
                for parent in parents {
                    let parentTree = try parent.map { try repo.commit($0).tree }
                    let found = try violations(
                        repo, reader, from: parentTree, to: commit.tree, policy: policy, pusher: pusher)
                    common = common.map { kept in kept.filter { v in found.contains { Self.same(v, $0) } } } ?? found
                }
                if let common, !common.isEmpty { out.append(Refusal(commit: commit, violations: common)) }
            }
        }
        return out
    }

    private func violations(
        _ repo: Repository, _ reader: CommitReader, from old: ObjectID?, to new: ObjectID, policy: AccessPolicy,
        pusher: Pusher?
    ) throws -> [AccessViolation] {
        let changed = try repo.changedFiles(from: old, to: new, under: workspace.prefix).compactMap(
            workspace.workspaceChange)
        let (before, after) = try reader.itemVersions(changed)
        let changes = ItemDiff.changes(
            old: before, new: after, registry: policy.registry, similarity: CommitReader.similarity)
        let others = changed.map(\.path).filter { !WorkspacePath.isItem($0, plansPath: policy.config.plansPath) }
        return AccessCheck.violations(
            changes: changes, old: Dictionary(before.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
            files: others, policy: policy, pusher: pusher)
    }

    /// The same change seen against two parents of a merge.
    static func same(_ a: AccessViolation, _ b: AccessViolation) -> Bool {
        a.path == b.path && a.field == b.field && a.item == b.item
    }
}
