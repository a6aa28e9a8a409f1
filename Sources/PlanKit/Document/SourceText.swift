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
        // The standard library's validation is the fast path; the scan below finds the offset.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
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
                case 0xC2...0xDF:
                    need = 1
                    cp = UInt32(c & 0x1F)
                    min = 0x80
                case 0xE0...0xEF:
                    need = 2
                    cp = UInt32(c & 0x0F)
                    min = 0x800
                case 0xF0...0xF4:
                    need = 3
                    cp = UInt32(c & 0x07)
                    min = 0x10000
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
}
