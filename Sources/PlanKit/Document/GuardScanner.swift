/// A linear pass over YAML text that refuses what would make Yams slow or crash: anchors and aliases
/// (an alias bomb of a few hundred bytes takes seconds inside `compose`, and Yams has no guard) and
/// nesting deeper than a front-matter ever needs (Yams recurses once per level).
///
/// It follows just enough of YAML to know where a node starts: quoted scalars, comments, block
/// scalars, flow collections and the `- `, `? `, `: ` indicators. A `&` or `*` in the middle of a
/// plain scalar (`Nghiên cứu & phát triển`) is text, not an anchor.
struct GuardScanner {
    static func check(_ text: String, firstLine: Int, maxDepth: Int) throws(YAMLFailure) {
        var scanner = GuardScanner(Array(text.utf8), firstLine: firstLine, maxDepth: maxDepth)
        try scanner.scan()
    }

    private let u: [UInt8]
    private let maxDepth: Int
    private var i = 0
    private var line: Int
    private var lineStart = 0
    private var flowDepth = 0
    private var inSingle = false
    private var inDouble = false
    /// Inside a block scalar: lines more indented than this are its text.
    private var blockScalarIndent: Int? = nil
    /// Where the outermost flow collection opened.
    private var flowStart: (line: Int, column: Int)
    // Per line:
    private var atNodeStart = false
    private var inPlain = false
    private var indicatorsOnLine = 0

    private init(_ u: [UInt8], firstLine: Int, maxDepth: Int) {
        self.u = u
        self.maxDepth = maxDepth
        line = firstLine
        flowStart = (firstLine, 1)
    }

    private mutating func scan() throws(YAMLFailure) {
        while i < u.count {
            // At the start of a line.
            lineStart = i
            var indent = 0
            while i < u.count, u[i] == 0x20 {
                indent += 1
                i += 1
            }
            if let bi = blockScalarIndent {
                if isBreakOrEnd(i) || indent > bi {
                    skipToLineEnd()
                    i += 1
                    line += 1
                    continue
                }
                blockScalarIndent = nil
            }
            try scanLine(indent: indent)
            i += 1
            line += 1
        }
    }

    private mutating func scanLine(indent: Int) throws(YAMLFailure) {
        atNodeStart = !(inSingle || inDouble)
        inPlain = false
        indicatorsOnLine = 0
        while i < u.count, u[i] != 0x0A {
            let c = u[i]
            if inDouble || inSingle {
                scanQuoted(c)
                continue
            }
            if isSpace(c) || c == 0x0D {
                i += 1
                continue
            }
            if c == UInt8(ascii: "#"), i == lineStart || isSpace(u[i - 1]) {
                skipToLineEnd()
                return
            }
            if atNodeStart {
                try nodeStart(c, indent: indent)
            } else {
                try afterNode(c)
            }
        }
    }

    /// Inside a quoted scalar: its escapes, and its end.
    private mutating func scanQuoted(_ c: UInt8) {
        if inDouble {
            if c == UInt8(ascii: "\\") {
                i += 2
                return
            }
            if c == UInt8(ascii: "\"") {
                inDouble = false
                atNodeStart = false
            }
        } else if c == UInt8(ascii: "'") {
            if i + 1 < u.count, u[i + 1] == UInt8(ascii: "'") {
                i += 2
                return
            }
            inSingle = false
            atNodeStart = false
        }
        i += 1
    }

    /// Where a node may start: anchors, aliases, tags, quotes, indicators, flow collections, block scalars.
    private mutating func nodeStart(_ c: UInt8, indent: Int) throws(YAMLFailure) {
        switch c {
        case UInt8(ascii: "&"), UInt8(ascii: "*"):
            if !isBlankOrEnd(i + 1) {
                throw YAMLFailure(kind: .anchor, line: line, column: column(i), message: Message(.yamlAnchor))
            }
            inPlain = true
            atNodeStart = false
        case UInt8(ascii: "!"):
            while i < u.count, !isBlankOrEnd(i) { i += 1 }
            return
        case UInt8(ascii: "\""):
            inDouble = true
            atNodeStart = false
        case UInt8(ascii: "'"):
            inSingle = true
            atNodeStart = false
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            if isBlankOrEnd(i + 1) {
                try indicator()
            } else {
                inPlain = true
                atNodeStart = false
            }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            if flowDepth == 0 { flowStart = (line, column(i)) }
            try openFlow()
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            flowDepth = max(0, flowDepth - 1)
            atNodeStart = false
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            blockScalarIndent = indent
            skipToLineEnd()
            return
        case UInt8(ascii: ","):
            break
        default:
            inPlain = true
            atNodeStart = false
        }
        i += 1
    }

    /// Inside a plain scalar or after a closed node: what starts the next node.
    private mutating func afterNode(_ c: UInt8) throws(YAMLFailure) {
        if c == UInt8(ascii: ":"), isBlankOrEnd(i + 1) || (flowDepth > 0 && !inPlain) {
            atNodeStart = true
            inPlain = false
            try indicator()
        } else if flowDepth > 0, c == UInt8(ascii: ",") {
            atNodeStart = true
            inPlain = false
        } else if flowDepth > 0, c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
            flowDepth -= 1
            inPlain = false
        } else if flowDepth > 0, !inPlain, c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
            try openFlow()
        }
        i += 1
    }

    /// A `- `, `? ` or `: ` indicator: one more level of nesting on this line.
    private mutating func indicator() throws(YAMLFailure) {
        indicatorsOnLine += 1
        if indicatorsOnLine > maxDepth {
            throw YAMLFailure(
                kind: .depth, line: line, column: column(i), message: Message(.yamlTooDeep, String(maxDepth)))
        }
    }

    private mutating func openFlow() throws(YAMLFailure) {
        flowDepth += 1
        if flowDepth > maxDepth {
            throw YAMLFailure(
                kind: .depth, line: flowStart.line, column: flowStart.column,
                message: Message(.yamlTooDeep, String(maxDepth)))
        }
    }

    private mutating func skipToLineEnd() {
        while i < u.count, u[i] != 0x0A { i += 1 }
    }

    private func column(_ at: Int) -> Int {
        var c = 1
        var k = lineStart
        while k < at {
            if u[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    private func isBreakOrEnd(_ k: Int) -> Bool { k >= u.count || u[k] == 0x0A || u[k] == 0x0D }
    private func isBlankOrEnd(_ k: Int) -> Bool { isBreakOrEnd(k) || isSpace(u[k]) }
}
