import Foundation

/// Writing YAML that reads back as written: plain scalars where that is safe, double quotes otherwise.
public enum YAMLText {
    /// A scalar for a `key: value` line or a `- value` list entry.
    public static func scalar(_ s: String) -> String {
        plainIsSafe(s) ? s : quoted(s)
    }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(u) {
                    out += u.value <= 0xFF ? String(format: "\\x%02X", u.value) : String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Characters YAML does not allow as they are, or reads as line breaks or a byte order mark:
    /// controls (C0 but tab, DEL, C1 with NEL), the line and paragraph separators, U+FEFF, U+FFFE/FFFF.
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
            || v == 0xFFFE || v == 0xFFFF
    }

    /// Whether a plain scalar reads back as this exact text: no indicator first, no `: ` or ` #`,
    /// no line break, no spaces around it, and not a null, boolean or number.
    public static func plainIsSafe(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        if first == " " || last == " " || first == "\t" || last == "\t" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
            // "-", "?" and ":" start a plain scalar when a non-space follows.
            guard "-?:".contains(first), s.count > 1, s.dropFirst().first != " " else { return false }
        }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") || s.contains("\n") || s.contains("\r")
            || s.contains("\t")
        {
            return false
        }
        if s.hasPrefix("---") || s.hasPrefix("...") { return false }
        if s.unicodeScalars.contains(where: needsEscape) { return false }
        if case .string = YAMLScalar.resolvePlain(s) { return true }
        return false
    }
}
