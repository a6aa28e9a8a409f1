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

    @inline(__always)
    private static func isASCIILetter(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) }
    @inline(__always)
    private static func isASCIIVowel(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            true
        default: false
        }
    }

    /// VNI's tone and vowel-modifier bytes (Windows code page), which follow a vowel.
    private static let vniMarks: Set<UInt8> = [
        0xF8, 0xF9, 0xFB, 0xF5, 0xEF, 0xE2, 0xE1, 0xE0, 0xE5, 0xE3,
        0xE4, 0xEA, 0xF6, 0xF4, 0xF2, 0xF3, 0xF7, 0xE8, 0xE9, 0xEB, 0xEC,
    ]

    /// For bytes that are not UTF-8: the legacy encoding they look like, if any. Bytes that form valid
    /// UTF-8 sequences are skipped; a file that is mostly UTF-8 with a few bad bytes is damaged UTF-8,
    /// not a legacy encoding.
    static func detect(_ bytes: [UInt8]) -> String? {
        // NUL and other controls mean binary data, not text in any encoding.
        if bytes.prefix(65536).contains(where: { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }) { return nil }
        var high = 0
        var afterVowel = 0
        var inWord = 0
        var utf8Chars = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            if let length = validSequence(bytes, i) {
                utf8Chars += 1
                i += length
                continue
            }
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

    /// For valid UTF-8: the legacy encoding whose mis-decoding the text shows, if any. Works on bytes:
    /// Latin-1 characters are two bytes, C2 xx (U+0080-00BF) or C3 xx (U+00C0-00FF).
    /// `skipping`: eight bytes at a time where none can start a sign (off only to test that path).
    static func detectInUnicode(_ bytes: [UInt8], skipping: Bool = true) -> String? {
        bytes.withUnsafeBufferPointer { detectInUnicode($0, skipping: skipping) }
    }

    private static func detectInUnicode(_ bytes: UnsafeBufferPointer<UInt8>, skipping: Bool) -> String? {
        var tcvnSigns = 0
        var vniSigns = 0
        // VNI's diacritic bytes read as Latin-1 letters (ø ù û õ ï ä ë ö å): never after a vowel in Vietnamese.
        func vniSecond(_ c: UInt8) -> Bool {
            switch c {
            case 0xB8, 0xB9, 0xBB, 0xB5, 0xAF, 0xA4, 0xAB, 0xB6, 0xA5: true
            default: false
            }
        }
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i + 1 < n {
            // Eight bytes at a time while none of them is C2 or C3 (a zero byte in `w & FE.. ^ C2..`).
            while skipping, i + 9 <= n {
                let v =
                    (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0xFEFE_FEFE_FEFE_FEFE)
                    ^ 0xC2C2_C2C2_C2C2_C2C2
                if (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            let b = bytes[i]
            guard b == 0xC2 || b == 0xC3 else {
                i += 1
                continue
            }
            let c = bytes[i + 1]
            let prev: UInt8 = i > 0 ? bytes[i - 1] : 0
            let next: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            let letterAround = isASCIILetter(prev) || isASCIILetter(next)
            // Symbols that are never letters (U+00A1-00BF, ×, ÷), yet TCVN3 read as Latin-1 has them in words.
            if letterAround, (b == 0xC2 && c >= 0xA1) || (b == 0xC3 && (c == 0x97 || c == 0xB7)) { tcvnSigns += 1 }
            if b == 0xC3, vniSecond(c), isASCIIVowel(prev) { vniSigns += 1 }
            i += 2
        }
        if vniSigns >= 3 { return vni }
        if tcvnSigns >= 3 { return tcvn3 }
        return nil
    }
}
