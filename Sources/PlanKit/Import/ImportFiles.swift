import Foundation

/// What `plan import` writes: the plan's files and, when asked, the registry with the units it did not
/// know. Everything is checked before the first byte is written: every path stays in the workspace,
/// and no file is overwritten unless `force` says so.
public struct ImportFiles: Sendable {
    public let files: [ImportWriter.File]
    /// The registry file with the new units appended, when they are to be added and could be.
    public let unitsText: String?
    /// Why the units could not be added, when they could not.
    public let unitsError: UnitsFileAppender.Failure?
    public let addedUnits: Int
    let unitsPath: String

    public init(
        _ summary: ImportSummary, root: String, config: WorkspaceConfig, source: any FileSource, addUnits: Bool,
        force: Bool
    ) throws(PlanError) {
        files = summary.files
        unitsPath = config.unitsPath
        for f in files { try SafePath.check(f.path, root: root) }
        if !force {
            for f in files where FileManager.default.fileExists(atPath: root + "/" + f.path) {
                throw PlanError.other(Message(.importExists, f.path))
            }
        }
        let toAdd = addUnits ? summary.unitsToAdd : []
        addedUnits = toAdd.count
        guard !toAdd.isEmpty else {
            unitsText = nil
            unitsError = nil
            return
        }
        try SafePath.check(config.unitsPath, root: root)
        let current = (try? source.read(config.unitsPath)).flatMap { $0.map { String(decoding: $0, as: UTF8.self) } }
        do {
            unitsText = try UnitsFileAppender.append(toAdd, to: current ?? "", path: config.unitsPath)
            unitsError = nil
        } catch {
            unitsText = nil
            unitsError = error
        }
    }

    /// Writes every file, each atomically, making the folders it needs.
    public func write(root: String) throws(PlanError) {
        for f in files { try AtomicFile.write(f.text, to: f.path, in: root) }
        if let unitsText { try AtomicFile.write(unitsText, to: root + "/" + unitsPath) }
    }
}
