import Foundation
import OrderedCollections

/// A compiled JSON Schema (draft 2020-12) and its validator.
///
/// It implements the keywords a front-matter schema needs, and the rest of the draft's assertion
/// and applicator vocabulary, so the official test suite can hold it to the standard. A keyword it
/// does not implement is a `SchemaError`, never silently ignored. Remote references are refused:
/// a schema is one file.
public struct JSONSchema: Sendable {
    public struct Options: Sendable {
        /// Whether `format` is an assertion (`date`, `date-time`) or only an annotation, as the
        /// draft's default vocabulary says. Workspace schemas assert: a front-matter `format: date`
        /// that accepts `2021-02-31` would be of no use.
        public var assertFormat: Bool = true
        public init(assertFormat: Bool = true) { self.assertFormat = assertFormat }
    }

    let nodes: [SchemaNode]
    let root: Int
    let options: Options
    /// Whether any node uses `unevaluated*`, which needs annotations from every branch.
    let needsAnnotations: Bool

    /// The names `properties` declares at the root, for "did you mean" on unknown keys.
    public var rootPropertyNames: [String] { nodes[root].properties.map(\.0) }

    public static func compile(_ schema: JSONValue, options: Options = Options()) throws(SchemaError) -> JSONSchema {
        var compiler = SchemaCompiler(document: schema)
        let root = try compiler.compileRoot()
        let needs = compiler.nodes.contains { $0.unevaluatedItems != nil || $0.unevaluatedProperties != nil }
        return JSONSchema(nodes: compiler.nodes, root: root, options: options, needsAnnotations: needs)
    }

    /// All violations, each at the instance location it concerns. Empty when valid.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var evaluation = Evaluation(schema: self)
        _ = evaluation.evaluate(root, instance, collect: true)
        return evaluation.errors
    }

    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluation = Evaluation(schema: self)
        return evaluation.evaluate(root, instance, collect: false).valid
    }
}

/// A schema that cannot be used: invalid, or using what this validator does not implement.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// JSON pointer of the offending place in the schema.
    public let pointer: String
    public let message: Message

    public var description: String { "\(pointer.isEmpty ? "#" : pointer): \(message.render(.en))" }
}

/// One place where an instance breaks its schema.
public struct SchemaViolation: Sendable, Hashable {
    public let path: [JSONPathComponent]
    public let keyword: String
    public let message: Message
    /// For `additionalProperties`-style failures: the names the schema does allow there.
    public let allowedNames: [String]

    init(_ path: [JSONPathComponent], _ keyword: String, _ message: Message, allowedNames: [String] = []) {
        self.path = path
        self.keyword = keyword
        self.message = message
        self.allowedNames = allowedNames
    }
}

final class RegexBox: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    let regex: NSRegularExpression
    let source: String
    init(_ source: String) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: source, options: [])
    }
    func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, options: [], range: NSRange(s.startIndex..., in: s)) != nil
    }
}

/// One compiled schema. A class: evaluation reads nodes by index thousands of times, and copying a
/// struct of this many arrays would retain each of them every time.
final class SchemaNode: @unchecked Sendable {
    // Written only while compiling, read only after.
    var boolean: Bool?
    var ref: Int?
    var types: [String]?
    /// `types` as bits of `JSONType`, so checking a value's type compares no strings.
    var typeMask: UInt8 = 0
    var enumValues: [JSONValue]?
    var constValue: JSONValue??
    var multipleOf: Double?
    var maximum: Double?, exclusiveMaximum: Double?, minimum: Double?, exclusiveMinimum: Double?
    var maxLength: Int?, minLength: Int?
    var pattern: RegexBox?
    var format: String?
    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var minContains: Int?, maxContains: Int?
    var maxItems: Int?, minItems: Int?
    var uniqueItems = false
    var unevaluatedItems: Int?
    var properties: [(String, Int)] = []
    var propertyIndex: [String: Int] = [:]
    var patternProperties: [(RegexBox, Int)] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var required: [String] = []
    var dependentRequired: [(String, [String])] = []
    var dependentSchemas: [(String, Int)] = []
    var maxProperties: Int?, minProperties: Int?
    var unevaluatedProperties: Int?
    var allOf: [Int] = [], anyOf: [Int] = [], oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?, thenSchema: Int?, elseSchema: Int?
}

// MARK: - Evaluation

extension JSONSchema {
    struct Outcome {
        var valid: Bool
        var props: Set<String> = []
        var allItems = false
        var itemIndexes: Set<Int> = []

        mutating func merge(_ o: Outcome) {
            props.formUnion(o.props)
            allItems = allItems || o.allItems
            itemIndexes.formUnion(o.itemIndexes)
        }
    }
}

/// One validation: where in the instance it is, and what it found. Each node's keywords are checked
/// by group, into that node's outcome.
struct Evaluation {
    typealias Outcome = JSONSchema.Outcome

    let schema: JSONSchema
    var path: [JSONPathComponent] = []
    var errors: [SchemaViolation] = []

    init(schema: JSONSchema) { self.schema = schema }

    private var nodes: [SchemaNode] { schema.nodes }
    private var needsAnnotations: Bool { schema.needsAnnotations }

    /// One node's keywords against one value. With `collect` false (inside combinators) its errors
    /// are not the user's and only validity counts.
    mutating func evaluate(_ index: Int, _ value: JSONValue, collect: Bool) -> Outcome {
        let node = nodes[index]
        if let b = node.boolean {
            if !b && collect { errors.append(SchemaViolation(path, "false", Message(.schemaFalse))) }
            return Outcome(valid: b)
        }
        var out = Outcome(valid: true)
        if let r = node.ref {
            let o = nested(&out, r, value, collect)
            if o.valid { out.merge(o) }
        }
        checkTypeAndValue(node, value, &out, collect)
        switch value {
        case .number(let n): checkNumber(node, n, &out, collect)
        case .string(let s): checkString(node, s, &out, collect)
        case .array(let a): checkArray(node, a, &out, collect)
        case .object(let o): checkObject(node, o, value, &out, collect)
        default: break
        }
        applyInPlace(node, value, &out, collect)
        checkUnevaluated(node, value, &out, collect)
        if !out.valid && needsAnnotations {
            out.props = []
            out.itemIndexes = []
            out.allItems = false
        }
        return out
    }

    // MARK: Helpers

    private mutating func fail(
        _ out: inout Outcome, _ collect: Bool, _ keyword: String, _ message: @autoclosure () -> Message,
        allowed: [String] = []
    ) {
        out.valid = false
        if collect { errors.append(SchemaViolation(path, keyword, message(), allowedNames: allowed)) }
    }

    /// Quiet evaluation of a subschema (for combinators): its errors are not the user's.
    private mutating func quiet(_ i: Int, _ v: JSONValue) -> Outcome { evaluate(i, v, collect: false) }

    /// Nested evaluation whose errors are reported and whose failure fails this node.
    @discardableResult
    private mutating func nested(_ out: inout Outcome, _ i: Int, _ v: JSONValue, _ collect: Bool) -> Outcome {
        let r = evaluate(i, v, collect: collect)
        if !r.valid { out.valid = false }
        return r
    }

    /// Evaluates a subschema at a child of the instance (`path` extended by it).
    @discardableResult
    private mutating func nested(
        _ out: inout Outcome, _ i: Int, _ v: JSONValue, at child: JSONPathComponent, _ collect: Bool
    ) -> Outcome {
        path.append(child)
        defer { path.removeLast() }
        return nested(&out, i, v, collect)
    }

    // MARK: Keyword groups

    private mutating func checkTypeAndValue(_ node: SchemaNode, _ value: JSONValue, _ out: inout Outcome, _ c: Bool) {
        if let types = node.types, node.typeMask & JSONSchema.typeBits(value) == 0 {
            fail(&out, c, "type", Message(.schemaType, types.joined(separator: ", "), value.typeName))
        }
        if let values = node.enumValues, !values.contains(value) {
            let shown = values.compactMap(\.stringValue)
            let listed = shown.isEmpty ? values.map { $0.serialized(indent: nil) } : shown
            fail(&out, c, "enum", Message(.schemaEnum, Catalogue.quoteList(listed)))
        }
        if let constant = node.constValue, let expected = constant, expected != value {
            fail(&out, c, "const", Message(.schemaConst, expected.stringValue ?? expected.serialized(indent: nil)))
        }
    }

    private mutating func checkNumber(_ node: SchemaNode, _ n: Double, _ out: inout Outcome, _ c: Bool) {
        if let m = node.multipleOf {
            let q = n / m
            if !(q.isFinite && q.rounded() == q) {
                fail(&out, c, "multipleOf", Message(.schemaMultipleOf, JSONValue.format(number: m)))
            }
        }
        if let x = node.maximum, n > x {
            fail(&out, c, "maximum", Message(.schemaMaximum, JSONValue.format(number: x)))
        }
        if let x = node.exclusiveMaximum, n >= x {
            fail(&out, c, "exclusiveMaximum", Message(.schemaExclusiveMaximum, JSONValue.format(number: x)))
        }
        if let x = node.minimum, n < x {
            fail(&out, c, "minimum", Message(.schemaMinimum, JSONValue.format(number: x)))
        }
        if let x = node.exclusiveMinimum, n <= x {
            fail(&out, c, "exclusiveMinimum", Message(.schemaExclusiveMinimum, JSONValue.format(number: x)))
        }
    }

    private mutating func checkString(_ node: SchemaNode, _ s: String, _ out: inout Outcome, _ c: Bool) {
        if node.maxLength != nil || node.minLength != nil {
            let length = s.unicodeScalars.count
            if let x = node.maxLength, length > x { fail(&out, c, "maxLength", Message(.schemaMaxLength, String(x))) }
            if let x = node.minLength, length < x {
                fail(&out, c, "minLength", x == 1 ? Message(.schemaEmpty) : Message(.schemaMinLength, String(x)))
            }
        }
        if let p = node.pattern, !p.matches(s) { fail(&out, c, "pattern", Message(.schemaPattern, p.source)) }
        if schema.options.assertFormat, let f = node.format, !FormatChecker.check(f, s) {
            fail(&out, c, "format", Message(.schemaFormat, f))
        }
    }

    private mutating func checkArray(_ node: SchemaNode, _ a: [JSONValue], _ out: inout Outcome, _ c: Bool) {
        if let x = node.maxItems, a.count > x { fail(&out, c, "maxItems", Message(.schemaMaxItems, String(x))) }
        if let x = node.minItems, a.count < x { fail(&out, c, "minItems", Message(.schemaMinItems, String(x))) }
        if node.uniqueItems {
            var seen = Set<JSONValue>()
            for (i, v) in a.enumerated() where !seen.insert(v).inserted {
                path.append(.index(i))
                fail(&out, c, "uniqueItems", Message(.schemaUniqueItems))
                path.removeLast()
                break
            }
        }
        for (i, p) in node.prefixItems.enumerated() where i < a.count {
            nested(&out, p, a[i], at: .index(i), c)
            if needsAnnotations { out.itemIndexes.insert(i) }
        }
        if let it = node.items {
            for i in node.prefixItems.count..<max(node.prefixItems.count, a.count) {
                nested(&out, it, a[i], at: .index(i), c)
            }
            out.allItems = true
        }
        if let contains = node.contains {
            var matches = 0
            for (i, v) in a.enumerated() {
                path.append(.index(i))
                if quiet(contains, v).valid {
                    matches += 1
                    if needsAnnotations { out.itemIndexes.insert(i) }
                }
                path.removeLast()
            }
            let minimum = node.minContains ?? 1
            if matches < minimum { fail(&out, c, "contains", Message(.schemaContains, String(minimum))) }
            if let x = node.maxContains, matches > x {
                fail(&out, c, "maxContains", Message(.schemaMaxContains, String(x)))
            }
        }
    }

    private mutating func checkObject(
        _ node: SchemaNode, _ o: OrderedDictionary<String, JSONValue>, _ value: JSONValue, _ out: inout Outcome,
        _ c: Bool
    ) {
        if let x = node.maxProperties, o.count > x {
            fail(&out, c, "maxProperties", Message(.schemaMaxProperties, String(x)))
        }
        if let x = node.minProperties, o.count < x {
            fail(&out, c, "minProperties", Message(.schemaMinProperties, String(x)))
        }
        for r in node.required where o[r] == nil { fail(&out, c, "required", Message(.schemaRequired, r)) }
        for (key, needed) in node.dependentRequired where o[key] != nil {
            for n in needed where o[n] == nil {
                fail(&out, c, "dependentRequired", Message(.schemaDependentRequired, n, key))
            }
        }
        for (key, v) in o { checkProperty(node, key, v, &out, c) }
        for (key, s) in node.dependentSchemas where o[key] != nil {
            let r = nested(&out, s, value, c)
            if r.valid { out.merge(r) }
        }
    }

    /// One property: `properties`, `patternProperties`, `additionalProperties`, `propertyNames`.
    private mutating func checkProperty(
        _ node: SchemaNode, _ key: String, _ v: JSONValue, _ out: inout Outcome, _ c: Bool
    ) {
        var matched = false
        if let p = node.propertyIndex[key] {
            matched = true
            nested(&out, p, v, at: .key(key), c)
        }
        for (re, p) in node.patternProperties where re.matches(key) {
            matched = true
            nested(&out, p, v, at: .key(key), c)
        }
        if matched && needsAnnotations { out.props.insert(key) }
        if !matched, let ap = node.additionalProperties {
            if nodes[ap].boolean == false {
                path.append(.key(key))
                fail(
                    &out, c, "additionalProperties", Message(.schemaUnknownKey, key), allowed: node.properties.map(\.0))
                path.removeLast()
            } else {
                nested(&out, ap, v, at: .key(key), c)
            }
            if needsAnnotations { out.props.insert(key) }
        }
        if let pn = node.propertyNames {
            path.append(.key(key))
            if !quiet(pn, .string(key)).valid {
                fail(&out, c, "propertyNames", Message(.schemaPropertyName, key), allowed: node.properties.map(\.0))
            }
            path.removeLast()
        }
    }

    /// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
    private mutating func applyInPlace(_ node: SchemaNode, _ value: JSONValue, _ out: inout Outcome, _ c: Bool) {
        for s in node.allOf {
            let r = nested(&out, s, value, c)
            if r.valid { out.merge(r) }
        }
        if !node.anyOf.isEmpty {
            var any = false
            for s in node.anyOf {
                let r = quiet(s, value)
                if r.valid {
                    any = true
                    out.merge(r)
                    if !needsAnnotations { break }
                }
            }
            if !any { fail(&out, c, "anyOf", Message(.schemaAnyOf)) }
        }
        if !node.oneOf.isEmpty {
            var count = 0
            var passed = Outcome(valid: true)
            for s in node.oneOf {
                let r = quiet(s, value)
                if r.valid {
                    count += 1
                    passed.merge(r)
                }
            }
            if count != 1 {
                fail(&out, c, "oneOf", count == 0 ? Message(.schemaAnyOf) : Message(.schemaOneOf))
            } else {
                out.merge(passed)
            }
        }
        if let n = node.not, quiet(n, value).valid { fail(&out, c, "not", Message(.schemaNot)) }
        if let condition = node.ifSchema {
            let r = quiet(condition, value)
            if r.valid { out.merge(r) }
            if let branch = r.valid ? node.thenSchema : node.elseSchema {
                let o = nested(&out, branch, value, c)
                if o.valid { out.merge(o) }
            }
        }
    }

    /// `unevaluatedItems` and `unevaluatedProperties`: after every other keyword of the node.
    private mutating func checkUnevaluated(_ node: SchemaNode, _ value: JSONValue, _ out: inout Outcome, _ c: Bool) {
        if let u = node.unevaluatedItems, case .array(let a) = value, !out.allItems {
            for (i, v) in a.enumerated() where !out.itemIndexes.contains(i) {
                if nodes[u].boolean == false {
                    path.append(.index(i))
                    fail(&out, c, "unevaluatedItems", Message(.schemaUnevaluatedItem))
                    path.removeLast()
                } else {
                    nested(&out, u, v, at: .index(i), c)
                }
            }
            out.allItems = true
        }
        if let u = node.unevaluatedProperties, case .object(let o) = value {
            for (key, v) in o where !out.props.contains(key) {
                if nodes[u].boolean == false {
                    path.append(.key(key))
                    fail(
                        &out, c, "unevaluatedProperties", Message(.schemaUnknownKey, key),
                        allowed: node.properties.map(\.0))
                    path.removeLast()
                } else {
                    nested(&out, u, v, at: .key(key), c)
                }
                out.props.insert(key)
            }
        }
    }
}

extension JSONSchema {
    /// The JSON Schema types a value is, as bits: null 1, boolean 2, object 4, array 8, number 16,
    /// string 32, integer 64 (an integral number is both number and integer).
    static func typeBits(_ v: JSONValue) -> UInt8 {
        switch v {
        case .null: 1
        case .bool: 2
        case .object: 4
        case .array: 8
        case .number(let n): n.isFinite && n.rounded() == n ? 16 | 64 : 16
        case .string: 32
        }
    }

    static func typeBit(_ name: String) -> UInt8 {
        switch name {
        case "null": 1
        case "boolean": 2
        case "object": 4
        case "array": 8
        case "number": 16
        case "string": 32
        case "integer": 64
        default: 0
        }
    }
}

enum FormatChecker {
    static func check(_ format: String, _ s: String) -> Bool {
        switch format {
        case "date": return CivilDate(iso: s) != nil
        case "date-time": return isDateTime(s)
        default: return true
        }
    }

    /// RFC 3339 date-time: `2021-09-30T08:00:00+07:00` (fractions and `Z` allowed, leap seconds at 23:59).
    static func isDateTime(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 20, CivilDate(iso: String(decoding: u[0..<10], as: UTF8.self)) != nil,
            u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t")
        else { return false }
        func two(_ i: Int) -> Int? {
            guard i + 1 < u.count, (48...57).contains(u[i]), (48...57).contains(u[i + 1]) else { return nil }
            return Int(u[i] - 48) * 10 + Int(u[i + 1] - 48)
        }
        guard let h = two(11), u[13] == 58, let m = two(14), u[16] == 58, let sec = two(17),
            h < 24, m < 60, sec <= 60
        else { return false }
        var i = 19
        if i < u.count, u[i] == 46 {
            i += 1
            let start = i
            while i < u.count, (48...57).contains(u[i]) { i += 1 }
            guard i > start else { return false }
        }
        guard i < u.count else { return false }
        var offsetMinutes = 0
        if u[i] == UInt8(ascii: "Z") || u[i] == UInt8(ascii: "z") {
            i += 1
        } else {
            guard u[i] == 43 || u[i] == 45, let oh = two(i + 1), i + 3 < u.count, u[i + 3] == 58, let om = two(i + 4),
                oh < 24, om < 60
            else { return false }
            offsetMinutes = (oh * 60 + om) * (u[i] == 43 ? 1 : -1)
            i += 6
        }
        guard i == u.count else { return false }
        if sec == 60 {
            // A leap second exists only at 23:59:60 UTC.
            let utc = ((h * 60 + m - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }
}
