import Foundation
import PlanGit
import PlanKit

/// The cross-file index of a tree, kept in the repository's git folder: one file, for the tree it was
/// last built from. A hook asks for HEAD's tree: when the saved one is HEAD's, it is used as it is;
/// when HEAD moved by a few files (the last commits), those files are read on top of it; only when
/// it moved by many (a pull, a checkout) is the index built again from the whole tree and saved.
struct CrossFileStore {
    let workspace: RepoWorkspace
    /// Files a saved index may lag behind HEAD before it is built again.
    static let maxLag = 64

    /// One file per workspace folder of the repository.
    var path: String { workspace.cacheFile("crossfile", perWorkspace: true) }

    /// HEAD's tree (`tree`) as the cross-file rules see it, with `config` (HEAD's).
    func layer(_ repo: Repository, tree: ObjectID, config: WorkspaceConfig, options: LoadOptions) throws
        -> CrossFileLayer
    {
        if let base = CrossFileIndex(file: path), base.workspace == workspace.prefix,
            let baseTree = ObjectID(hex: base.tree)
        {
            if baseTree == tree { return CrossFileLayer(base: base) }
            if let lag = try? repo.changedFiles(from: baseTree, to: tree, under: workspace.prefix)
                .compactMap(workspace.workspaceChange),
                lag.count <= Self.maxLag, !lag.contains(where: { Self.isGlobal($0.path, config) })
            {
                let paths = Set(lag.map(\.path))
                let source = try GitFileSource.tree(tree, label: "HEAD", workspace, listing: paths)
                // The few files are parsed: looking them up would read the whole facts cache.
                var parse = options
                parse.facts = nil
                return CrossFileLayer(base: base, changed: try Self.records(of: paths, in: source, config, parse))
            }
        }
        let source = try GitFileSource.tree(tree, label: "HEAD", workspace, repository: repo)
        let records = try WorkspaceLoader.fileFacts(from: source, config: config, options: options).map {
            CrossFileIndex.Record($0, contentID: source.contentID($0.path))
        }
        let bytes = CrossFileIndex.encode(tree: tree.description, workspace: workspace.prefix, records: records)
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write(bytes, to: path)
        return CrossFileLayer(base: CrossFileIndex(bytes: bytes))
    }

    /// The new records of changed files as a source has them: nil for a file it does not have (or one
    /// that is not a plan file).
    static func records(
        of paths: Set<String>, in source: GitFileSource, _ config: WorkspaceConfig, _ options: LoadOptions
    ) throws -> [String: CrossFileIndex.Record?] {
        var out: [String: CrossFileIndex.Record?] = [:]
        for p in paths { out[p] = .some(nil) }
        for f in try WorkspaceLoader.fileFacts(from: source, config: config, options: options) {
            out[f.path] = CrossFileIndex.Record(f, contentID: source.contentID(f.path))
        }
        return out
    }

    /// The configuration, the schema and the registry: a change to one changes what every file means.
    static func isGlobal(_ path: String, _ config: WorkspaceConfig) -> Bool {
        path == WorkspaceConfig.fileName || path == config.schemaPath || path == config.unitsPath
    }
}
