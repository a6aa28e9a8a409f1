/// A fast reader for the plain YAML that front-matter almost always is:
///
///     key: plain or "quoted" or 'quoted' value
///     key: [flow, list, of, plain, scalars]
///     key:
///       - block
///       - "list"
///     key:
///
/// It gives exactly the tree Yams would (values, styles, file positions) or nil, and anything else, or
/// anything it is not sure of (comments, tabs, nesting, block scalars, anchors, tags, escapes, a key
/// twice, a value continued on the next line), goes to Yams. `PlainYAMLTests` holds the two to agreement.
enum PlainYAML {
    static func parse(_ text: String, firstLine: Int) -> YAMLNode? {
        var utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { buf -> YAMLNode? in
            parse(buf, firstLine: firstLine)
        } ?? nil
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, firstLine: Int) -> YAMLNode? {
        var reader = Reader(b, firstLine: firstLine)
        var pairs: [YAMLPair] = []
        var keys = Set<String>()
        var firstKeyLine = 0
        while reader.index < reader.lines.count {
            let (ls, le) = reader.lines[reader.index]
            let fileLine = firstLine + reader.index
            reader.index += 1
            if ls == le { continue }  // blank line
            guard let colon = reader.keyEnd(ls, le) else { return nil }
            let key = reader.string(ls, colon)
            guard keys.insert(key).inserted else { return nil }
            let keyScalar = YAMLScalar(value: key, style: .plain, line: fileLine, column: 1)
            if pairs.isEmpty { firstKeyLine = fileLine }
            // The value on the same line.
            var v = colon + 1
            while v < le, b[v] == 0x20 { v += 1 }
            let value: YAMLNode?
            if v == le {
                // Nothing more on the line: a block sequence follows, or the value is null (an empty
                // value where the line ends, as Yams puts it).
                value =
                    reader.blockSequence()
                    ?? .scalar(YAMLScalar(value: "", style: .plain, line: fileLine, column: reader.column(ls, le)))
                if reader.failed { return nil }
            } else if b[v] == 0x5B {  // [
                value = reader.flowSequence(v, le, line: fileLine, lineStart: ls)
            } else {
                value = reader.scalar(v, le, line: fileLine, column: reader.column(ls, v), flow: false).map {
                    .scalar($0)
                }
            }
            guard let value else { return nil }
            pairs.append(YAMLPair(key: keyScalar, value: value))
        }
        guard !pairs.isEmpty else { return nil }
        return .mapping(pairs, line: firstKeyLine, column: 1)
    }

    /// The front-matter's bytes split into lines, read from the top.
    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        let firstLine: Int
        /// Each line's start and end (without its line break).
        let lines: [(start: Int, end: Int)]
        /// The next line to read.
        var index = 0
        /// Set when a block sequence turned out to be something this reader leaves to Yams.
        var failed = false

        init(_ b: UnsafeBufferPointer<UInt8>, firstLine: Int) {
            self.b = b
            self.firstLine = firstLine
            var lines: [(start: Int, end: Int)] = []
            var s = 0
            for i in 0..<b.count where b[i] == 0x0A {
                var e = i
                if e > s, b[e - 1] == 0x0D { e -= 1 }
                lines.append((s, e))
                s = i + 1
            }
            if s < b.count { lines.append((s, b.count)) }
            self.lines = lines
        }

        /// The column (in scalars, from 1) of a byte of a line.
        func column(_ lineStart: Int, _ at: Int) -> Int {
            var c = 1
            var k = lineStart
            while k < at {
                if b[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            return c
        }

        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
        }

        /// Where the colon of a top-level plain key at column 1 is, or nil for anything else.
        func keyEnd(_ ls: Int, _ le: Int) -> Int? {
            guard b[ls] != 0x20, b[ls] != 0x09 else { return nil }
            var k = ls
            while k < le {
                let c = b[k]
                if c == 0x3A, k + 1 == le || b[k + 1] == 0x20 { break }
                if c == 0x09 || c == 0x23 || c == 0x22 || c == 0x27 { return nil }  // tab, #, quotes in a key
                k += 1
            }
            guard k < le, k > ls, isPlainStart(b, ls, k), !hasTrailingSpace(b, ls, k) else { return nil }
            return k
        }

        /// The `- item` lines after a key, all at one indent; nil when there are none. Anything more
        /// indented that is not an item sets `failed`.
        mutating func blockSequence() -> YAMLNode? {
            var items: [YAMLNode] = []
            var indent = -1
            var seqLine = 0
            var seqColumn = 0
            while index < lines.count {
                let (s2, e2) = lines[index]
                if s2 == e2 { break }
                var d = s2
                while d < e2, b[d] == 0x20 { d += 1 }
                guard d < e2, b[d] == 0x2D, d + 1 < e2, b[d + 1] == 0x20 else {
                    if d != s2 { failed = true }  // something more indented that is not a list item
                    break  // else the next key
                }
                if indent < 0 {
                    indent = d - s2
                    seqLine = firstLine + index
                    seqColumn = column(s2, d)
                } else if d - s2 != indent {
                    failed = true
                    return nil
                }
                var x = d + 2
                while x < e2, b[x] == 0x20 { x += 1 }
                guard x < e2, let item = scalar(x, e2, line: firstLine + index, column: column(s2, x), flow: false)
                else {
                    failed = true
                    return nil
                }
                items.append(.scalar(item))
                index += 1
            }
            // A block sequence after a key at column 1 may itself start at column 1 (YAML allows it);
            // Yams marks the sequence at its first dash, as here.
            return items.isEmpty ? nil : .sequence(items, line: seqLine, column: seqColumn)
        }

        func flowSequence(_ open: Int, _ end: Int, line: Int, lineStart: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            var i = open + 1
            while true {
                while i < end, b[i] == 0x20 { i += 1 }
                guard i < end else { return nil }
                if b[i] == 0x5D {  // ]
                    guard items.isEmpty else { return nil }  // "[a, ]": let Yams decide
                    i += 1
                    break
                }
                // One item, up to , or ]
                var j = i
                while j < end, b[j] != 0x2C, b[j] != 0x5D { j += 1 }
                guard j < end else { return nil }
                var e = j
                while e > i, b[e - 1] == 0x20 { e -= 1 }
                guard e > i, let item = scalar(i, e, line: line, column: column(lineStart, i), flow: true) else {
                    return nil
                }
                items.append(.scalar(item))
                i = j + 1
                if b[j] == 0x5D { break }
            }
            while i < end, b[i] == 0x20 { i += 1 }
            guard i == end else { return nil }
            return .sequence(items, line: line, column: column(lineStart, open))
        }

        /// A scalar filling `from..<to` exactly (trailing spaces allowed after it).
        func scalar(_ from: Int, _ to: Int, line: Int, column: Int, flow: Bool) -> YAMLScalar? {
            var end = to
            while end > from, b[end - 1] == 0x20 { end -= 1 }
            guard end > from else { return nil }
            let first = b[from]
            if first == 0x22 || first == 0x27 {
                // Quoted, on one line, without escapes (a doubled quote or a backslash goes to Yams).
                guard end - from >= 2, b[end - 1] == first else { return nil }
                for k in (from + 1)..<(end - 1) {
                    if b[k] == first || (first == 0x22 && b[k] == 0x5C) { return nil }
                }
                return YAMLScalar(
                    value: string(from + 1, end - 1), style: first == 0x22 ? .doubleQuoted : .singleQuoted,
                    line: line, column: column)
            }
            guard isPlainStart(b, from, end) else { return nil }
            for k in from..<end {
                let c = b[k]
                if c == 0x09 { return nil }
                if c == 0x3A, k + 1 == end || b[k + 1] == 0x20 { return nil }  // ": " or a trailing ":"
                if c == 0x23, k > from, b[k - 1] == 0x20 { return nil }  // " #" starts a comment
                if flow, c == 0x2C || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D { return nil }
            }
            return YAMLScalar(value: string(from, end), style: .plain, line: line, column: column)
        }
    }

    /// Whether a plain scalar may start here (no indicator that changes its meaning).
    fileprivate static func isPlainStart(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Bool {
        switch b[from] {
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
            return false  // , [ ] { } # & * ! | > ' " % @ `
        case 0x2D, 0x3F, 0x3A:  // - ? : start a plain scalar only when followed by a non-space
            return from + 1 < end && b[from + 1] != 0x20
        default:
            // Not a document marker either.
            if end - from >= 3, b[from] == 0x2E && b[from + 1] == 0x2E && b[from + 2] == 0x2E { return false }
            return true
        }
    }

    fileprivate static func hasTrailingSpace(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        to > from && b[to - 1] == 0x20
    }
}
