import OrderedCollections

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
