/// Recognises text in the pre-Unicode Vietnamese encodings that old office documents still use,
/// so the user is told to convert the file instead of being shown dozens of unknown units.
///
/// - TCVN3 (ABC, the `.Vn` fonts) puts whole Vietnamese letters in bytes 0xA1-0xFF: `Th¸ng` for `Tháng`.
/// - VNI writes a base letter followed by a diacritic byte: `thaùng` for `tháng`.
///
/// Either can arrive as raw bytes (not UTF-8 at all) or already mis-decoded into Unicode (mojibake).
enum LegacyEncoding {
    static let tcvn3 = "TCVN3 (ABC)"
    static let vni = "VNI"

    private static func isASCIILetter(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) }
    private static func isASCIIVowel(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    /// VNI's tone and vowel-modifier bytes (Windows code page), which follow a vowel.
    private static let vniMarks: Set<UInt8> = [0xF8, 0xF9, 0xFB, 0xF5, 0xEF, 0xE2, 0xE1, 0xE0, 0xE5, 0xE3,
                                               0xE4, 0xEA, 0xF6, 0xF4, 0xF2, 0xF3, 0xF7, 0xE8, 0xE9, 0xEB, 0xEC]

    /// For bytes that are not UTF-8: the legacy encoding they look like, if any. Bytes that form valid
    /// UTF-8 sequences are skipped; a file that is mostly UTF-8 with a few bad bytes is damaged UTF-8,
    /// not a legacy encoding.
    static func detect(_ bytes: [UInt8]) -> String? {
        var high = 0, afterVowel = 0, inWord = 0, utf8Chars = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if let length = validSequence(bytes, i) { utf8Chars += 1; i += length; continue }
            high += 1
            let prev = i > 0 ? bytes[i - 1] : 0
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            if isASCIIVowel(prev), vniMarks.contains(b) { afterVowel += 1 }
            if isASCIILetter(prev) || isASCIILetter(next) || next >= 0x80 || prev >= 0x80 { inWord += 1 }
            i += 1
        }
        guard high >= 4, utf8Chars * 4 < high, inWord * 10 >= high * 7 else { return nil }
        return afterVowel * 10 >= high * 6 ? vni : tcvn3
    }

    /// The length of a well-formed UTF-8 multi-byte sequence at `i`, or nil.
    private static func validSequence(_ b: [UInt8], _ i: Int) -> Int? {
        let need: Int
        switch b[i] {
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF: need = 2
        case 0xF0...0xF4: need = 3
        default: return nil
        }
        guard i + need < b.count else { return nil }
        for k in 1...need where b[i + k] & 0xC0 != 0x80 { return nil }
        return need + 1
    }

    /// For valid UTF-8: the legacy encoding whose mis-decoding the text shows, if any.
    static func detectInUnicode(_ bytes: [UInt8]) -> String? {
        // Fast exit: mojibake needs Latin-1 supplement characters (UTF-8 lead bytes C2/C3).
        guard bytes.contains(where: { $0 == 0xC2 || $0 == 0xC3 }) else { return nil }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var tcvnSigns = 0, vniSigns = 0
        // Symbols that are never letters, yet TCVN3 text read as Latin-1 has them inside words.
        func isTCVNSymbol(_ v: UInt32) -> Bool { (0xA1...0xBF).contains(v) || v == 0xD7 || v == 0xF7 }
        // Latin-1 letters that VNI's diacritic bytes become; Vietnamese never writes them after a vowel.
        let vniLetters: Set<UInt32> = [0xF8, 0xF9, 0xFB, 0xF5, 0xEF, 0xE4, 0xEB, 0xF6, 0xE5]
        for i in scalars.indices {
            let v = scalars[i].value
            guard v >= 0xA1, v <= 0xFF else { continue }
            let prev = i > 0 ? scalars[i - 1].value : 0
            let next = i + 1 < scalars.count ? scalars[i + 1].value : 0
            let prevLetter = prev < 0x80 && isASCIILetter(UInt8(prev))
            let nextLetter = next < 0x80 && isASCIILetter(UInt8(next))
            if isTCVNSymbol(v), prevLetter || nextLetter { tcvnSigns += 1 }
            if vniLetters.contains(v), prev < 0x80, isASCIIVowel(UInt8(prev)) { vniSigns += 1 }
        }
        if vniSigns >= 3 { return vni }
        if tcvnSigns >= 3 { return tcvn3 }
        return nil
    }
}
