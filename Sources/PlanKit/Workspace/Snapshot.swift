/// Everything the rules need, read once from one source: configuration, schema, registry, plan
/// headers and parsed items, plus the files that could not be read as documents.
public struct Snapshot: Sendable {
    public let source: String
    public let config: WorkspaceConfig
    public let registry: UnitRegistry
    public let schema: JSONSchema
    public let headers: [String: PlanHeader]
    /// Items sorted by path.
    public let items: [Item]
    /// Every parsed document: items and plan headers, sorted by path.
    public let documents: [Document]
    /// Plan folders seen (with or without a plan.md).
    public let planIDs: [String]
    /// Findings of file rules: files that are not readable documents.
    public let fileFindings: [(rule: String, location: SourceLocation, message: Message)]
    public let fileCount: Int
}

/// How to load a snapshot.
public struct LoadOptions: Sendable {
    public var limits: Limits
    /// A cache of parsed documents by content id, when the source has content ids.
    public var cache: DocumentCache?

    public init(limits: Limits = .default, cache: DocumentCache? = nil) {
        self.limits = limits
        self.cache = cache
    }
}

/// Parsed documents by content id, shared between runs (and threads) of one process.
public final class DocumentCache: @unchecked Sendable {
    private let store = Locked<[String: Result<Document, DocumentFailure>]>([:])
    public init() {}
    func get(_ id: String) -> Result<Document, DocumentFailure>? { store.withLock { $0[id] } }
    func set(_ id: String, _ value: Result<Document, DocumentFailure>) { store.withLock { $0[id] = value } }
}

public enum WorkspaceLoader {
    /// The ids accepted in configuration: every rule's id and old aliases, mapped to the current id.
    public static var ruleIDs: [String: String] {
        var ids: [String: String] = [:]
        for d in RuleRegistry.descriptions {
            ids[d.id] = d.id
            for a in d.aliases { ids[a] = d.id }
        }
        return ids
    }

    public static func loadConfig(from source: any FileSource) throws(PlanError) -> WorkspaceConfig {
        guard let bytes = try source.read(WorkspaceConfig.fileName) else {
            throw PlanError.missingFile(WorkspaceConfig.fileName)
        }
        return try WorkspaceConfig.parse(bytes: bytes, ruleIDs: ruleIDs)
    }

    public static func loadSchema(_ config: WorkspaceConfig, from source: any FileSource) throws(PlanError) -> JSONSchema {
        guard let bytes = try source.read(config.schemaPath) else { throw PlanError.missingFile(config.schemaPath) }
        let json: JSONValue
        do {
            json = try JSONValue.parse(Data(bytes))
        } catch {
            throw PlanError.config(path: config.schemaPath, line: 1, column: 1, Message(.configBadJSON, "\(error)"))
        }
        do {
            return try JSONSchema.compile(json)
        } catch {
            throw PlanError.config(path: config.schemaPath, line: 1, column: 1,
                                   Message(.configSchemaError, error.pointer.isEmpty ? "#" : error.pointer, error.message.render(.en)))
        }
    }

    public static func loadRegistry(_ config: WorkspaceConfig, from source: any FileSource) throws(PlanError) -> UnitRegistry {
        guard let bytes = try source.read(config.unitsPath) else { throw PlanError.missingFile(config.unitsPath) }
        return try UnitRegistryFile.parse(path: config.unitsPath, bytes: bytes)
    }

    public static func load(from source: any FileSource, options: LoadOptions = LoadOptions()) throws(PlanError) -> Snapshot {
        let config = try loadConfig(from: source)
        let schema = try loadSchema(config, from: source)
        let registry = try loadRegistry(config, from: source)
        let entries = try source.files(under: config.plansPath).filter { !config.isIgnored($0.path) }
        if entries.count > options.limits.maxItems {
            throw PlanError.other(Message(.tooManyItems, String(entries.count), String(options.limits.maxItems)))
        }
        let limits = options.limits
        let cache = options.cache
        let parsed: [Result<Document, DocumentFailure>]
        do {
            parsed = try Parallel.map(count: entries.count, makeState: { () throws -> any FileReader in try source.makeReader() }) {
                reader, i in
                let entry = entries[i]
                if let id = entry.contentID, let hit = cache?.get(id) { return hit.relocated(to: entry.path) }
                let bytes = try reader.read(entry, limit: limits.maxFileBytes)
                let result = DocumentParser.parse(path: entry.path, bytes: bytes, limits: limits)
                if let id = entry.contentID { cache?.set(id, result) }
                return result
            }
        } catch let error as PlanError {
            throw error
        } catch {
            throw PlanError.io(path: config.plansPath, reason: "\(error)")
        }
        var headers: [String: PlanHeader] = [:]
        var items: [Item] = []
        var documents: [Document] = []
        var planIDs = Set<String>()
        var failures: [(rule: String, location: SourceLocation, message: Message)] = []
        for (entry, result) in zip(entries, parsed) {
            guard let planID = WorkspacePath.planID(of: entry.path, plansPath: config.plansPath) else { continue }
            planIDs.insert(planID)
            switch result {
            case .success(let doc):
                documents.append(doc)
                if WorkspacePath.isPlanHeader(entry.path, plansPath: config.plansPath) {
                    headers[planID] = PlanHeader(document: doc, planID: planID)
                } else if WorkspacePath.isItem(entry.path, plansPath: config.plansPath) {
                    items.append(Item(document: doc, planID: planID))
                }
            case .failure(let f):
                failures.append((f.rule, SourceLocation(path: entry.path, line: f.line, column: f.column), f.message))
            }
        }
        for s in source.skipped() {
            failures.append((FileRules.symlinkOutside, SourceLocation(path: s.path, line: 1, column: 1), s.message))
        }
        return Snapshot(source: source.label, config: config, registry: registry, schema: schema, headers: headers,
                        items: items, documents: documents, planIDs: planIDs.sorted(), fileFindings: failures,
                        fileCount: entries.count)
    }
}

extension Result where Success == Document, Failure == DocumentFailure {
    /// The same parse for a file with identical content at another path.
    func relocated(to path: String) -> Self {
        switch self {
        case .success(let d) where d.path != path:
            return .success(Document(path: path, source: d.source, frontMatter: d.frontMatter, openingLine: d.openingLine,
                                     frontMatterRange: d.frontMatterRange, bodyFirstLine: d.bodyFirstLine, bodyStart: d.bodyStart))
        default:
            return self
        }
    }
}

import Foundation
