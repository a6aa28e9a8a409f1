import Foundation

/// Saves and loads a `FactsCache`: one line per content id. The file is a cache: safe to delete, and
/// thrown away whole when anything in it does not read back exactly (a partial write, another version).
public enum FactsCacheFile {
    /// Bumped whenever what `DocumentFacts` holds, or how it is extracted, changes.
    static let formatVersion = "plan-facts\t3"

    public static func load(path: String) -> FactsCache {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return FactsCache() }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == formatVersion, lines.last == "" else { return FactsCache() }
        lines.removeFirst()
        lines.removeLast()
        var entries: [String: DocumentFacts] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            guard let (id, facts) = decode(line) else { return FactsCache() }
            entries[id] = facts
        }
        return FactsCache(entries)
    }

    /// Writes the entries used by this process (the others belong to content no longer looked at).
    public static func save(_ cache: FactsCache, path: String) throws(PlanError) {
        let entries = cache.entries(onlyUsed: true)
        var out = formatVersion + "\n"
        out.reserveCapacity(entries.count * 120)
        for id in entries.keys.sorted() { out += encode(id, entries[id]!) + "\n" }
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw PlanError.io(path: dir, reason: error.localizedDescription)
        }
        try AtomicFile.write(out, to: path)
    }

    // Fields: id, parsed flag, item id, depends_on, plan-disable, citations. Lists use \u{1E} between
    // entries and \u{1F} between an entry's parts; `%` escapes those and line breaks.

    static func encode(_ id: String, _ f: DocumentFacts) -> String {
        func loc(_ l: DocumentFacts.Located) -> String {
            let parts: [String] = [escape(l.value), String(l.line), String(l.column)]
            return parts.joined(separator: "\u{1F}")
        }
        func citation(_ c: DocumentFacts.CitationUse) -> String {
            let parts: [String] = [escape(c.key), escape(c.text), String(c.line), String(c.column)]
            return parts.joined(separator: "\u{1F}")
        }
        let fields: [String] = [
            escape(id),
            f.parsed ? "p" : "u",
            f.id.map(loc) ?? "",
            f.dependsOn.map(loc).joined(separator: "\u{1E}"),
            f.disabled.map(loc).joined(separator: "\u{1E}"),
            f.citations.map(citation).joined(separator: "\u{1E}"),
        ]
        return fields.joined(separator: "\t")
    }

    static func decode(_ line: Substring) -> (String, DocumentFacts)? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 6, let id = unescape(fields[0]), !id.isEmpty else { return nil }
        var f = DocumentFacts()
        switch fields[1] {
        case "p": f.parsed = true
        case "u": f.parsed = false
        default: return nil
        }
        func loc(_ s: Substring) -> DocumentFacts.Located? {
            let p = s.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard p.count == 3, let v = unescape(p[0]), let l = Int(p[1]), let c = Int(p[2]), l > 0, c > 0 else { return nil }
            return DocumentFacts.Located(v, l, c)
        }
        func list(_ s: Substring) -> [DocumentFacts.Located]? {
            if s.isEmpty { return [] }
            var out: [DocumentFacts.Located] = []
            for part in s.split(separator: "\u{1E}", omittingEmptySubsequences: false) {
                guard let l = loc(part) else { return nil }
                out.append(l)
            }
            return out
        }
        if !fields[2].isEmpty {
            guard let l = loc(fields[2]) else { return nil }
            f.id = l
        }
        guard let deps = list(fields[3]), let disabled = list(fields[4]) else { return nil }
        f.dependsOn = deps
        f.disabled = disabled
        if !fields[5].isEmpty {
            for part in fields[5].split(separator: "\u{1E}", omittingEmptySubsequences: false) {
                let p = part.split(separator: "\u{1F}", omittingEmptySubsequences: false)
                guard p.count == 4, let k = unescape(p[0]), let t = unescape(p[1]), let l = Int(p[2]), let c = Int(p[3]) else { return nil }
                f.citations.append(DocumentFacts.CitationUse(key: k, text: t, line: l, column: c))
            }
        }
        return (id, f)
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: needsEscape) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x25, 0x09, 0x0A, 0x0D, 0x1E, 0x1F: out += String(format: "%%%02X", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private static func needsEscape(_ b: UInt8) -> Bool {
        b == 0x25 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x1E || b == 0x1F
    }

    static func unescape(_ s: Substring) -> String? {
        guard s.contains("%") else { return String(s) }
        var bytes: [UInt8] = []
        var u = Array(s.utf8)[...]
        while let b = u.first {
            if b == 0x25 {
                guard u.count >= 3, let v = UInt8(String(decoding: u.dropFirst().prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                u = u.dropFirst(3)
            } else {
                bytes.append(b)
                u = u.dropFirst()
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
