import CLibgit2

/// A git object id (SHA-1), stored inline so that maps of ids do not allocate.
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible {
    let a: UInt64, b: UInt64, c: UInt32

    init(_ oid: git_oid) {
        var oid = oid
        (a, b, c) = withUnsafeBytes(of: &oid.id) { raw in
            (
                raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
            )
        }
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: a, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: c, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// The id of nothing: what git hooks get as the old id of a new branch.
    public static let zero = ObjectID(git_oid())

    public var isZero: Bool { a == 0 && b == 0 && c == 0 }

    /// Parses 40 hexadecimal digits.
    public init?(hex: String) {
        let u = Array(hex.utf8)
        guard u.count == 40 else { return nil }
        var oid = git_oid()
        var ok = true
        withUnsafeMutableBytes(of: &oid.id) { raw in
            for i in 0..<20 {
                guard let hi = Self.nibble(u[2 * i]), let lo = Self.nibble(u[2 * i + 1]) else {
                    ok = false
                    return
                }
                raw[i] = hi << 4 | lo
            }
        }
        guard ok else { return nil }
        self.init(oid)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }

    public var description: String {
        var oid = self.oid
        return withUnsafeBytes(of: &oid.id) { raw in
            String(unsafeUninitializedCapacity: 40) { out in
                for i in 0..<20 {
                    let b = raw[i]
                    out[2 * i] = Self.hexDigit(b >> 4)
                    out[2 * i + 1] = Self.hexDigit(b & 0xF)
                }
                return 40
            }
        }
    }

    @inline(__always)
    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

    /// The first seven digits, as `git log --oneline` shows.
    public var short: String { String(description.prefix(7)) }

    public static func < (x: ObjectID, y: ObjectID) -> Bool { x.description < y.description }
}
