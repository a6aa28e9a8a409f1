import Foundation

extension StringProtocol {
    /// Without leading and trailing spaces and tabs; pure Swift (Foundation's trimming bridges to
    /// NSString, which costs far more on hot paths).
    public var trimmedSpaces: String {
        let s = Substring(self)
        let u = s.utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        return String(Substring(u[first...last]))
    }
}

/// Text operations that Vietnamese needs and the standard library lacks.
public enum VietnameseText {
    /// Unicode NFC.
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// False only when the bytes certainly hold no character that NFC would change: no combining mark,
    /// no Hangul jamo, none of the scripts with composition. Vietnamese precomposed letters
    /// (U+1EA0-U+1EF9, bytes E1 BA/BB) are not among them, so typical text is skipped at byte speed.
    public static func mayNeedNFC(_ slice: ArraySlice<UInt8>) -> Bool {
        slice.withUnsafeBufferPointer { mayNeedNFC($0) }
    }

    static func mayNeedNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0xCC {
                i += 1
                continue
            }
            switch b {
            case 0xCC, 0xCD, 0xD6...0xDF, 0xE0: return true
            case 0xE1:
                if i + 1 < bytes.endIndex {
                    let c = bytes[i + 1]
                    if (0x84...0x87).contains(c) || c == 0xAA || c == 0xAB || c == 0xB7 { return true }
                }
            case 0xE2:
                if i + 1 < bytes.endIndex, bytes[i + 1] == 0x83 || bytes[i + 1] == 0x84 { return true }
            case 0xE3:
                if i + 1 < bytes.endIndex, bytes[i + 1] == 0x82 { return true }
            case 0xEF:
                if i + 1 < bytes.endIndex, (0xA4...0xAB).contains(bytes[i + 1]) || bytes[i + 1] == 0xB8 { return true }
            case 0xF0:
                if i + 1 < bytes.endIndex, bytes[i + 1] == 0xAF || bytes[i + 1] == 0x9D { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// True when `s` is already NFC. Cheap for text without combining marks.
    public static func isNFC(_ s: Substring) -> Bool {
        // Text with no scalar that can take part in composition is NFC: that is nearly all text.
        if !s.unicodeScalars.contains(where: mayNeedComposition) { return true }
        return String(s).unicodeScalars.elementsEqual(nfc(String(s)).unicodeScalars)
    }

    static func mayNeedComposition(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || (0x1100...0x11FF).contains(v)
            || (0x0591...0x08FF).contains(v) || (0x0900...0x0DFF).contains(v) || (0x3099...0x309A).contains(v)
            || (0x0340...0x0344).contains(v) || v == 0x2126 || v == 0x212A || v == 0x212B
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }

    /// The five tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng.
    static let toneMarks: [UInt32: Character] = [0x0300: "2", 0x0301: "1", 0x0303: "4", 0x0309: "3", 0x0323: "5"]

    /// Folds where a word puts its tone mark (`hoá` = `hóa`, `thuỷ` = `thủy`): the word without its tone
    /// mark, then the tone as a digit.
    public static func foldTonePlacement(_ word: Substring) -> String {
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return String(word) }
        var base = String.UnicodeScalarView()
        var tones = ""
        var composed = true
        for u in word.unicodeScalars {
            if let (letter, tone) = tonedLetters[u.value] {
                base.append(letter)
                tones.append(tone)
            } else if let tone = toneMarks[u.value] {
                tones.append(tone)
            } else {
                if mayNeedComposition(u) { composed = false }
                base.append(u)
            }
        }
        guard !tones.isEmpty else { return String(word) }
        return (composed ? String(base) : nfc(String(base))) + tones
    }

    /// Every Vietnamese vowel with a tone mark, as one code point, to the vowel without it and the tone's
    /// digit: `ấ` → (`â`, 1). Triples of (toned vowel, vowel, digit), written out so that folding needs no
    /// Unicode decomposition (which costs more than the rest of building the registry's keys).
    static let tonedLetters: [UInt32: (Unicode.Scalar, Character)] = {
        let triples = Array(
            "àa2áa1ãa4ảa3ạa5ằă2ắă1ẵă4ẳă3ặă5ầâ2ấâ1ẫâ4ẩâ3ậâ5èe2ée1ẽe4ẻe3ẹe5ềê2ếê1ễê4ểê3ệê5ìi2íi1ĩi4ỉi3ịi5òo2óo1õo4ỏo3ọo5ồô2ốô1ỗô4ổô3ộô5ờơ2ớơ1ỡơ4ởơ3ợơ5ùu2úu1ũu4ủu3ụu5ừư2ứư1ữư4ửư3ựư5ỳy2ýy1ỹy4ỷy3ỵy5ÀA2ÁA1ÃA4ẢA3ẠA5ẰĂ2ẮĂ1ẴĂ4ẲĂ3ẶĂ5ẦÂ2ẤÂ1ẪÂ4ẨÂ3ẬÂ5ÈE2ÉE1ẼE4ẺE3ẸE5ỀÊ2ẾÊ1ỄÊ4ỂÊ3ỆÊ5ÌI2ÍI1ĨI4ỈI3ỊI5ÒO2ÓO1ÕO4ỎO3ỌO5ỒÔ2ỐÔ1ỖÔ4ỔÔ3ỘÔ5ỜƠ2ỚƠ1ỠƠ4ỞƠ3ỢƠ5ÙU2ÚU1ŨU4ỦU3ỤU5ỪƯ2ỨƯ1ỮƯ4ỬƯ3ỰƯ5ỲY2ÝY1ỸY4ỶY3ỴY5"
                .unicodeScalars)
        var map: [UInt32: (Unicode.Scalar, Character)] = [:]
        for k in stride(from: 0, to: triples.count, by: 3) {
            map[triples[k].value] = (triples[k + 1], Character(triples[k + 2]))
        }
        return map
    }()

    /// Removes every diacritic and maps đ to d: `Văn hóa` → `van hoa` (after lowercasing).
    public static func stripDiacritics(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            case 0x0110: out.append("D")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// NFC, lower case, dashes unified, whitespace collapsed, trailing punctuation dropped.
    public static func basicKey(_ s: String) -> String {
        let text = isNFC(Substring(s)) ? s : nfc(s)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in text.lowercased().unicodeScalars {
            if u.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch u {
            case "–", "—", "−", "‐", "‑": out.append("-")
            default: out.append(u)
            }
        }
        var key = String(out)
        while let last = key.last, ".;,:".contains(last) || last == " " { key.removeLast() }
        return key
    }

    /// `basicKey` with tone placement folded: two spellings of one name get the same key.
    public static func foldedKey(_ s: String) -> String {
        basicKey(s).split(separator: " ").map(foldTonePlacement).joined(separator: " ")
    }

    /// Edit distance over Unicode scalars, stopping early past `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// Up to `count` candidates nearest to `word` by edit distance, for "did you mean".
    public static func suggestions(for word: String, among candidates: [String], count: Int = 3) -> [String] {
        let key = stripDiacritics(word.lowercased())
        let limit = max(2, key.unicodeScalars.count / 3)
        var scored: [(Int, String)] = []
        for c in candidates {
            let d = editDistance(key, stripDiacritics(c.lowercased()), limit: limit)
            if d <= limit { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return Array(scored.prefix(count).map(\.1))
    }

    /// Vietnamese alphabetical order of item letters: a, ă, â, b, c, d, đ, e, ê, g, h, i, k, l, m, n, o, ô, ơ,
    /// p, q, r, s, t, u, ư, v, x, y. Plans number sub-items with the letters that have no diacritic and đ.
    public static let itemLetters: [String] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
        "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
    ]

    /// `đ` → `dd`, other letters unchanged: how an item letter goes into an ASCII file name.
    public static func asciiLetter(_ letter: String) -> String {
        letter == "đ" ? "dd" : stripDiacritics(letter)
    }

    /// An ASCII file-name slug: diacritics removed, lower case, words joined by `-`.
    public static func slug(_ s: String, maxWords: Int = 6) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // The same, byte by byte: most slugs are of ids, which are ASCII.
            var out: [UInt8] = []
            var words = 0
            var inWord = false
            for b in s.utf8 {
                let c = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) else {
                    inWord = false
                    continue
                }
                if !inWord {
                    if words == maxWords { break }
                    if words > 0 { out.append(0x2D) }
                    words += 1
                    inWord = true
                }
                out.append(c)
            }
            return String(decoding: out, as: UTF8.self)
        }
        let ascii = stripDiacritics(nfc(s)).lowercased()
        let words = ascii.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return words.prefix(maxWords).joined(separator: "-")
    }
}
