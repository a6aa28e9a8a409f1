/// A file's bytes with a line index. Every position in the project is computed here, from bytes,
/// so YAML marks, body offsets and fix ranges agree.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let bomLength: Int
    /// Byte offset where each line starts (line 1 at index 0). Line 1 starts after the BOM.
    public let lineStarts: [Int]
    /// `\r\n` when the first line break is one, else `\n`.
    public let lineEnding: String

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        bomLength = bom
        var starts = [bom]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var ending: String?
        bytes.withUnsafeBufferPointer { buf in
            var i = bom
            while i < buf.count {
                if buf[i] == 0x0A {
                    if ending == nil { ending = i > 0 && buf[i - 1] == 0x0D ? "\r\n" : "\n" }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
        lineEnding = ending ?? "\n"
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte range of a line's content, without its line break (`\n` or `\r\n`).
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        // Binary search for the last line start <= offset.
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        var column = 1
        var i = start
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, max(1, column))
    }

    /// The byte offset of a 1-based line and scalar column, or nil past the end of the line.
    public func byteOffset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let range = lineRange(line)
        var i = range.lowerBound
        var remaining = column - 1
        while remaining > 0 {
            guard i < range.upperBound else { return nil }
            i += 1
            while i < range.upperBound, bytes[i] & 0xC0 == 0x80 { i += 1 }
            remaining -= 1
        }
        return i
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

enum UTF8Validation {
    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidByte($0) }
    }

    /// The well-formed sequences of Unicode's table 3-7, runs of ASCII eight bytes at a time (the
    /// standard library's check would build a String only to throw it away).
    static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        guard n > 0, let p = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 {
                i += 1
                // A run of ASCII: eight bytes at a time.
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                continue
            }
            if c < 0xE0 {
                guard c >= 0xC2, i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
                continue
            }
            if c < 0xF0 {
                guard i + 2 < n else { return i }
                let c1 = p[i + 1]
                guard p[i + 2] & 0xC0 == 0x80 else { return i }
                switch c {
                case 0xE0: guard c1 >= 0xA0, c1 <= 0xBF else { return i }
                case 0xED: guard c1 >= 0x80, c1 <= 0x9F else { return i }
                default: guard c1 & 0xC0 == 0x80 else { return i }
                }
                i += 3
                continue
            }
            guard c <= 0xF4, i + 3 < n else { return i }
            let c1 = p[i + 1]
            guard p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return i }
            switch c {
            case 0xF0: guard c1 >= 0x90, c1 <= 0xBF else { return i }
            case 0xF4: guard c1 >= 0x80, c1 <= 0x8F else { return i }
            default: guard c1 & 0xC0 == 0x80 else { return i }
            }
            i += 4
        }
        return nil
    }
}
