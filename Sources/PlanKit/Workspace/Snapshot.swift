import Foundation

/// Everything the rules need, read once from one source: configuration, schema, registry, plan
/// headers, the parsed documents in scope, and the facts of every file for cross-file rules.
public struct Snapshot: Sendable {
    public let source: String
    public let config: WorkspaceConfig
    public let registry: UnitRegistry
    public let schema: JSONSchema
    public let headers: [String: PlanHeader]
    /// Parsed items in scope, sorted by path.
    public let items: [Item]
    /// Parsed documents in scope (items and plan headers), sorted by path.
    public let documents: [Document]
    /// The facts of every file, in scope or not.
    public let view: WorkspaceView
    /// Findings of file rules for files in scope: files that are not readable documents.
    public let fileFindings: [(rule: String, location: SourceLocation, message: Message)]
    /// The files whose own findings are reported; nil for all.
    public let scope: Set<String>?

    /// Files in scope.
    public var fileCount: Int { scope.map { s in view.files.count { s.contains($0.path) } } ?? view.files.count }

    public func inScope(_ path: String) -> Bool { scope?.contains(path) ?? true }

    /// The period an item must fall in: its plan's, else the workspace's.
    public func period(of item: Item) -> PlanPeriod? { headers[item.planID]?.period ?? config.period }
}

/// The facts of all files of a snapshot, for cross-file rules.
public struct WorkspaceView: Sendable {
    /// Sorted by path.
    public let files: [FileFacts]
    /// Plans that have a readable plan.md.
    public let headerPlanIDs: Set<String>
    /// The item files, sorted by path.
    public let items: [FileFacts]
    /// Item ids: the index (in `items`) of the first item with each id, and the ids several items have.
    public let firstItemByID: [String: Int]
    public let duplicateIDs: [String: [Int]]

    public init(files: [FileFacts], headerPlanIDs: Set<String>) {
        self.files = files
        self.headerPlanIDs = headerPlanIDs
        let items = files.filter(\.isItem)
        self.items = items
        var first: [String: Int] = [:]
        first.reserveCapacity(items.count)
        var duplicates: [String: [Int]] = [:]
        for i in items.indices {
            guard let id = items[i].facts.id?.value else { continue }
            if let f = first[id] { duplicates[id, default: [f]].append(i) } else { first[id] = i }
        }
        firstItemByID = first
        duplicateIDs = duplicates
    }
}

/// How to load a snapshot.
public struct LoadOptions: Sendable {
    public var limits: Limits
    /// Files whose own findings are wanted (parsed in full); nil for every file. The others are seen
    /// through their facts only, from `facts` when their content id is cached there.
    public var scope: Set<String>?
    public var facts: FactsCache?

    public init(limits: Limits = .default, scope: Set<String>? = nil, facts: FactsCache? = nil) {
        self.limits = limits
        self.scope = scope
        self.facts = facts
    }
}

public enum WorkspaceLoader {
    /// The ids accepted in configuration: every rule's id and old aliases, mapped to the current id.
    public static let ruleIDs: [String: String] = {
        var ids: [String: String] = [:]
        for d in RuleRegistry.descriptions {
            ids[d.id] = d.id
            for a in d.aliases { ids[a] = d.id }
        }
        return ids
    }()

    /// Configuration, schema and registry already read in this process, by content id: checking a
    /// change reads the same three files twice (before and after it).
    private static let configMemo = Locked<[String: WorkspaceConfig]>([:])
    private static let schemaMemo = Locked<[String: JSONSchema]>([:])
    private static let registryMemo = Locked<[String: UnitRegistry]>([:])

    private static func memoized<T>(
        _ memo: Locked<[String: T]>, _ source: any FileSource, _ path: String,
        _ make: () throws(PlanError) -> T
    ) throws(PlanError) -> T {
        let key = source.contentID(path).map { path + "\u{0}" + $0 }
        if let key, let hit = memo.withLock({ $0[key] }) { return hit }
        let value = try make()
        if let key { memo.withLock { $0[key] = value } }
        return value
    }

    public static func loadConfig(from source: any FileSource) throws(PlanError) -> WorkspaceConfig {
        try memoized(configMemo, source, WorkspaceConfig.fileName) { () throws(PlanError) in
            guard let bytes = try source.read(WorkspaceConfig.fileName) else {
                throw PlanError.missingFile(WorkspaceConfig.fileName)
            }
            return try WorkspaceConfig.parse(bytes: bytes, ruleIDs: ruleIDs)
        }
    }

    public static func loadSchema(_ config: WorkspaceConfig, from source: any FileSource) throws(PlanError)
        -> JSONSchema
    {
        try memoized(schemaMemo, source, config.schemaPath) { () throws(PlanError) in
            try readSchema(config, from: source)
        }
    }

    private static func readSchema(_ config: WorkspaceConfig, from source: any FileSource) throws(PlanError)
        -> JSONSchema
    {
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
            throw PlanError.config(
                path: config.schemaPath, line: 1, column: 1,
                Message(.configSchemaError, error.pointer.isEmpty ? "#" : error.pointer, error.message.render(.en)))
        }
    }

    public static func loadRegistry(_ config: WorkspaceConfig, from source: any FileSource) throws(PlanError)
        -> UnitRegistry
    {
        try memoized(registryMemo, source, config.unitsPath) { () throws(PlanError) in
            guard let bytes = try source.read(config.unitsPath) else { throw PlanError.missingFile(config.unitsPath) }
            return try UnitRegistryFile.parse(path: config.unitsPath, bytes: bytes)
        }
    }

    /// What loading one file gave.
    enum Loaded: Sendable {
        case document(Document, DocumentFacts, Item?)
        case failure(DocumentFailure)
        case factsOnly(DocumentFacts)
    }

    public static func load(from source: any FileSource, options: LoadOptions = LoadOptions()) throws(PlanError)
        -> Snapshot
    {
        Timing.mark("load: start")
        let config = try loadConfig(from: source)
        let schema = try loadSchema(config, from: source)
        let registry = try loadRegistry(config, from: source)
        Timing.mark("load: configuration")
        let plans = config.plansPath
        var entries: [FileEntry] = []
        var kinds: [(planID: String, isHeader: Bool, isItem: Bool)] = []
        for entry in try source.files(under: plans) where config.ignore.isEmpty || !config.isIgnored(entry.path) {
            guard let kind = WorkspacePath.classify(entry.path, plansPath: plans) else { continue }
            entries.append(entry)
            kinds.append(kind)
        }
        if entries.count > options.limits.maxItems {
            throw PlanError.other(Message(.tooManyItems, String(entries.count), String(options.limits.maxItems)))
        }
        Timing.mark("load: listed \(entries.count) files")
        let limits = options.limits
        let scope = options.scope
        let cache = options.facts
        let loaded: [Loaded]
        do {
            loaded = try Parallel.map(
                count: entries.count, makeState: { LazyReader { () throws(PlanError) in try source.makeReader() } }
            ) {
                lazy, i in
                let entry = entries[i]
                let kind = kinds[i]
                let full = scope?.contains(entry.path) ?? true || kind.isHeader
                if !full, let id = entry.contentID, let facts = cache?.get(id) { return .factsOnly(facts) }
                let reader = try lazy.get()
                let bytes = try reader.read(entry, limit: limits.maxFileBytes)
                if bytes.count > limits.maxFileBytes {
                    // Only the first bytes were read: the message gives the file's real size.
                    let size = reader.size(entry) ?? bytes.count
                    if let id = entry.contentID { cache?.set(id, .unparsed) }
                    return full
                        ? .failure(
                            DocumentFailure(
                                rule: FileRules.tooLarge, line: 1, column: 1,
                                message: Message(.fileTooLarge, String(size), String(limits.maxFileBytes))))
                        : .factsOnly(.unparsed)
                }
                switch DocumentParser.parse(path: entry.path, bytes: bytes, limits: limits) {
                case .success(let doc):
                    let facts = DocumentFacts(document: doc)
                    if let id = entry.contentID { cache?.set(id, facts) }
                    guard full else { return .factsOnly(facts) }
                    return .document(doc, facts, kind.isItem ? Item(document: doc, planID: kind.planID) : nil)
                case .failure(let f):
                    if let id = entry.contentID { cache?.set(id, .unparsed) }
                    return full ? .failure(f) : .factsOnly(.unparsed)
                }
            }
        } catch let error as PlanError {
            throw error
        } catch {
            throw PlanError.io(path: plans, reason: "\(error)")
        }

        Timing.mark("load: read and parsed")
        var headers: [String: PlanHeader] = [:]
        var items: [Item] = []
        var documents: [Document] = []
        var files: [FileFacts] = []
        var failures: [(rule: String, location: SourceLocation, message: Message)] = []
        for (i, (entry, result)) in zip(entries, loaded).enumerated() {
            let (planID, isHeader, isItem) = kinds[i]
            let inScope = scope?.contains(entry.path) ?? true
            switch result {
            case .document(let doc, let facts, let item):
                if isHeader { headers[planID] = PlanHeader(document: doc, planID: planID) }
                if inScope {
                    documents.append(doc)
                    if let item { items.append(item) }
                }
                files.append(
                    FileFacts(path: entry.path, planID: planID, isHeader: isHeader, isItem: isItem, facts: facts))
            case .failure(let f):
                if inScope {
                    failures.append(
                        (f.rule, SourceLocation(path: entry.path, line: f.line, column: f.column), f.message))
                }
                files.append(
                    FileFacts(path: entry.path, planID: planID, isHeader: isHeader, isItem: isItem, facts: .unparsed))
            case .factsOnly(let facts):
                files.append(
                    FileFacts(path: entry.path, planID: planID, isHeader: isHeader, isItem: isItem, facts: facts))
            }
        }
        for s in source.skipped() where scope?.contains(s.path) ?? true {
            failures.append((FileRules.symlinkOutside, SourceLocation(path: s.path, line: 1, column: 1), s.message))
        }
        let view = WorkspaceView(files: files, headerPlanIDs: Set(headers.keys))
        Timing.mark("load: snapshot")
        return Snapshot(
            source: source.label, config: config, registry: registry, schema: schema, headers: headers,
            items: items, documents: documents, view: view, fileFindings: failures, scope: scope)
    }
}
