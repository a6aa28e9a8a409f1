import TestSupport
import Testing

@testable import PlanKit

/// The byte scans every file goes through when it is read: UTF-8 validation and the search for text
/// mis-decoded from a legacy Vietnamese encoding. Their word-at-a-time fast paths must find what a
/// byte-by-byte reading finds.
@Suite struct ByteScanTests {
    /// Random texts made of the pieces real files have: ASCII runs, Vietnamese letters, Latin-1 read
    /// from TCVN3 or VNI, and broken sequences (stray continuation bytes, cut sequences, surrogates,
    /// overlong forms, bytes above U+10FFFF).
    static func samples() -> [[UInt8]] {
        var rng = SeededRandom(state: 0x5EED)
        let pieces: [[UInt8]] = [
            Array("Thực hiện ".utf8), Array("abcdefghijklmnop".utf8), Array("Sở Nội vụ".utf8), Array("\n".utf8),
            Array("Kh«ng".utf8), Array("hieän".utf8), Array("ñöôïc".utf8), Array("😀".utf8), [0x80], [0xC3],
            [0xE1, 0xBB],
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF5], [0xFF], [0xC2, 0xA9], [0xC3, 0xB8], [0xEF, 0xBB, 0xBF],
        ]
        var out: [[UInt8]] = [[], Array("a".utf8)]
        for _ in 0..<4000 {
            var bytes: [UInt8] = []
            // Mostly valid texts, so offsets far into a file are tested too.
            let broken = rng.next() % 3 == 0
            for _ in 0..<(rng.next() % 40) {
                let k = Int(rng.next() % UInt64(pieces.count))
                if !broken, k >= 8, k <= 16 { continue }
                bytes += pieces[k]
            }
            out.append(bytes)
        }
        return out
    }

    @Test func validationFindsWhatAByteReadingFinds() {
        var invalid = 0
        for bytes in Self.samples() {
            let found = UTF8Validation.firstInvalidByte(bytes)
            #expect(found == Self.referenceFirstInvalidByte(bytes), "\(bytes)")
            #expect((found == nil) == (String(validating: bytes, as: UTF8.self) != nil))
            if found != nil { invalid += 1 }
        }
        #expect(invalid > 500)
    }

    @Test func legacyDetectionFindsWhatAByteReadingFinds() {
        var detected = 0
        for bytes in Self.samples() where String(validating: bytes, as: UTF8.self) != nil {
            let found = LegacyEncoding.detectInUnicode(bytes)
            #expect(found == LegacyEncoding.detectInUnicode(bytes, skipping: false), "\(bytes)")
            if found != nil { detected += 1 }
        }
        #expect(detected > 100)
    }

    /// One byte at a time, decoding each scalar (the reading the scan replaced).
    static func referenceFirstInvalidByte(_ b: [UInt8]) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            switch c {
            case 0xC2...0xDF: (need, cp, min) = (1, UInt32(c & 0x1F), 0x80)
            case 0xE0...0xEF: (need, cp, min) = (2, UInt32(c & 0x0F), 0x800)
            case 0xF0...0xF4: (need, cp, min) = (3, UInt32(c & 0x07), 0x10000)
            default: return i
            }
            guard i + need < n else { return i }
            for k in 1...need {
                let cc = b[i + k]
                guard cc & 0xC0 == 0x80 else { return i }
                cp = (cp << 6) | UInt32(cc & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return i }
            i += need + 1
        }
        return nil
    }
}
