import Foundation

/// A compact byte format for caches: numbers as LEB128, strings as a length and UTF-8 bytes, and an
/// FNV-1a checksum over everything, so a damaged or partial file is detected and thrown away.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8]

    public init(magic: String) {
        bytes = Array(magic.utf8)
    }

    public mutating func number(_ n: Int) {
        var v = UInt(bitPattern: n)
        repeat {
            let byte = UInt8(v & 0x7F)
            v >>= 7
            bytes.append(v == 0 ? byte : byte | 0x80)
        } while v != 0
    }

    public mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Eight bytes, little-endian.
    public mutating func word(_ w: UInt64) {
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: w >> (8 * UInt64(k)))) }
    }

    /// Bytes as they are (a section written apart).
    public mutating func raw(_ more: [UInt8]) { bytes += more }

    public mutating func string(_ s: String) {
        number(s.utf8.count)
        bytes += s.utf8
    }

    public mutating func optionalString(_ s: String?) {
        if let s {
            byte(1)
            string(s)
        } else {
            byte(0)
        }
    }

    public mutating func double(_ d: Double) {
        var bits = d.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    public mutating func json(_ v: JSONValue) {
        switch v {
        case .null: byte(0)
        case .bool(let b): byte(b ? 2 : 1)
        case .number(let n):
            byte(3)
            double(n)
        case .string(let s):
            byte(4)
            string(s)
        case .array(let a):
            byte(5)
            number(a.count)
            a.forEach { json($0) }
        case .object(let o):
            byte(6)
            number(o.count)
            for (k, x) in o {
                string(k)
                json(x)
            }
        }
    }

    /// The bytes with the checksum appended.
    public func finished() -> [UInt8] {
        var out = bytes
        let sum = BinaryReader.checksum(bytes[...])
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k)))) }
        return out
    }
}

/// Reads what `BinaryWriter` wrote; every read returns nil past the end or on malformed input.
public struct BinaryReader {
    let b: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int

    /// nil unless the buffer starts with `magic` and its checksum holds.
    public init?(_ buffer: UnsafeBufferPointer<UInt8>, magic: String) {
        let m = Array(magic.utf8)
        guard buffer.count >= m.count + 8, buffer.starts(with: m) else { return nil }
        let end = buffer.count - 8
        var stored: UInt64 = 0
        for k in 0..<8 { stored |= UInt64(buffer[end + k]) << (8 * UInt64(k)) }
        guard stored == Self.checksum(buffer[..<end]) else { return nil }
        b = buffer
        i = m.count
        self.end = end
    }

    /// A reader of `buffer[start..<end]` with no magic and no checksum: for a format that checked its
    /// bytes once and reads a few records at known offsets.
    init(unchecked buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        b = buffer
        i = start
        self.end = end
    }

    /// Where the next read starts.
    var position: Int { i }

    public var atEnd: Bool { i == end }

    public mutating func number() -> Int? {
        var v: UInt = 0
        var shift: UInt = 0
        while i < end {
            let byte = b[i]
            i += 1
            v |= UInt(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(bitPattern: v) }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    public mutating func byte() -> UInt8? {
        guard i < end else { return nil }
        defer { i += 1 }
        return b[i]
    }

    /// Eight bytes, little-endian.
    public mutating func word() -> UInt64? {
        var w: UInt64 = 0
        for k in 0..<8 {
            guard let b = byte() else { return nil }
            w |= UInt64(b) << (8 * UInt64(k))
        }
        return w
    }

    public mutating func string() -> String? {
        guard let n = number(), n >= 0, i + n <= end else { return nil }
        defer { i += n }
        return String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + n)]), as: UTF8.self)
    }

    public mutating func optionalString() -> String?? {
        switch byte() {
        case 0?: return .some(nil)
        case 1?: return string().map { .some($0) }
        default: return nil
        }
    }

    public mutating func double() -> Double? {
        guard i + 8 <= end else { return nil }
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        i += 8
        return Double(bitPattern: bits)
    }

    public mutating func json(depth: Int = 0) -> JSONValue? {
        guard depth < 64, let tag = byte() else { return nil }
        switch tag {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return double().map { .number($0) }
        case 4: return string().map { .string($0) }
        case 5:
            guard let n = number(), n >= 0, n < 1_000_000 else { return nil }
            var a: [JSONValue] = []
            for _ in 0..<n {
                guard let v = json(depth: depth + 1) else { return nil }
                a.append(v)
            }
            return .array(a)
        case 6:
            guard let n = number(), n >= 0, n < 1_000_000 else { return nil }
            var pairs: [(String, JSONValue)] = []
            for _ in 0..<n {
                guard let k = string(), let v = json(depth: depth + 1) else { return nil }
                pairs.append((k, v))
            }
            return .object(.init(pairs, uniquingKeysWith: { a, _ in a }))
        default: return nil
        }
    }

    public static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { checksum(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// FNV-1a over eight bytes at a time (each word's high bits folded down), then the last bytes one
    /// by one: a check against a torn or damaged file, not against an adversary, and fast over a cache
    /// of ten megabytes that is read on every run.
    public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        checksum(UnsafeRawBufferPointer(bytes))
    }

    public static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let end = raw.count
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(end)
        var i = 0
        while i + 8 <= end {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            h ^= h >> 29
            i += 8
        }
        while i < end {
            h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3
            i += 1
        }
        return h
    }

    public static func checksum(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        checksum(UnsafeBufferPointer(rebasing: bytes))
    }
}
