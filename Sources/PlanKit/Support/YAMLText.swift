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
                if u.value < 0x20 { out += String(format: "\\x%02X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
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
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") || s.contains("\n") || s.contains("\r") || s.contains("\t") {
            return false
        }
        if s.hasPrefix("---") || s.hasPrefix("...") { return false }
        if case .string = YAMLScalar.resolvePlain(s) { return true }
        return false
    }
}

import Foundation
