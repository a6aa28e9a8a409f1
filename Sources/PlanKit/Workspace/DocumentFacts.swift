/// What cross-file rules need of one file, extracted once from its content. It depends only on the
/// bytes, so it can be cached by content id (a git blob id) and reused across runs and commits.
public struct DocumentFacts: Hashable, Sendable {
    public struct Located: Hashable, Sendable {
        public let value: String
        public let line: Int
        public let column: Int

        public init(_ value: String, _ line: Int, _ column: Int) {
            self.value = value
            self.line = line
            self.column = column
        }
    }

    public struct CitationUse: Hashable, Sendable {
        public let key: String
        public let text: String
        public let line: Int
        public let column: Int
    }

    /// The `id` field (items).
    public var id: Located?
    public var dependsOn: [Located] = []
    public var citations: [CitationUse] = []
    /// `plan-disable` entries.
    public var disabled: [Located] = []
    /// False when the file could not be read as a document (no facts, but it still exists).
    public var parsed: Bool = true

    public init() {}

    public static let unparsed: DocumentFacts = {
        var f = DocumentFacts()
        f.parsed = false
        return f
    }()

    public init(document: Document) {
        let fm = document.frontMatter
        if let s = fm?["id"]?.scalar, s.json != .null { id = Located(s.value, s.line, s.column) }
        dependsOn = Item.scalarList(fm?["depends_on"]).filter { $0.json != .null }.map { Located($0.value, $0.line, $0.column) }
        disabled = Item.scalarList(fm?["plan-disable"]).map { Located($0.value, $0.line, $0.column) }
        let bytes = document.source.bytes
        citations = Citation.scan(bytes, document.source.bomLength..<bytes.count).map { c in
            let p = document.source.position(ofByte: c.range.lowerBound)
            return CitationUse(key: c.key, text: c.text, line: p.line, column: p.column)
        }
    }
}

/// A file of the snapshot seen through its facts: where it is and what cross-file rules know of it.
public struct FileFacts: Sendable {
    public let path: String
    public let planID: String
    public let isHeader: Bool
    public let isItem: Bool
    public let facts: DocumentFacts

    public func location(_ l: DocumentFacts.Located) -> SourceLocation {
        SourceLocation(path: path, line: l.line, column: l.column)
    }
}

/// Facts by content id, shared by the runs of one process and saved between processes by the caller.
public final class FactsCache: @unchecked Sendable {
    private let store: Locked<[String: DocumentFacts]>
    private let used = Locked<Set<String>>([])
    private let added = Locked<Int>(0)

    public init(_ entries: [String: DocumentFacts] = [:]) {
        store = Locked(entries)
    }

    public func get(_ id: String) -> DocumentFacts? {
        let hit = store.withLock { $0[id] }
        if hit != nil { used.withLock { _ = $0.insert(id) } }
        return hit
    }

    public func set(_ id: String, _ facts: DocumentFacts) {
        store.withLock { $0[id] = facts }
        used.withLock { _ = $0.insert(id) }
        added.withLock { $0 += 1 }
    }

    /// Whether anything was added since loading (worth saving).
    public var isDirty: Bool { added.withLock { $0 } > 0 }

    /// Every entry, or only those used by this process's runs.
    public func entries(onlyUsed: Bool) -> [String: DocumentFacts] {
        let all = store.withLock { $0 }
        guard onlyUsed else { return all }
        let keep = used.withLock { $0 }
        return all.filter { keep.contains($0.key) }
    }
}
