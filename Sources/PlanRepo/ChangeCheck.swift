import Foundation
import PlanGit
import PlanKit

/// Checks what a change brings: the files it adds or modifies in full, and, across files, only the
/// findings the change causes (a deleted item is not an error of its own, but a `depends_on` it leaves
/// dangling is). `plan check --staged`, `--rev` and `--range` are all made of it.
public struct ChangeChecker {
    public let workspace: RepoWorkspace
    public let options: CheckOptions
    public let facts: FactsCache

    public init(workspace: RepoWorkspace, options: CheckOptions, facts: FactsCache) {
        self.workspace = workspace
        self.options = options
        self.facts = facts
    }

    /// What the index would commit, against HEAD (nothing, before the first commit).
    public func staged() throws -> CheckResult {
        let repo = try workspace.open()
        let new = try GitFileSource.index(workspace, repository: repo)
        let old = try repo.head().map { try GitFileSource.tree(repo.commit($0).tree, label: "HEAD", workspace, repository: repo) }
        return try check(new: new, old: old)
    }

    /// The whole tree of one commit.
    public func revision(_ revision: String) throws -> (Commit, CheckResult) {
        let repo = try workspace.open()
        let commit = try repo.commit(try repo.resolve(revision))
        let source = try GitFileSource.tree(commit.tree, label: commit.id.short, workspace, repository: repo)
        var opts = options
        opts.load.facts = facts
        return (commit, try Checker.check(source: source, options: opts))
    }

    /// Every commit of a range, oldest first, each against its first parent. An old side of forty
    /// zeros means every commit not yet on any branch.
    public func range(_ spec: String, _ each: (Commit, CheckResult) throws -> Void) throws {
        let repo = try workspace.open()
        let r = try repo.range(spec)
        let ids = try repo.commits(include: [r.include], exclude: r.exclude.map { [$0] } ?? [],
                                   excludeBranches: r.excludeBranches, options: .init(reverse: true))
        for id in ids {
            let commit = try repo.commit(id)
            let new = try GitFileSource.tree(commit.tree, label: id.short, workspace, repository: repo)
            let old = try commit.parents.first.map { try GitFileSource.tree(repo.commit($0).tree, label: $0.short, workspace, repository: repo) }
            try each(commit, try check(new: new, old: old))
        }
    }

    /// `new` in full where it differs from `old`, and the cross-file findings the difference causes.
    func check(new: GitFileSource, old: GitFileSource?) throws -> CheckResult {
        let newFiles = new.allFiles
        var opts = options
        opts.load.facts = facts
        guard let old else { return try Checker.check(source: new, options: opts) }
        let oldFiles = old.allFiles
        let changed = Set(newFiles.filter { oldFiles[$0.key] != $0.value }.keys)
        let removed = Set(oldFiles.keys).subtracting(newFiles.keys)
        // A change to the configuration, schema or registry changes what every file means.
        let config = (try? WorkspaceLoader.loadConfig(from: new)) ?? WorkspaceConfig()
        let global = [WorkspaceConfig.fileName, config.schemaPath, config.unitsPath]
        if global.contains(where: { changed.contains($0) || removed.contains($0) }) {
            return try Checker.check(source: new, options: opts)
        }
        // A plan's header (its period) bears on all its items.
        var scope = changed
        for path in changed where WorkspacePath.isPlanHeader(path, plansPath: config.plansPath) {
            let folder = (path as NSString).deletingLastPathComponent + "/"
            scope.formUnion(newFiles.keys.filter { $0.hasPrefix(folder) })
        }
        opts.load.scope = scope
        let after = try Checker.check(source: new, options: opts)
        guard after.outsideScope.isEmpty == false else { return after }
        var before = opts
        before.load.scope = []
        let known: Set<String>
        if let previous = try? Checker.check(source: old, options: before) {
            known = Set(previous.outsideScope.map(Self.key))
        } else {
            known = []
        }
        let caused = after.outsideScope.filter { !known.contains(Self.key($0)) }
        return CheckResult(diagnostics: (after.diagnostics + caused).sorted(), files: after.files, items: after.items)
    }

    static func key(_ d: Diagnostic) -> String {
        d.rule + "\u{0}" + d.location.path + "\u{0}" + d.message.render(.en)
    }
}
