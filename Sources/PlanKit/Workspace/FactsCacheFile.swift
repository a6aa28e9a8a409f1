import Foundation

/// Saves and loads a `FactsCache`, compactly: a hook reads it on every commit, so it must load in a few
/// milliseconds for ten thousand files. It is a cache: safe to delete, and thrown away whole when
/// anything in it does not read back exactly (a partial write, another version, damaged bytes: a
/// checksum covers the whole file).
///
/// Layout (in `BinaryWriter`'s format): magic, then per entry the content id, a flag byte, the item id,
/// `depends_on`, `plan-disable` and citations; last, the checksum.
public enum FactsCacheFile {
    /// Changed whenever what `DocumentFacts` holds, or how it is extracted, changes.
    static let magic = "plan-facts 4\n"

    /// The cache at `path`, read from disk when first asked for an entry.
    public static func load(path: String) -> FactsCache {
        FactsCache(loading: {
            guard let data = FileManager.default.contents(atPath: path) else { return [] }
            return data.withUnsafeBytes { raw in decode(raw.bindMemory(to: UInt8.self)) } ?? []
        })
    }

    /// Writes the entries used by this process (the others belong to content no longer looked at).
    public static func save(_ cache: FactsCache, path: String) throws(PlanError) {
        let bytes = encode(cache.entries(onlyUsed: true))
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw PlanError.io(path: dir, reason: error.localizedDescription)
        }
        try AtomicFile.write(bytes, to: path)
    }

    static func encode(_ entries: [String: DocumentFacts]) -> [UInt8] {
        var w = BinaryWriter(magic: magic)
        w.number(entries.count)
        for id in entries.keys.sorted() {
            w.string(id)
            w.facts(entries[id]!)
        }
        return w.finished()
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> [(String, DocumentFacts)]? {
        guard var r = BinaryReader(b, magic: magic) else { return nil }
        guard let count = r.number(), count >= 0, count <= 10_000_000 else { return nil }
        var entries: [(String, DocumentFacts)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = r.string(), let f = r.facts() else { return nil }
            entries.append((id, f))
        }
        guard r.atEnd else { return nil }
        return entries
    }
}

extension BinaryWriter {
    /// One file's facts: a flag byte, the item id, `depends_on`, `plan-disable` and citations.
    mutating func facts(_ f: DocumentFacts) {
        func located(_ l: DocumentFacts.Located) {
            string(l.value)
            number(l.line)
            number(l.column)
        }
        byte((f.parsed ? 1 : 0) | (f.id != nil ? 2 : 0))
        if let i = f.id { located(i) }
        number(f.dependsOn.count)
        f.dependsOn.forEach(located)
        number(f.disabled.count)
        f.disabled.forEach(located)
        number(f.citations.count)
        for c in f.citations {
            string(c.key)
            string(c.text)
            number(c.line)
            number(c.column)
        }
    }
}

extension BinaryReader {
    /// What `BinaryWriter.facts` wrote; nil on malformed input.
    mutating func facts() -> DocumentFacts? {
        func located() -> DocumentFacts.Located? {
            guard let v = string(), let l = number(), let c = number() else { return nil }
            return DocumentFacts.Located(v, l, c)
        }
        func list() -> [DocumentFacts.Located]? {
            guard let n = number(), n >= 0, n < 100_000 else { return nil }
            var out: [DocumentFacts.Located] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                guard let l = located() else { return nil }
                out.append(l)
            }
            return out
        }
        guard let flags = byte() else { return nil }
        var f = DocumentFacts()
        f.parsed = flags & 1 != 0
        if flags & 2 != 0 {
            guard let l = located() else { return nil }
            f.id = l
        }
        guard let deps = list(), let disabled = list(), let n = number(), n >= 0, n < 100_000 else { return nil }
        f.dependsOn = deps
        f.disabled = disabled
        for _ in 0..<n {
            guard let k = string(), let t = string(), let l = number(), let c = number() else { return nil }
            f.citations.append(DocumentFacts.CitationUse(key: k, text: t, line: l, column: c))
        }
        return f
    }
}
