/// A digest of a page's or a file's inputs that is the same from one run to the next (Swift's `Hasher`
/// is seeded anew in every process): 64 bits, murmur-style mixing, eight bytes at a time. Against
/// accidental equality, not against an adversary: a tool that writes files again when their inputs'
/// fingerprint changed.
public struct Fingerprint: Sendable {
    public private(set) var value: UInt64

    public init(_ seed: UInt64 = 0x9E37_79B9_7F4A_7C15) { value = seed }

    private static let k1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let k2: UInt64 = 0x4CF5_AD43_2745_937F

    @inline(__always)
    private mutating func word(_ w: UInt64) {
        var k = w &* Self.k1
        k = (k << 31) | (k >> 33)
        k = k &* Self.k2
        value ^= k
        value = ((value << 27) | (value >> 37)) &* 5 &+ 0x52DC_E729
    }

    /// Bytes, preceded by their count (so `"ab" + "c"` and `"a" + "bc"` differ).
    public mutating func combine(_ raw: UnsafeRawBufferPointer) {
        word(UInt64(raw.count))
        let end = raw.count
        var i = 0
        while i + 8 <= end {
            word(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < end {
            var last: UInt64 = 0
            var shift: UInt64 = 0
            while i < end {
                last |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            word(last)
        }
    }

    public mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine($0) } }

    public mutating func combine(_ s: String) {
        var s = s
        s.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ n: UInt64) { word(n) }

    public mutating func combine(_ n: Int) { word(UInt64(bitPattern: Int64(n))) }

    /// The digest, its bits mixed once more (murmur's finaliser).
    public var finished: UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

/// A string as a dictionary key by its bytes: Swift hashes a `String` through its canonical
/// (normalised) form, which costs a microsecond a key for Vietnamese text; a cache keyed by what was
/// written needs only the bytes (two spellings of one text become two entries, with the same value).
public struct BytesKey: Hashable, Sendable {
    public let string: String

    public init(_ string: String) { self.string = string }

    public static func == (a: BytesKey, b: BytesKey) -> Bool { ByteOrder.equal(a.string, b.string) }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
