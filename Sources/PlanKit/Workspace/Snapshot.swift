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
    /// Diagnostics of files in scope found in `LoadOptions.fileFindings` (those files are not parsed).
    public var knownDiagnostics: [Diagnostic] = []
    /// The key in `LoadOptions.fileFindings` of each file in scope that was read and not found there.
    public var findingKeys: [String: UInt64] = [:]

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
    /// The preferred form of a cited document, by citation key, when it was counted over files this
    /// view leaves out (see `LoadOptions.preferredCitations`).
    public var preferredCitations: [String: String] = [:]

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
    /// The preferred form of each document number whose citations were counted over the whole tree,
    /// for a load that reads only some of the files citing it (a change checked against the
    /// cross-file index).
    public var preferredCitations: [String: String] = [:]
    /// False for readers that run no cross-file rule (the site): files' facts are then left empty
    /// (ids, dependencies and citations are not gathered), and the snapshot is not one to check.
    public var gatherFacts = true
    /// What an earlier check found in files whose bytes did not change (see `FileFindingsCache`).
    public var fileFindings: FileFindingsCache?

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
        /// Found in the findings cache: not parsed.
        case known(FileFindingsCache.Entry)
    }

    public static func load(from source: any FileSource, options: LoadOptions = LoadOptions()) throws(PlanError)
        -> Snapshot
    {
        Timing.mark("load: start")
        let config = try loadConfig(from: source)
        let schema = try loadSchema(config, from: source)
        let registry = try loadRegistry(config, from: source)
        Timing.mark("load: configuration")
        let files = try listFiles(source, config, limits: options.limits)
        Timing.mark("load: listed \(files.count) files")
        let context = try options.fileFindings.map { cache throws(PlanError) in
            try findingsContext(cache, source, config, files, options.limits)
        }
        var loaded: [(Loaded, UInt64?)]
        do {
            // A plan's header is read in full when any file of its plan is (its period bears on them).
            let plansInScope = options.scope.map { scope in
                Set(scope.compactMap { WorkspacePath.planID(of: $0, plansPath: config.plansPath) })
            }
            loaded = try Parallel.map(
                count: files.count, makeState: { LazyReader { () throws(PlanError) in try source.makeReader() } }
            ) { lazy, i in
                let (entry, kind) = files[i]
                let full =
                    options.scope.map {
                        $0.contains(entry.path) || kind.isHeader && plansInScope!.contains(kind.planID)
                    }
                    ?? true
                return try loadFile(entry, kind, full: full, reader: lazy, options: options, context: context)
            }
        } catch let error as PlanError {
            throw error
        } catch {
            throw PlanError.io(path: config.plansPath, reason: "\(error)")
        }
        // Plan headers found in the findings cache are parsed after all when an item is checked (its
        // rules read its plan's header).
        if context != nil,
            zip(files, loaded).contains(where: { f, l in
                if !f.kind.isHeader, case .document = l.0 { true } else { false }
            })
        {
            let reader = LazyReader { () throws(PlanError) in try source.makeReader() }
            for i in files.indices where files[i].kind.isHeader {
                guard case .known = loaded[i].0 else { continue }
                loaded[i] = try loadFile(
                    files[i].entry, files[i].kind, full: true, reader: reader, options: options, context: context,
                    lookUp: false)
            }
        }
        Timing.mark(
            "load: read and parsed (\(loaded.count { if case .factsOnly = $0.0 { true } else { false } }) by facts)")
        let assembled = assemble(files, loaded, source: source, options: options)
        Timing.mark("load: snapshot")
        var snapshot = Snapshot(
            source: source.label, config: config, registry: registry, schema: schema, headers: assembled.headers,
            items: assembled.items, documents: assembled.documents, view: assembled.view,
            fileFindings: assembled.failures, scope: options.scope)
        snapshot.knownDiagnostics = assembled.known
        snapshot.findingKeys = assembled.keys
        return snapshot
    }

    /// The facts of the files a source lists, as cross-file rules see them, without parsing the
    /// schema or the registry: what a change does to the cross-file picture.
    public static func fileFacts(from source: any FileSource, config: WorkspaceConfig, options: LoadOptions)
        throws(PlanError) -> [FileFacts]
    {
        let files = try listFiles(source, config, limits: options.limits)
        let reader = LazyReader { () throws(PlanError) in try source.makeReader() }
        var out: [FileFacts] = []
        out.reserveCapacity(files.count)
        for (entry, kind) in files {
            var facts = DocumentFacts.unparsed
            switch try loadFile(entry, kind, full: false, reader: reader, options: options, context: nil).0 {
            case .factsOnly(let f), .document(_, let f, _): facts = f
            case .known(let e): facts = e.facts
            case .failure: break
            }
            out.append(
                FileFacts(
                    path: entry.path, planID: kind.planID, isHeader: kind.isHeader, isItem: kind.isItem, facts: facts))
        }
        return out
    }

    private typealias FileKind = (planID: String, isHeader: Bool, isItem: Bool)

    /// The files under the plans folder that are plan headers or items, less the ignored ones.
    private static func listFiles(_ source: any FileSource, _ config: WorkspaceConfig, limits: Limits)
        throws(PlanError) -> [(entry: FileEntry, kind: FileKind)]
    {
        let plans = config.plansPath
        var files: [(entry: FileEntry, kind: FileKind)] = []
        for entry in try source.files(under: plans) where config.ignore.isEmpty || !config.isIgnored(entry.path) {
            guard let kind = WorkspacePath.classify(entry.path, plansPath: plans) else { continue }
            files.append((entry, kind))
        }
        if files.count > limits.maxItems {
            throw PlanError.other(Message(.tooManyItems, String(files.count), String(limits.maxItems)))
        }
        return files
    }

    /// One file: its document and facts when it is read in `full`, else its facts only, from the cache
    /// when they are there.
    /// `context`: of `options.fileFindings`, when files in full are looked up there (unless `lookUp` is
    /// false). Gives the file's key in that cache when it was read and not found.
    private static func loadFile(
        _ entry: FileEntry, _ kind: FileKind, full: Bool, reader lazy: LazyReader, options: LoadOptions,
        context: UInt64?, lookUp: Bool = true
    ) throws(PlanError) -> (Loaded, UInt64?) {
        let limits = options.limits
        let cache = options.facts
        if !full, let id = entry.contentID, let facts = cache?.get(id) { return (.factsOnly(facts), nil) }
        let bytes: [UInt8]
        switch try lazy.get().read(entry, limit: limits.maxFileBytes) {
        case .bytes(let b):
            bytes = b
        case .tooLarge(let size):
            if let id = entry.contentID { cache?.set(id, .unparsed) }
            let message = Message(.fileTooLarge, String(size), String(limits.maxFileBytes))
            return full
                ? (.failure(DocumentFailure(rule: FileRules.tooLarge, line: 1, column: 1, message: message)), nil)
                : (.factsOnly(.unparsed), nil)
        }
        var key: UInt64?
        if full, let context, let findings = options.fileFindings {
            var f = Fingerprint(context)
            f.combine(entry.path)
            f.combine(bytes)
            key = f.finished
            if lookUp, let hit = findings.get(key!) { return (.known(hit), nil) }
        }
        switch DocumentParser.parse(path: entry.path, bytes: bytes, limits: limits) {
        case .success(let doc):
            let facts = options.gatherFacts ? DocumentFacts(document: doc) : DocumentFacts()
            if let id = entry.contentID { cache?.set(id, facts) }
            guard full else { return (.factsOnly(facts), nil) }
            return (.document(doc, facts, kind.isItem ? Item(document: doc, planID: kind.planID) : nil), key)
        case .failure(let f):
            if let id = entry.contentID { cache?.set(id, .unparsed) }
            return full ? (.failure(f), key) : (.factsOnly(.unparsed), nil)
        }
    }

    /// The context of the findings cache for this load: the salt, the three workspace files, every plan
    /// header and the limits. Sets it on the cache (which then drops entries of another context).
    private static func findingsContext(
        _ cache: FileFindingsCache, _ source: any FileSource, _ config: WorkspaceConfig,
        _ files: [(entry: FileEntry, kind: FileKind)], _ limits: Limits
    ) throws(PlanError) -> UInt64 {
        var f = Fingerprint(cache.salt)
        f.combine(FileFindingsCache.magic)
        for path in [WorkspaceConfig.fileName, config.schemaPath, config.unitsPath] {
            f.combine(path)
            f.combine(try source.read(path) ?? [])
        }
        let headers = files.filter(\.kind.isHeader).map(\.entry)
        let prints: [UInt64]
        do {
            prints = try Parallel.map(
                count: headers.count, makeState: { () throws(PlanError) in try source.makeReader() }
            ) {
                reader, k in
                var h = Fingerprint()
                h.combine(headers[k].path)
                switch try reader.read(headers[k], limit: limits.maxFileBytes) {
                case .bytes(let b): h.combine(b)
                case .tooLarge(let size): h.combine(size)
                }
                return h.finished
            }
        } catch let error as PlanError {
            throw error
        } catch {
            throw PlanError.io(path: config.plansPath, reason: "\(error)")
        }
        for p in prints { f.combine(p) }
        for n in [
            limits.maxFileBytes, limits.maxFrontMatterBytes, limits.maxDepth, limits.maxLineBytes, limits.maxItems,
        ] {
            f.combine(n)
        }
        let context = f.finished
        cache.begin(context: context)
        return context
    }

    private struct Assembled {
        var known: [Diagnostic] = []
        var keys: [String: UInt64] = [:]
        var headers: [String: PlanHeader] = [:]
        var items: [Item] = []
        var documents: [Document] = []
        var failures: [(rule: String, location: SourceLocation, message: Message)] = []
        var view: WorkspaceView
    }

    /// The loaded files as a snapshot's parts: documents and items in scope, every file's facts.
    private static func assemble(
        _ list: [(entry: FileEntry, kind: FileKind)], _ loaded: [(Loaded, UInt64?)], source: any FileSource,
        options: LoadOptions
    ) -> Assembled {
        let scope = options.scope
        var out = Assembled(view: WorkspaceView(files: [], headerPlanIDs: []))
        var files: [FileFacts] = []
        files.reserveCapacity(list.count)
        for ((entry, kind), (result, key)) in zip(list, loaded) {
            let (planID, isHeader, isItem) = kind
            let inScope = scope?.contains(entry.path) ?? true
            if inScope, let key { out.keys[entry.path] = key }
            var facts = DocumentFacts.unparsed
            switch result {
            case .document(let doc, let f, let item):
                facts = f
                if isHeader { out.headers[planID] = PlanHeader(document: doc, planID: planID) }
                if inScope {
                    out.documents.append(doc)
                    if let item { out.items.append(item) }
                }
            case .failure(let f):
                if inScope {
                    out.failures.append(
                        (f.rule, SourceLocation(path: entry.path, line: f.line, column: f.column), f.message))
                }
            case .factsOnly(let f):
                facts = f
            case .known(let e):
                facts = e.facts
                // The cache keeps a file's diagnostics without its path.
                if inScope {
                    out.known += e.diagnostics.map { d in
                        var d = d
                        d.location.path = entry.path
                        return d
                    }
                }
            }
            files.append(FileFacts(path: entry.path, planID: planID, isHeader: isHeader, isItem: isItem, facts: facts))
        }
        for s in source.skipped() where scope?.contains(s.path) ?? true {
            out.failures.append((FileRules.symlinkOutside, SourceLocation(path: s.path, line: 1, column: 1), s.message))
        }
        // Headers read in full and the others that parsed (as their facts say).
        let headerPlanIDs = Set(files.lazy.filter { $0.isHeader && $0.facts.parsed }.map(\.planID))
        out.view = WorkspaceView(files: files, headerPlanIDs: headerPlanIDs)
        out.view.preferredCitations = options.preferredCitations
        return out
    }
}
