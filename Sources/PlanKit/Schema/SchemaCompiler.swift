import Foundation
import OrderedCollections

/// Turns a schema document into `SchemaNode`s, resolving `$id`, `$anchor` and `$ref` (JSON pointers
/// and anchors, within the document) as RFC 3986 and the draft say. Recursive references are fine:
/// a node's index is reserved before its children are compiled.
struct SchemaCompiler {
    let document: JSONValue
    var nodes: [SchemaNode] = []
    /// Document pointer → node index.
    private var compiled: [String: Int] = [:]
    /// Absolute resource URI (no fragment) → document pointer of its root.
    private var resources: [String: [String]] = [:]
    /// Absolute URI with a plain-name fragment → document pointer.
    private var anchors: [String: [String]] = [:]
    /// Document pointer → base URI in effect there.
    private var bases: [String: String] = [:]

    static let defaultBase = "https://schema.invalid/root.json"

    static let schemaKeywords: Set<String> = [
        "additionalProperties", "items", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties",
        "not", "if", "then", "else", "contentSchema",
    ]
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    static let schemaMapKeywords: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    ]
    static let annotationKeywords: Set<String> = [
        "$schema", "$id", "$anchor", "$comment", "title", "description", "default", "examples", "deprecated",
        "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "format",
        // draft-04's name for $id, still found in widely used schemas (SARIF's among them).
        "id",
    ]
    static let assertionKeywords: Set<String> = [
        "$ref", "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired",
    ]
    /// Everything this validator implements.
    static var supportedKeywords: Set<String> {
        schemaKeywords.union(schemaArrayKeywords).union(schemaMapKeywords).union(annotationKeywords).union(
            assertionKeywords)
    }

    /// Dialects read with 2020-12's rules: this one, and the earlier drafts whose schemas (SARIF's,
    /// draft-04) use only keywords that mean the same here. A keyword that changed meaning is refused
    /// by its value's type (a boolean `exclusiveMaximum`, an array `items`).
    static let knownDialects: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2019-09/schema",
        "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-06/schema",
        "http://json-schema.org/draft-04/schema",
    ]

    init(document: JSONValue) {
        self.document = document
    }

    mutating func compileRoot() throws(SchemaError) -> Int {
        try scan(document, pointer: [], base: Self.defaultBase, isResourceRoot: true)
        let root = try compile(pointer: [])
        try checkLoops()
        return root
    }

    /// A loop of subschemas applied to the same value (`{"$ref": "#"}`, or `allOf` and `$ref` going
    /// round) would never end; it is refused here instead of exhausting the stack later.
    private func checkLoops() throws(SchemaError) {
        func inPlace(_ n: SchemaNode) -> [Int] {
            var out = n.allOf + n.anyOf + n.oneOf + n.dependentSchemas.map(\.1)
            for s in [n.ref, n.not, n.ifSchema, n.thenSchema, n.elseSchema] { if let s { out.append(s) } }
            return out
        }
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on the path, 2 done
        for start in nodes.indices where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let children = inPlace(nodes[top.node])
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let c = children[top.next]
                    if state[c] == 1 {
                        let pointer = compiled.first { $0.value == c }?.key ?? ""
                        throw SchemaError(
                            pointer: pointer, message: Message(.schemaRefLoop, pointer.isEmpty ? "#" : pointer))
                    }
                    if state[c] == 0 {
                        state[c] = 1
                        stack.append((c, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }

    // MARK: Scanning: where every resource and anchor is.

    private mutating func scan(_ value: JSONValue, pointer: [String], base: String, isResourceRoot: Bool)
        throws(SchemaError)
    {
        var base = base
        guard case .object(let o) = value else {
            bases[key(pointer)] = base
            if isResourceRoot { resources[base] = pointer }
            return
        }
        if case .string(let id)? = o["$id"] {
            let resolved = URIResolver.resolve(id, against: base)
            base = URIResolver.stripFragment(resolved)
            resources[base] = pointer
        } else if isResourceRoot {
            resources[base] = pointer
        }
        bases[key(pointer)] = base
        if case .string(let a)? = o["$anchor"] { anchors[base + "#" + a] = pointer }
        for (k, v) in o {
            if Self.schemaKeywords.contains(k) {
                try scan(v, pointer: pointer + [k], base: base, isResourceRoot: false)
            } else if Self.schemaArrayKeywords.contains(k), case .array(let a) = v {
                for (i, s) in a.enumerated() {
                    try scan(s, pointer: pointer + [k, String(i)], base: base, isResourceRoot: false)
                }
            } else if Self.schemaMapKeywords.contains(k), case .object(let m) = v {
                for (name, s) in m { try scan(s, pointer: pointer + [k, name], base: base, isResourceRoot: false) }
            }
        }
    }

    private func key(_ pointer: [String]) -> String {
        pointer.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }

    private func value(at pointer: [String]) -> JSONValue? {
        var v = document
        for token in pointer {
            switch v {
            case .object(let o):
                guard let next = o[token] else { return nil }
                v = next
            case .array(let a):
                guard let i = Int(token), i >= 0, i < a.count else { return nil }
                v = a[i]
            default:
                return nil
            }
        }
        return v
    }

    private func error(_ pointer: [String], _ message: Message) -> SchemaError {
        SchemaError(pointer: key(pointer), message: message)
    }

    // MARK: Compiling

    mutating func compile(pointer: [String]) throws(SchemaError) -> Int {
        let k = key(pointer)
        if let existing = compiled[k] { return existing }
        guard let json = value(at: pointer) else { throw error(pointer, Message(.schemaBadRef, k)) }
        let index = nodes.count
        let node = SchemaNode()
        nodes.append(node)
        compiled[k] = index

        switch json {
        case .bool(let b):
            node.boolean = b
        case .object(let o):
            let schema = SchemaObject(keywords: o, pointer: pointer, base: bases[k] ?? Self.defaultBase)
            for (k, _) in o where !Self.supportedKeywords.contains(k) {
                throw error(pointer + [k], Message(.schemaUnsupportedKeyword, k))
            }
            try compileCore(schema, into: node)
            try compileValueKeywords(schema, into: node)
            try compileArrayKeywords(schema, into: node)
            try compileObjectKeywords(schema, into: node)
            try compileApplicators(schema, into: node)
        default:
            throw error(pointer, Message(.schemaNotASchema))
        }
        return index
    }

    /// One schema object being compiled: its keywords, where it is, and its base URI.
    private struct SchemaObject {
        let keywords: OrderedDictionary<String, JSONValue>
        let pointer: [String]
        let base: String

        subscript(_ name: String) -> JSONValue? { keywords[name] }
        func at(_ names: String...) -> [String] { pointer + names }
    }

    // MARK: Keyword groups

    /// `$schema`, `$ref`, `type`, `enum`, `const`.
    private mutating func compileCore(_ o: SchemaObject, into node: SchemaNode) throws(SchemaError) {
        if let dialect = o["$schema"] {
            guard case .string(let uri) = dialect, Self.knownDialects.contains(URIResolver.stripFragment(uri)) else {
                throw error(
                    o.at("$schema"), Message(.schemaUnsupportedKeyword, "$schema: \(dialect.stringValue ?? "?")"))
            }
        }
        if case .string(let ref)? = o["$ref"] {
            node.ref = try resolveRef(ref, base: o.base, at: o.at("$ref"))
        } else if o["$ref"] != nil {
            throw error(o.at("$ref"), Message(.schemaBadKeywordValue, "$ref"))
        }
        if let t = o["type"] {
            let known: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]
            switch t {
            case .string(let s) where known.contains(s): node.types = [s]
            case .array(let a) where a.allSatisfy({ known.contains($0.stringValue ?? "") }):
                node.types = a.compactMap(\.stringValue)
            default: throw error(o.at("type"), Message(.schemaBadKeywordValue, "type"))
            }
            node.typeMask = node.types!.reduce(0) { $0 | JSONSchema.typeBit($1) }
        }
        if let e = o["enum"] {
            guard case .array(let a) = e else { throw error(o.at("enum"), Message(.schemaBadKeywordValue, "enum")) }
            node.enumValues = a
        }
        if let c = o["const"] { node.constValue = .some(c) }
    }

    /// The keywords of numbers and strings.
    private mutating func compileValueKeywords(_ o: SchemaObject, into node: SchemaNode) throws(SchemaError) {
        if let m = try number(o, "multipleOf") {
            guard m > 0 else { throw error(o.at("multipleOf"), Message(.schemaBadKeywordValue, "multipleOf")) }
            node.multipleOf = m
        }
        node.maximum = try number(o, "maximum")
        node.exclusiveMaximum = try number(o, "exclusiveMaximum")
        node.minimum = try number(o, "minimum")
        node.exclusiveMinimum = try number(o, "exclusiveMinimum")
        node.maxLength = try nonNegative(o, "maxLength")
        node.minLength = try nonNegative(o, "minLength")
        if let p = o["pattern"] {
            guard case .string(let s) = p else {
                throw error(o.at("pattern"), Message(.schemaBadKeywordValue, "pattern"))
            }
            node.pattern = try regex(s, at: o.at("pattern"))
        }
        if let f = o["format"] {
            guard case .string(let s) = f else {
                throw error(o.at("format"), Message(.schemaBadKeywordValue, "format"))
            }
            node.format = s
        }
    }

    /// The keywords of arrays.
    private mutating func compileArrayKeywords(_ o: SchemaObject, into node: SchemaNode) throws(SchemaError) {
        node.prefixItems = try schemaList(o, "prefixItems")
        if let items = o["items"] {
            if case .array = items { throw error(o.at("items"), Message(.schemaBadKeywordValue, "items")) }
            node.items = try compile(pointer: o.at("items"))
        }
        node.contains = try subschema(o, "contains")
        node.minContains = try nonNegative(o, "minContains")
        node.maxContains = try nonNegative(o, "maxContains")
        node.maxItems = try nonNegative(o, "maxItems")
        node.minItems = try nonNegative(o, "minItems")
        if let u = o["uniqueItems"] {
            guard case .bool(let b) = u else {
                throw error(o.at("uniqueItems"), Message(.schemaBadKeywordValue, "uniqueItems"))
            }
            node.uniqueItems = b
        }
        node.unevaluatedItems = try subschema(o, "unevaluatedItems")
    }

    /// The keywords of objects.
    private mutating func compileObjectKeywords(_ o: SchemaObject, into node: SchemaNode) throws(SchemaError) {
        node.properties = try schemaMap(o, "properties")
        node.propertyIndex = Dictionary(node.properties, uniquingKeysWith: { a, _ in a })
        for (name, i) in try schemaMap(o, "patternProperties") {
            node.patternProperties.append((try regex(name, at: o.at("patternProperties", name)), i))
        }
        node.additionalProperties = try subschema(o, "additionalProperties")
        node.propertyNames = try subschema(o, "propertyNames")
        if let r = o["required"] {
            guard case .array(let a) = r, a.allSatisfy({ $0.stringValue != nil }) else {
                throw error(o.at("required"), Message(.schemaBadKeywordValue, "required"))
            }
            node.required = a.compactMap(\.stringValue)
        }
        if let d = o["dependentRequired"] {
            guard case .object(let m) = d else {
                throw error(o.at("dependentRequired"), Message(.schemaBadKeywordValue, "dependentRequired"))
            }
            for (k, v) in m {
                guard case .array(let a) = v, a.allSatisfy({ $0.stringValue != nil }) else {
                    throw error(o.at("dependentRequired", k), Message(.schemaBadKeywordValue, "dependentRequired"))
                }
                node.dependentRequired.append((k, a.compactMap(\.stringValue)))
            }
        }
        node.dependentSchemas = try schemaMap(o, "dependentSchemas")
        node.maxProperties = try nonNegative(o, "maxProperties")
        node.minProperties = try nonNegative(o, "minProperties")
        node.unevaluatedProperties = try subschema(o, "unevaluatedProperties")
    }

    /// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, and the subschemas that are only
    /// annotations or reference targets, which still have to be valid schemas.
    private mutating func compileApplicators(_ o: SchemaObject, into node: SchemaNode) throws(SchemaError) {
        node.allOf = try schemaList(o, "allOf")
        node.anyOf = try schemaList(o, "anyOf")
        node.oneOf = try schemaList(o, "oneOf")
        node.not = try subschema(o, "not")
        if o["if"] != nil {
            node.ifSchema = try subschema(o, "if")
            node.thenSchema = try subschema(o, "then")
            node.elseSchema = try subschema(o, "else")
        }
        for name in ["$defs", "definitions"] { _ = try schemaMap(o, name) }
        _ = try subschema(o, "contentSchema")
    }

    // MARK: Keyword values

    private mutating func subschema(_ o: SchemaObject, _ name: String) throws(SchemaError) -> Int? {
        o[name] == nil ? nil : try compile(pointer: o.at(name))
    }

    private func nonNegative(_ o: SchemaObject, _ name: String) throws(SchemaError) -> Int? {
        guard let v = o[name] else { return nil }
        guard case .number(let n) = v, n >= 0, n.rounded() == n else {
            throw error(o.at(name), Message(.schemaBadKeywordValue, name))
        }
        // A count beyond any Int (1e30) limits nothing an Int can count.
        return Int(exactly: n) ?? Int.max
    }

    private func number(_ o: SchemaObject, _ name: String) throws(SchemaError) -> Double? {
        guard let v = o[name] else { return nil }
        guard case .number(let n) = v else { throw error(o.at(name), Message(.schemaBadKeywordValue, name)) }
        return n
    }

    private mutating func schemaList(_ o: SchemaObject, _ name: String) throws(SchemaError) -> [Int] {
        guard let v = o[name] else { return [] }
        guard case .array(let a) = v, !a.isEmpty || name == "prefixItems" else {
            throw error(o.at(name), Message(.schemaBadKeywordValue, name))
        }
        var result: [Int] = []
        for i in a.indices { result.append(try compile(pointer: o.at(name, String(i)))) }
        return result
    }

    private mutating func schemaMap(_ o: SchemaObject, _ name: String) throws(SchemaError) -> [(String, Int)] {
        guard let v = o[name] else { return [] }
        guard case .object(let m) = v else { throw error(o.at(name), Message(.schemaBadKeywordValue, name)) }
        var result: [(String, Int)] = []
        for (k, _) in m { result.append((k, try compile(pointer: o.at(name, k)))) }
        return result
    }

    private func regex(_ source: String, at p: [String]) throws(SchemaError) -> RegexBox {
        do { return try RegexBox(source) } catch { throw self.error(p, Message(.schemaBadPattern, source)) }
    }

    private mutating func resolveRef(_ ref: String, base: String, at pointer: [String]) throws(SchemaError) -> Int {
        let absolute = URIResolver.resolve(ref, against: base)
        let resource = URIResolver.stripFragment(absolute)
        let fragment = URIResolver.fragment(of: absolute)
        if fragment.isEmpty || fragment.hasPrefix("/") {
            guard let root = resources[resource] else { throw error(pointer, Message(.schemaRemoteRef, ref)) }
            var tokens: [String] = []
            if !fragment.isEmpty {
                for raw in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                    let decoded = String(raw).removingPercentEncoding ?? String(raw)
                    tokens.append(
                        decoded.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~"))
                }
            }
            let target = root + tokens
            guard value(at: target) != nil else { throw error(pointer, Message(.schemaBadRef, ref)) }
            if bases[key(target)] == nil {
                // A pointer into a place the scan did not visit (under an unknown or annotation keyword).
                try scan(value(at: target)!, pointer: target, base: resource, isResourceRoot: false)
            }
            return try compile(pointer: target)
        }
        guard let target = anchors[resource + "#" + fragment] else {
            throw error(
                pointer, resources[resource] == nil ? Message(.schemaRemoteRef, ref) : Message(.schemaBadRef, ref))
        }
        return try compile(pointer: target)
    }
}

/// RFC 3986 reference resolution, enough for `$id` and `$ref`: absolute URIs, URNs, fragments,
/// and relative paths against hierarchical bases.
enum URIResolver {
    static func stripFragment(_ uri: String) -> String {
        guard let hash = uri.firstIndex(of: "#") else { return uri }
        return String(uri[..<hash])
    }

    static func fragment(of uri: String) -> String {
        guard let hash = uri.firstIndex(of: "#") else { return "" }
        return String(uri[uri.index(after: hash)...])
    }

    static func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        let scheme = s[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    static func resolve(_ ref: String, against base: String) -> String {
        if hasScheme(ref) { return ref }
        if ref.hasPrefix("#") { return stripFragment(base) + ref }
        if ref.isEmpty { return stripFragment(base) }
        let baseNoFrag = stripFragment(base)
        // Split the base into scheme://authority and path.
        guard let schemeEnd = baseNoFrag.range(of: ":") else { return ref }
        let scheme = String(baseNoFrag[..<schemeEnd.lowerBound])
        var rest = String(baseNoFrag[schemeEnd.upperBound...])
        var authority = ""
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let pathStart = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<pathStart])
            rest = String(rest[pathStart...])
        }
        if let q = rest.firstIndex(of: "?") { rest = String(rest[..<q]) }
        if ref.hasPrefix("//") { return scheme + ":" + ref }
        var path: String
        var suffix = ""
        var refPath = ref
        if let idx = refPath.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(refPath[idx...])
            refPath = String(refPath[..<idx])
        }
        if refPath.hasPrefix("/") {
            path = refPath
        } else if refPath.isEmpty {
            path = rest
        } else {
            if !authority.isEmpty && rest.isEmpty {
                path = "/" + refPath
            } else if let slash = rest.lastIndex(of: "/") {
                path = String(rest[...slash]) + refPath
            } else {
                path = refPath
            }
        }
        return scheme + ":" + authority + removeDotSegments(path) + suffix
    }

    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var out: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, s) in segments.enumerated() {
            if s == "." {
                if i == segments.count - 1 { out.append("") }
                continue
            }
            if s == ".." {
                if out.count > 1 { out.removeLast() }
                if i == segments.count - 1 { out.append("") }
                continue
            }
            out.append(s)
        }
        return out.joined(separator: "/")
    }
}
