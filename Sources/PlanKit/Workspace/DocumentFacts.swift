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
        dependsOn = Item.scalarList(fm?["depends_on"]).filter { $0.json != .null }.map {
            Located($0.value, $0.line, $0.column)
        }
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
    /// A content id as a key: ids are hashes already, so a few of their bytes hash it well, and much
    /// faster than hashing the whole string.
    struct Key: Hashable {
        let id: String
        func hash(into hasher: inout Hasher) {
            var s = id
            s.withUTF8 { b in
                var x: UInt64 = 0
                for k in 0..<min(16, b.count) { x = x << 4 ^ UInt64(b[k]) }
                hasher.combine(x)
                hasher.combine(b.count)
            }
        }
        static func == (a: Key, b: Key) -> Bool { ByteOrder.equal(a.id, b.id) }
    }

    private let store: Locked<[Key: (facts: DocumentFacts, used: Bool)]>
    private let added = Locked<Int>(0)
    /// Entries still to read from disk: a cache is read only when first asked (a hook checking a
    /// change usually never asks).
    private let pending: Locked<(@Sendable () -> [(String, DocumentFacts)])?>
    private let loaded = Locked<Int>(0)

    public convenience init(_ entries: [String: DocumentFacts] = [:]) {
        self.init(pairs: entries.map { ($0.key, $0.value) })
    }

    /// Entries as a cache file lists them (a later one wins).
    public init(pairs: [(String, DocumentFacts)]) {
        var map: [Key: (facts: DocumentFacts, used: Bool)] = [:]
        map.reserveCapacity(pairs.count)
        for (k, v) in pairs { map[Key(id: k)] = (v, false) }
        store = Locked(map)
        pending = Locked(nil)
        loaded.withLock { $0 = map.count }
    }

    /// Entries read by `load` when first needed.
    public init(loading load: @escaping @Sendable () -> [(String, DocumentFacts)]) {
        store = Locked([:])
        pending = Locked(load)
    }

    /// The store, read from disk first if it has not been.
    private func withStore<T>(_ body: (inout [Key: (facts: DocumentFacts, used: Bool)]) -> T) -> T {
        if let load = pending.withLock({ p in
            defer { p = nil }
            return p
        }) {
            let pairs = load()
            store.withLock { map in
                for (k, v) in pairs where map[Key(id: k)] == nil { map[Key(id: k)] = (v, false) }
            }
            loaded.withLock { $0 = pairs.count }
        }
        return store.withLock(body)
    }

    /// How many entries were read from disk (0 when there was no cache, or it was not read).
    public var loadedCount: Int { loaded.withLock { $0 } }

    public func get(_ id: String) -> DocumentFacts? {
        withStore { map -> DocumentFacts? in
            let key = Key(id: id)
            guard let hit = map[key] else { return nil }
            if !hit.used { map[key] = (hit.facts, true) }
            return hit.facts
        }
    }

    public func set(_ id: String, _ facts: DocumentFacts) {
        withStore { $0[Key(id: id)] = (facts, true) }
        added.withLock { $0 += 1 }
    }

    /// Whether anything was added since loading (worth saving).
    public var isDirty: Bool { added.withLock { $0 } > 0 }

    /// How many entries were added since loading. A hook that parsed the few files of a commit does not
    /// rewrite a cache of ten thousand for them: those files are parsed in full on every run anyway.
    public var addedCount: Int { added.withLock { $0 } }

    /// Every entry, or only those used by this process's runs.
    public func entries(onlyUsed: Bool) -> [String: DocumentFacts] {
        withStore { map in
            var out: [String: DocumentFacts] = [:]
            for (k, v) in map where !onlyUsed || v.used { out[k.id] = v.facts }
            return out
        }
    }

    public var isEmpty: Bool { withStore { $0.isEmpty } }
}
