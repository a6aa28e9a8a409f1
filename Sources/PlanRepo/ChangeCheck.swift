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

    /// Cross-file findings by tree: what the parent side of a change had, kept so a hook does not
    /// evaluate the whole parent again on every commit.
    public let findings: FindingsCache

    public init(
        workspace: RepoWorkspace, options: CheckOptions, facts: FactsCache, findings: FindingsCache = FindingsCache()
    ) {
        self.workspace = workspace
        self.options = options
        self.facts = facts
        self.findings = findings
    }

    /// What the index would commit, against HEAD (nothing, before the first commit). Reads the index
    /// in place and only the files the change can touch (see `CrossFileLayer.related`): the cost follows
    /// the change, not the workspace.
    public func staged() throws -> CheckResult {
        let repo = try workspace.open()
        let index = try repo.openIndex(file: workspace.indexFile)
        Timing.mark("staged: index read")
        guard let head = try repo.head() else {
            return try check(new: GitFileSource.index(workspace, entries: index.entries()), changes: nil)
        }
        let headTree = try repo.commit(head).tree
        guard let indexTree = IndexTree(index) else {
            // Paths in conflict: file by file, over the whole index.
            let (changes, _) = try workspace.indexChanges(repo, index: index, from: headTree)
            return try check(new: GitFileSource.index(workspace, entries: index.entries()), changes: changes)
        }
        let changes = try repo.changedFiles(from: headTree, to: indexTree, under: workspace.prefix)
            .compactMap(workspace.workspaceChange)
        Timing.mark("staged: changes found")
        let config =
            (try? WorkspaceLoader.loadConfig(from: GitFileSource.index(workspace, open: index, listing: [])))
            ?? WorkspaceConfig()
        if changes.contains(where: { CrossFileStore.isGlobal($0.path, config) }) {
            var opts = options
            opts.load.facts = facts
            return try Checker.check(source: GitFileSource.index(workspace, entries: index.entries()), options: opts)
        }
        var loadOptions = options.load
        loadOptions.facts = facts
        let before = try CrossFileStore(workspace: workspace).layer(
            repo, tree: headTree, config: config, options: loadOptions)
        let changed = Set(changes.map(\.path))
        let after = before.applying(
            try CrossFileStore.records(
                of: changed, in: GitFileSource.index(workspace, open: index, listing: changed), config, options.load))
        Timing.mark("staged: cross-file index")
        // A plan's header (its period) bears on all its items.
        var scope = changed
        for path in changed where WorkspacePath.isPlanHeader(path, plansPath: config.plansPath) {
            if let plan = WorkspacePath.planID(of: path, plansPath: config.plansPath) {
                scope.formUnion(after.paths(withKey: CrossFileKey.plan(plan)))
            }
        }
        // The files in scope are reported in full, so what they share with other files is read too.
        let reach = CrossFileLayer.related(to: scope, in: [before, after], plansPath: config.plansPath)
        let files = reach.files.union(scope)
        let new = GitFileSource.index(workspace, open: index, listing: files)
        // The facts of the files not in scope are the index's: nothing to parse.
        var known: [(String, DocumentFacts)] = []
        for path in files {
            for r in CrossFileLayer.versions(of: path, in: [before, after]) where !r.contentID.isEmpty {
                known.append((r.contentID, r.facts))
            }
        }
        var opts = options
        opts.load.facts = FactsCache(pairs: known)
        opts.load.scope = scope
        opts.load.preferredCitations = reach.preferredCitations
        let result = try Checker.check(source: new, options: opts)
        var caused: [Diagnostic] = []
        if !result.outsideScope.isEmpty {
            opts.load.scope = []
            let previous = try Checker.check(source: new.replacing(changes, label: "parent"), options: opts)
            let known = Set(previous.outsideScope.map(Self.key))
            caused = result.outsideScope.filter { !known.contains(Self.key($0)) }
        }
        return CheckResult(
            diagnostics: (result.diagnostics + caused).sorted(), files: result.files, items: after.itemCount)
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
        let ids = try repo.commits(
            include: [r.include], exclude: r.exclude.map { [$0] } ?? [],
            excludeBranches: r.excludeBranches, options: .init(reverse: true))
        for id in ids {
            let commit = try repo.commit(id)
            let new = try GitFileSource.tree(commit.tree, label: id.short, workspace, repository: repo)
            var changes: [ChangedFile]?
            var parentTree: ObjectID?
            if let parent = commit.parents.first {
                parentTree = try repo.commit(parent).tree
                changes = try repo.changedFiles(from: parentTree, to: commit.tree, under: workspace.prefix)
                    .compactMap(workspace.workspaceChange)
            }
            try each(commit, try check(new: new, changes: changes, trees: (parentTree, commit.tree)))
        }
    }

    /// `new` in full where it differs from its parent, and the cross-file findings the difference
    /// causes. `changes` are the files that differ (workspace paths); nil when there is no parent.
    func check(new: GitFileSource, changes: [ChangedFile]?, trees: (old: ObjectID?, new: ObjectID?) = (nil, nil)) throws
        -> CheckResult
    {
        var opts = options
        opts.load.facts = facts
        guard let changes else { return try Checker.check(source: new, options: opts) }
        let changed = Set(changes.filter { $0.new != nil }.map(\.path))
        let removed = Set(changes.filter { $0.new == nil }.map(\.path))
        // A change to the configuration, schema or registry changes what every file means.
        let config = (try? WorkspaceLoader.loadConfig(from: new)) ?? WorkspaceConfig()
        let global = [WorkspaceConfig.fileName, config.schemaPath, config.unitsPath]
        if global.contains(where: { changed.contains($0) || removed.contains($0) }) {
            return try Checker.check(source: new, options: opts)
        }
        // A plan's header (its period) bears on all its items.
        var scope = changed
        let newFiles = new.allFiles
        for path in changed where WorkspacePath.isPlanHeader(path, plansPath: config.plansPath) {
            let folder = (path as NSString).deletingLastPathComponent + "/"
            scope.formUnion(newFiles.keys.filter { $0.hasPrefix(folder) })
        }
        opts.load.scope = scope
        let after = try Checker.check(source: new, options: opts)
        // Everything cross-file this tree has: the parent side of the next change to it.
        if let tree = trees.new {
            findings.set(
                treeKey(tree),
                Set((after.outsideScope + after.diagnostics.filter { Self.isCrossFile($0.rule) }).map(Self.key)))
        }
        guard !after.outsideScope.isEmpty else { return after }
        var known: Set<String>
        if let tree = trees.old, let cached = findings.get(treeKey(tree)) {
            known = cached
        } else {
            var before = opts
            before.load.scope = []
            if let previous = try? Checker.check(source: new.replacing(changes, label: "parent"), options: before) {
                known = Set(previous.outsideScope.map(Self.key))
                if let tree = trees.old { findings.set(treeKey(tree), known) }
            } else {
                known = []
            }
        }
        let caused = after.outsideScope.filter { !known.contains(Self.key($0)) }
        return CheckResult(diagnostics: (after.diagnostics + caused).sorted(), files: after.files, items: after.items)
    }

    /// A tree seen from this workspace: the same tree checked from another folder is another key.
    private func treeKey(_ tree: ObjectID) -> String { tree.description + "\u{0}" + workspace.prefix }

    static func isCrossFile(_ rule: String) -> Bool {
        RuleRegistry.workspaceRules.contains { $0.description.id == rule }
    }

    static func key(_ d: Diagnostic) -> String {
        d.rule + "\u{0}" + d.location.path + "\u{0}" + d.message.render(.en)
    }
}

/// Cross-file findings (as keys) by tree id, saved under the repository's git folder: commits never
/// change, so neither do their trees' findings. One small file per tree, read only when that tree's
/// findings are asked for (a hook needs its parent's, and only when the change has cross-file
/// findings); only the newest few trees are kept.
public final class FindingsCache: @unchecked Sendable {
    private let lock = NSLock()
    /// nil: in memory only.
    private let folder: String?
    private var entries: [String: Set<String>] = [:]
    private var dirty: Set<String> = []
    static let header = "plan-findings 2"
    static let keep = 8

    public init(folder: String? = nil) {
        self.folder = folder
    }

    public func get(_ key: String) -> Set<String>? {
        lock.lock()
        defer { lock.unlock() }
        if let hit = entries[key] { return hit }
        guard let folder, let read = Self.read(folder + "/" + Self.fileName(key), key: key) else { return nil }
        entries[key] = read
        return read
    }

    public func set(_ key: String, _ findings: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        if entries[key] == findings { return }
        // A tree never changes, and neither do its findings: one saved before is not written again.
        if entries[key] == nil, let folder, FileManager.default.fileExists(atPath: folder + "/" + Self.fileName(key)) {
            return
        }
        entries[key] = findings
        dirty.insert(key)
    }

    public var isDirty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !dirty.isEmpty
    }

    /// Writes the trees set since loading, each atomically, and forgets all but the newest few.
    public func save() throws {
        lock.lock()
        let toWrite = dirty.map { ($0, entries[$0]!) }
        dirty = []
        lock.unlock()
        guard let folder, !toWrite.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (key, findings) in toWrite {
            var out = Self.header + "\n" + Self.escape(key) + "\n"
            for f in findings.sorted() { out += Self.escape(f) + "\n" }
            try AtomicFile.write(out, to: folder + "/" + Self.fileName(key))
        }
        let fm = FileManager.default
        let files = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".findings") }
        guard files.count > Self.keep else { return }
        let dated = files.map { name in
            (name, (try? fm.attributesOfItem(atPath: folder + "/" + name)[.modificationDate] as? Date) ?? .distantPast)
        }
        for (name, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keep) {
            try? fm.removeItem(atPath: folder + "/" + name)
        }
    }

    /// A file name for a tree key: the tree id, and the workspace folder's hash when there is one.
    static func fileName(_ key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 {
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
        }
        let tree = key.prefix { $0 != "\u{0}" }
        return tree + "-" + String(hash, radix: 16) + ".findings"
    }

    /// A tree's findings file: the header, the key it is for (a hash could collide), one finding a line.
    static func read(_ path: String, key: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == Substring(header), lines.last == "", unescape(String(lines[1])) == key
        else { return nil }
        lines.removeLast()
        return Set(lines.dropFirst(2).map { unescape(String($0)) })
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\u{0}", with: "\\0")
    }

    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "\\")) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var escaped = false
        for b in s.utf8 {
            if escaped {
                switch b {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "0"): out.append(0)
                default: out.append(b)
                }
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
