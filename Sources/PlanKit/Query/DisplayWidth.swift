/// How many terminal columns text takes: one per character (a letter with its tone marks is one
/// character, composed or not), two for East Asian wide characters and emoji, none for controls.
public enum DisplayWidth {
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        s.reduce(0) { $0 + width(of: $1) }
    }

    public static func width(of c: Character) -> Int {
        guard let u = c.unicodeScalars.first else { return 0 }
        let v = u.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .format { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// The text cut to at most `width` columns, with "…" where it was cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = ""
        var used = 0
        for c in s {
            let w = self.width(of: c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

    /// The text followed by spaces up to `width` columns.
    public static func pad(_ s: String, to width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - of(s)))
    }
}
