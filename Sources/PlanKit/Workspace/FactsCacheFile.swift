import Foundation

/// Saves and loads a `FactsCache`, compactly: a hook reads it on every commit, so it must load in a few
/// milliseconds for ten thousand files. It is a cache: safe to delete, and thrown away whole when
/// anything in it does not read back exactly (a partial write, another version, damaged bytes: a
/// checksum covers the whole file).
///
/// Layout: magic, then per entry the content id, a flag byte, the item id, `depends_on`,
/// `plan-disable` and citations; strings are a length (LEB128) and UTF-8 bytes, numbers LEB128;
/// last, an FNV-1a checksum of everything before it.
public enum FactsCacheFile {
    /// Changed whenever what `DocumentFacts` holds, or how it is extracted, changes.
    static let magic = Array("plan-facts 4\n".utf8)

    public static func load(path: String) -> FactsCache {
        guard let data = FileManager.default.contents(atPath: path) else { return FactsCache() }
        let entries = data.withUnsafeBytes { raw -> [String: DocumentFacts]? in
            decode(raw.bindMemory(to: UInt8.self))
        }
        return FactsCache(entries ?? [:])
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
        var out = magic
        out.reserveCapacity(entries.count * 96)
        func number(_ n: Int) {
            var v = UInt(bitPattern: n)
            repeat {
                let byte = UInt8(v & 0x7F)
                v >>= 7
                out.append(v == 0 ? byte : byte | 0x80)
            } while v != 0
        }
        func string(_ s: String) {
            number(s.utf8.count)
            out += s.utf8
        }
        func located(_ l: DocumentFacts.Located) {
            string(l.value)
            number(l.line)
            number(l.column)
        }
        number(entries.count)
        for id in entries.keys.sorted() {
            let f = entries[id]!
            string(id)
            out.append((f.parsed ? 1 : 0) | (f.id != nil ? 2 : 0))
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
        let sum = checksum(out[...])
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k)))) }
        return out
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> [String: DocumentFacts]? {
        guard b.count >= magic.count + 8, b.starts(with: magic) else { return nil }
        let end = b.count - 8
        var stored: UInt64 = 0
        for k in 0..<8 { stored |= UInt64(b[end + k]) << (8 * UInt64(k)) }
        guard stored == checksum(b[..<end]) else { return nil }
        var i = magic.count
        func number() -> Int? {
            var v: UInt = 0, shift: UInt = 0
            while i < end {
                let byte = b[i]
                i += 1
                v |= UInt(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return Int(bitPattern: v) }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }
        func string() -> String? {
            guard let n = number(), n >= 0, i + n <= end else { return nil }
            defer { i += n }
            return String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + n)]), as: UTF8.self)
        }
        func located() -> DocumentFacts.Located? {
            guard let v = string(), let l = number(), let c = number() else { return nil }
            return DocumentFacts.Located(v, l, c)
        }
        func list() -> [DocumentFacts.Located]? {
            guard let n = number(), n >= 0, n < 100_000 else { return nil }
            var out: [DocumentFacts.Located] = []
            out.reserveCapacity(n)
            for _ in 0..<n { guard let l = located() else { return nil }; out.append(l) }
            return out
        }
        guard let count = number(), count >= 0, count <= 10_000_000 else { return nil }
        var entries: [String: DocumentFacts] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = string(), i < end else { return nil }
            let flags = b[i]
            i += 1
            var f = DocumentFacts()
            f.parsed = flags & 1 != 0
            if flags & 2 != 0 { guard let l = located() else { return nil }; f.id = l }
            guard let deps = list(), let disabled = list(), let n = number(), n >= 0, n < 100_000 else { return nil }
            f.dependsOn = deps
            f.disabled = disabled
            for _ in 0..<n {
                guard let k = string(), let t = string(), let l = number(), let c = number() else { return nil }
                f.citations.append(DocumentFacts.CitationUse(key: k, text: t, line: l, column: c))
            }
            entries[id] = f
        }
        guard i == end else { return nil }
        return entries
    }

    static func checksum(_ bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}
