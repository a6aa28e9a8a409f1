import OrderedCollections
import Yams

/// A scalar as written, with where it was written (file line and column).
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: Sendable, Hashable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public let value: String
    public let style: Style
    public let line: Int
    public let column: Int

    public init(value: String, style: Style, line: Int, column: Int) {
        self.value = value
        self.style = style
        self.line = line
        self.column = column
    }

    /// The JSON value of the scalar under the YAML 1.2 core schema, except that nothing becomes a date:
    /// `2021-09-30` stays text, and so do `yes`/`no` (YAML 1.1 booleans).
    public var json: JSONValue {
        guard style == .plain else { return .string(value) }
        return YAMLScalar.resolvePlain(value)
    }

    static func resolvePlain(_ v: String) -> JSONValue {
        // Most plain scalars are text: only these first characters can start anything else.
        guard let first = v.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), 48...57:
            break
        default:
            return .string(v)
        }
        guard v.utf8.count <= 32 || (48...57).contains(first) else { return .string(v) }
        switch v {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        guard let first = v.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (48...57).contains(first)
        else { return .string(v) }
        if v.hasPrefix("0x"), let n = Int(v.dropFirst(2), radix: 16) { return .number(Double(n)) }
        if v.hasPrefix("0o"), let n = Int(v.dropFirst(2), radix: 8) { return .number(Double(n)) }
        if isDecimalInteger(v), let n = Double(v) { return .number(n) }
        if isFloat(v), let n = Double(v) { return .number(n) }
        return .string(v)
    }

    private static func isDecimalInteger(_ v: String) -> Bool {
        var u = v.utf8[...]
        if let f = u.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy { (48...57).contains($0) }
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isFloat(_ v: String) -> Bool {
        let u = Array(v.utf8)
        var i = 0
        func digits() -> Int {
            let s = i
            while i < u.count, (48...57).contains(u[i]) { i += 1 }
            return i - s
        }
        if i < u.count, u[i] == 45 || u[i] == 43 { i += 1 }
        let intDigits = digits()
        var fracDigits = 0
        if i < u.count, u[i] == 46 {
            i += 1
            fracDigits = digits()
        }
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if i < u.count, u[i] == 101 || u[i] == 69 {
            i += 1
            if i < u.count, u[i] == 45 || u[i] == 43 { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == u.count
    }
}

public struct YAMLPair: Sendable, Equatable {
    public let key: YAMLScalar
    public let value: YAMLNode
}

/// A YAML node with its position. Built from Yams' tree at once, so nothing of Yams (classes,
/// weak anchors) escapes the parser, and positions are already file positions.
public indirect enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], line: Int, column: Int)
    case mapping([YAMLPair], line: Int, column: Int)

    public var line: Int {
        switch self {
        case .scalar(let s): s.line
        case .sequence(_, let line, _), .mapping(_, let line, _): line
        }
    }

    public var column: Int {
        switch self {
        case .scalar(let s): s.column
        case .sequence(_, _, let column), .mapping(_, _, let column): column
        }
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let p, _, _) = self { return p }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let i, _, _) = self { return i }
        return nil
    }

    /// The value of a key in a mapping (first match).
    public subscript(key: String) -> YAMLNode? {
        pairs?.first(where: { $0.key.value == key })?.value
    }

    public func pair(_ key: String) -> YAMLPair? {
        pairs?.first(where: { $0.key.value == key })
    }

    public var json: JSONValue {
        switch self {
        case .scalar(let s): return s.json
        case .sequence(let items, _, _): return .array(items.map(\.json))
        case .mapping(let pairs, _, _):
            var o = OrderedDictionary<String, JSONValue>()
            for p in pairs { o[p.key.value] = p.value.json }
            return .object(o)
        }
    }

    /// The node a JSON pointer names, and the key scalar that leads to it when the last step is a key.
    public func locate(_ path: [JSONPathComponent]) -> (node: YAMLNode, key: YAMLScalar?)? {
        var node = self
        var key: YAMLScalar?
        for step in path {
            switch (step, node) {
            case (.key(let k), .mapping(let pairs, _, _)):
                guard let p = pairs.first(where: { $0.key.value == k }) else { return nil }
                node = p.value
                key = p.key
            case (.index(let i), .sequence(let items, _, _)):
                guard i < items.count else { return nil }
                node = items[i]
                key = nil
            default:
                return nil
            }
        }
        return (node, key)
    }
}

public enum JSONPathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): k
        case .index(let i): String(i)
        }
    }
}

/// Why a YAML text was refused. Lines and columns are file positions.
public struct YAMLFailure: Error, Sendable {
    public enum Kind: Sendable { case syntax, anchor, depth }
    public let kind: Kind
    public let line: Int
    public let column: Int
    public let message: Message
}

public enum YAMLReader {
    /// Parses one YAML document. `firstLine` is the file line of the text's first line, so all
    /// positions come out as file positions.
    public static func parse(_ text: String, firstLine: Int = 1, maxDepth: Int = 32) throws(YAMLFailure) -> YAMLNode? {
        // Most front-matter is plain key: value lines, read here without Yams; the rest goes through it.
        if let plain = PlainYAML.parse(text, firstLine: firstLine) { return plain }
        return try parseWithYams(text, firstLine: firstLine, maxDepth: maxDepth)
    }

    /// The general path: guarded, then Yams.
    static func parseWithYams(_ text: String, firstLine: Int = 1, maxDepth: Int = 32) throws(YAMLFailure) -> YAMLNode? {
        try GuardScanner.check(text, firstLine: firstLine, maxDepth: maxDepth)
        let node: Node?
        do {
            // The encoding is given: its default reads the process environment on every call.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw failure(from: error, text: text, firstLine: firstLine)
        } catch {
            throw YAMLFailure(kind: .syntax, line: firstLine, column: 1, message: Message(.yamlSyntax, "\(error)"))
        }
        guard let node else { return nil }
        return try convert(node, firstLine: firstLine)
    }

    private static func convert(_ node: Node, firstLine: Int) throws(YAMLFailure) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let s):
            return .scalar(YAMLScalar(value: s.string, style: style(s.style), line: line, column: column))
        case .sequence(let seq):
            var items: [YAMLNode] = []
            items.reserveCapacity(seq.count)
            for item in seq { items.append(try convert(item, firstLine: firstLine)) }
            return .sequence(items, line: line, column: column)
        case .mapping(let map):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(map.count)
            for (k, v) in map {
                guard case .scalar(let ks) = k else {
                    let kl = (k.mark?.line ?? 1) + firstLine - 1
                    throw YAMLFailure(
                        kind: .syntax, line: kl, column: k.mark?.column ?? 1,
                        message: Message(.yamlComplexKey))
                }
                let key = YAMLScalar(
                    value: ks.string, style: style(ks.style),
                    line: (ks.mark?.line ?? 1) + firstLine - 1, column: ks.mark?.column ?? 1)
                pairs.append(YAMLPair(key: key, value: try convert(v, firstLine: firstLine)))
            }
            return .mapping(pairs, line: line, column: column)
        case .alias:
            // The guard scanner refuses aliases before Yams sees them.
            throw YAMLFailure(kind: .anchor, line: line, column: column, message: Message(.yamlAnchor))
        }
    }

    private static func style(_ s: Node.Scalar.Style) -> YAMLScalar.Style {
        switch s {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        default: .plain
        }
    }

    private static func failure(from error: YamlError, text: String, firstLine: Int) -> YAMLFailure {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> YAMLFailure {
            var message = problem
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            // At the end of the text ("unexpected end of stream") the useful place is where the
            // unfinished thing began: the opening quote, the key.
            var at = mark
            if let context, mark.line >= lineCount, context.mark.line < mark.line { at = context.mark }
            return YAMLFailure(
                kind: .syntax, line: at.line + firstLine - 1, column: max(1, at.column),
                message: Message(.yamlSyntax, message))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return make(problem, context, mark)
        case .parser(let context, let problem, let mark, _): return make(problem, context, mark)
        case .composer(let context, let problem, let mark, _): return make(problem, context, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams gives the first occurrence; the second is the one to remove.
            let at =
                secondOccurrence(of: duplicates.first ?? "", after: context.mark, in: text)
                ?? (context.mark.line, context.mark.column)
            return YAMLFailure(
                kind: .syntax, line: at.line + firstLine - 1, column: max(1, at.column),
                message: Message(.yamlDuplicateKey, Catalogue.quoteList(duplicates)))
        case .reader(let problem, _, _, _):
            return YAMLFailure(kind: .syntax, line: firstLine, column: 1, message: Message(.yamlSyntax, problem))
        default:
            return YAMLFailure(kind: .syntax, line: firstLine, column: 1, message: Message(.yamlSyntax, "\(error)"))
        }
    }

    /// The next line after `mark` that starts with `key:` at the same column.
    private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)?
    {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        let indent = String(repeating: " ", count: max(0, mark.column - 1))
        for i in mark.line..<lines.count {
            let line = lines[i]
            if line.hasPrefix(indent + key + ":") || line.hasPrefix(indent + "\"" + key + "\":") {
                return (i + 1, mark.column)
            }
        }
        return nil
    }
}

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
