/// The two ways text enters a page. Every piece of a user's text goes through one of them; nothing
/// else in this module writes user text into HTML.
public enum Escape {
    /// Text between tags: `&`, `<` and `>` as entities.
    public static func text(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An attribute value, always written between double quotes: also both quotes.
    public static func attribute(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A link target a page may carry: relative, `#…`, or http(s) and mailto. Anything else (`javascript:`,
    /// `data:`, `vbscript:` …, however spelled) is nil. Browsers drop tabs and newlines inside a URL and
    /// ignore leading control characters and spaces, so the scheme is read the same way.
    public static func safeURL(_ url: String) -> String? {
        let cleaned = String(
            String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = cleaned.firstIndex(of: ":") else { return url }
        let before = cleaned[..<colon]
        // A colon after a path, query or fragment starts: a relative URL.
        if before.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return url }
        switch before.lowercased() {
        case "http", "https", "mailto": return url
        default: return nil
        }
    }
}
