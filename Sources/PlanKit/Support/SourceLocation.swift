import Foundation

/// A place in a workspace file. Line and column are 1-based; the column counts Unicode scalars,
/// as YAML parsers and editors do. `path` is relative to the workspace root with `/` separators.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.path != b.path { return ByteOrder.less(a.path, b.path) }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// Strings ordered by their UTF-8 bytes: the order git keeps paths in, the same on every machine, and
/// much cheaper than a generic `lexicographicallyPrecedes`.
public enum ByteOrder {
    /// The same code points: what JSON means by equal strings (Swift's `==` also equates canonically
    /// equivalent forms, which JSON does not).
    public static func equal(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                if n > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let c = memcmp(px, py, n)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
    }
}
