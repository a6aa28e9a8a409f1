import Foundation

/// Number formats of automatic numbering, shared by Word (`w:numFmt`) and ODF (`style:num-format`).
enum NumberFormat: Sendable, Equatable {
    case decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none

    init(word: String) {
        switch word {
        case "decimal": self = .decimal
        case "decimalZero": self = .decimalZero
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "bullet": self = .bullet
        case "none": self = .none
        // Formats a plan does not use (ordinal, cardinalText, chineseCounting …) read as numbers.
        default: self = .decimal
        }
    }

    init(odf: String) {
        switch odf {
        case "1": self = .decimal
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        case "": self = .none
        default: self = .decimal
        }
    }

    /// The displayed form of `n`. Letters follow Word and LibreOffice: a … z, then aa, bb … (no đ).
    func format(_ n: Int) -> String {
        switch self {
        case .decimal, .bullet: return String(n)
        case .decimalZero: return n < 10 && n >= 0 ? "0" + String(n) : String(n)
        case .lowerLetter: return Self.letters(n)
        case .upperLetter: return Self.letters(n).uppercased()
        case .lowerRoman: return Self.roman(n).lowercased()
        case .upperRoman: return Self.roman(n)
        case .none: return ""
        }
    }

    static func letters(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        let letter = alphabet[(n - 1) % 26]
        return String(repeating: letter, count: min((n - 1) / 26 + 1, 50))
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = n
        var out = ""
        for (value, symbol) in table {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }

    /// What a bullet character reads as in plain text: "+" stays, every dot, square and dash is "-".
    static func bulletText(_ raw: String) -> String {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if t == "+" || t == "\u{F02B}" { return "+" }
        if t == "*" { return "*" }
        return "-"
    }
}

/// One level of a list definition.
struct ListLevel: Sendable, Equatable {
    var format: NumberFormat = .decimal
    /// Word's `w:lvlText` ("%1.", "%1.%2.", "(%1)"); for ODF it is built from prefix, display-levels and
    /// suffix. For bullets, the bullet character.
    var text: String = "%1."
    var start: Int = 1
    /// Word's `w:lvlRestart`: the 1-based level whose use restarts this one; 0 never; nil after any
    /// higher level.
    var restart: Int?
    /// Word's `w:isLgl`: every level number shown as decimal.
    var legal = false
    /// The paragraph style this level is linked to (`w:pStyle`).
    var style: String?
}

/// The counters of one list (a Word abstract numbering definition, an ODF list), and the labels they give.
struct ListCounter: Sendable {
    var values: [Int?] = Array(repeating: nil, count: 9)

    /// Start values as Word allows them (0–32767); anything else in a file must not overflow a counter.
    static func clamp(_ n: Int) -> Int { min(max(n, 0), 32767) }

    /// Sets the value `level` had before its next item (ODF's `text:start-value` on an item).
    mutating func restart(level: Int, at start: Int) {
        values[level] = Self.clamp(start) - 1
    }

    /// Advances `level` and returns its label.
    mutating func next(level: Int, levels: [Int: ListLevel]) -> String {
        let lvl = levels[level] ?? ListLevel()
        values[level] = min((values[level] ?? (Self.clamp(lvl.start) - 1)) + 1, 1 << 30)
        for deeper in (level + 1)..<9 {
            let restart = levels[deeper]?.restart
            if restart == nil || (restart != 0 && level < restart!) { values[deeper] = nil }
        }
        return label(level: level, levels: levels)
    }

    func label(level: Int, levels: [Int: ListLevel]) -> String {
        let lvl = levels[level] ?? ListLevel()
        if lvl.format == .bullet { return NumberFormat.bulletText(lvl.text) }
        if lvl.format == .none, !lvl.text.contains("%") { return lvl.text.trimmingCharacters(in: .whitespaces) }
        var out = ""
        var chars = lvl.text.makeIterator()
        while let c = chars.next() {
            if c == "%", let d = chars.next() {
                if let n = d.wholeNumberValue, n >= 1, n <= 9 {
                    let l = n - 1
                    let other = levels[l] ?? ListLevel()
                    let value = values[l] ?? Self.clamp(other.start)
                    let format = (lvl.legal && l != level) ? NumberFormat.decimal : other.format
                    out += format == .bullet ? String(value) : format.format(value)
                } else {
                    out.append(c)
                    out.append(d)
                }
            } else {
                out.append(c)
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
