/// A linear pass over YAML text that refuses what would make Yams slow or crash: anchors and aliases
/// (an alias bomb of a few hundred bytes takes seconds inside `compose`, and Yams has no guard) and
/// nesting deeper than a front-matter ever needs (Yams recurses once per level).
///
/// It follows just enough of YAML to know where a node starts: quoted scalars, comments, block
/// scalars, flow collections and the `- `, `? `, `: ` indicators. A `&` or `*` in the middle of a
/// plain scalar (`Nghiên cứu & phát triển`) is text, not an anchor.
enum GuardScanner {
    static func check(_ text: String, firstLine: Int, maxDepth: Int) throws(YAMLFailure) {
        let u = Array(text.utf8)
        var i = 0
        var line = firstLine
        var lineStart = 0
        var flowDepth = 0
        var inSingle = false
        var inDouble = false
        var blockScalarIndent: Int? = nil  // skip lines more indented than this
        var flowStart: (line: Int, column: Int) = (firstLine, 1)  // where the outermost flow collection opened

        func column(_ at: Int) -> Int {
            var c = 1
            var k = lineStart
            while k < at {
                if u[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            return c
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        func isBreakOrEnd(_ k: Int) -> Bool { k >= u.count || u[k] == 0x0A || u[k] == 0x0D }
        func isBlankOrEnd(_ k: Int) -> Bool { isBreakOrEnd(k) || isSpace(u[k]) }

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
                    while i < u.count, u[i] != 0x0A { i += 1 }
                    i += 1
                    line += 1
                    continue
                }
                blockScalarIndent = nil
            }
            var atNodeStart = !(inSingle || inDouble)
            var inPlain = false
            var indicatorsOnLine = 0
            while i < u.count, u[i] != 0x0A {
                let c = u[i]
                if inDouble {
                    if c == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    if c == UInt8(ascii: "\"") {
                        inDouble = false
                        atNodeStart = false
                    }
                    i += 1
                    continue
                }
                if inSingle {
                    if c == UInt8(ascii: "'") {
                        if i + 1 < u.count, u[i + 1] == UInt8(ascii: "'") {
                            i += 2
                            continue
                        }
                        inSingle = false
                        atNodeStart = false
                    }
                    i += 1
                    continue
                }
                if isSpace(c) || c == 0x0D {
                    i += 1
                    continue
                }
                if c == UInt8(ascii: "#"), i == lineStart || isSpace(u[i - 1]) {
                    while i < u.count, u[i] != 0x0A { i += 1 }
                    break
                }
                if atNodeStart {
                    switch c {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        if !isBlankOrEnd(i + 1) {
                            throw YAMLFailure(
                                kind: .anchor, line: line, column: column(i), message: Message(.yamlAnchor))
                        }
                        inPlain = true
                        atNodeStart = false
                    case UInt8(ascii: "!"):
                        while i < u.count, !isBlankOrEnd(i) { i += 1 }
                        continue
                    case UInt8(ascii: "\""):
                        inDouble = true
                        atNodeStart = false
                    case UInt8(ascii: "'"):
                        inSingle = true
                        atNodeStart = false
                    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                        if isBlankOrEnd(i + 1) {
                            indicatorsOnLine += 1
                            if indicatorsOnLine > maxDepth {
                                throw YAMLFailure(
                                    kind: .depth, line: line, column: column(i),
                                    message: Message(.yamlTooDeep, String(maxDepth)))
                            }
                        } else {
                            inPlain = true
                            atNodeStart = false
                        }
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        if flowDepth == 0 { flowStart = (line, column(i)) }
                        flowDepth += 1
                        if flowDepth > maxDepth {
                            throw YAMLFailure(
                                kind: .depth, line: flowStart.line, column: flowStart.column,
                                message: Message(.yamlTooDeep, String(maxDepth)))
                        }
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        flowDepth = max(0, flowDepth - 1)
                        atNodeStart = false
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        blockScalarIndent = indent
                        while i < u.count, u[i] != 0x0A { i += 1 }
                        continue
                    case UInt8(ascii: ","):
                        break
                    default:
                        inPlain = true
                        atNodeStart = false
                    }
                    i += 1
                    continue
                }
                // Inside a plain scalar or after a closed node: look for what starts the next node.
                if c == UInt8(ascii: ":"), isBlankOrEnd(i + 1) || (flowDepth > 0 && !inPlain) {
                    atNodeStart = true
                    inPlain = false
                    indicatorsOnLine += 1
                    if indicatorsOnLine > maxDepth {
                        throw YAMLFailure(
                            kind: .depth, line: line, column: column(i),
                            message: Message(.yamlTooDeep, String(maxDepth)))
                    }
                } else if flowDepth > 0, c == UInt8(ascii: ",") {
                    atNodeStart = true
                    inPlain = false
                } else if flowDepth > 0, c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    flowDepth -= 1
                    inPlain = false
                } else if flowDepth > 0, !inPlain, c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    flowDepth += 1
                    if flowDepth > maxDepth {
                        throw YAMLFailure(
                            kind: .depth, line: flowStart.line, column: flowStart.column,
                            message: Message(.yamlTooDeep, String(maxDepth)))
                    }
                }
                i += 1
            }
            i += 1
            line += 1
        }
    }
}
