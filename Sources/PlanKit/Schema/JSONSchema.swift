import Foundation

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
        var errors: [SchemaViolation] = []
        var path: [JSONPathComponent] = []
        _ = evaluate(root, instance, &path, &errors, collect: true)
        return errors
    }

    public func isValid(_ instance: JSONValue) -> Bool {
        var errors: [SchemaViolation] = []
        var path: [JSONPathComponent] = []
        return evaluate(root, instance, &path, &errors, collect: false).valid
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

    func evaluate(
        _ index: Int, _ value: JSONValue, _ path: inout [JSONPathComponent],
        _ errors: inout [SchemaViolation], collect: Bool
    ) -> Outcome {
        let node = nodes[index]
        if let b = node.boolean {
            if !b && collect { errors.append(SchemaViolation(path, "false", Message(.schemaFalse))) }
            return Outcome(valid: b)
        }
        var out = Outcome(valid: true)
        func fail(_ keyword: String, _ message: @autoclosure () -> Message, allowed: [String] = []) {
            out.valid = false
            if collect { errors.append(SchemaViolation(path, keyword, message(), allowedNames: allowed)) }
        }
        // Quiet evaluation of a subschema (for combinators): its errors are not the user's.
        func quiet(_ i: Int, _ v: JSONValue) -> Outcome {
            var scratch: [SchemaViolation] = []
            return evaluate(i, v, &path, &scratch, collect: false)
        }
        // Nested evaluation whose errors are reported.
        func nested(_ i: Int, _ v: JSONValue) -> Outcome {
            let r = evaluate(i, v, &path, &errors, collect: collect)
            if !r.valid { out.valid = false }
            return r
        }

        if let r = node.ref {
            let o = nested(r, value)
            if o.valid { out.merge(o) }
        }

        // Type and value.
        if let types = node.types, node.typeMask & Self.typeBits(value) == 0 {
            fail("type", Message(.schemaType, types.joined(separator: ", "), value.typeName))
        }
        if let values = node.enumValues, !values.contains(value) {
            let shown = values.compactMap(\.stringValue)
            fail(
                "enum",
                Message(
                    .schemaEnum, Catalogue.quoteList(shown.isEmpty ? values.map { $0.serialized(indent: nil) } : shown))
            )
        }
        if let c = node.constValue, let expected = c, expected != value {
            fail("const", Message(.schemaConst, expected.stringValue ?? expected.serialized(indent: nil)))
        }

        switch value {
        case .number(let n):
            if let m = node.multipleOf {
                let q = n / m
                if !(q.isFinite && q.rounded() == q) {
                    fail("multipleOf", Message(.schemaMultipleOf, JSONValue.format(number: m)))
                }
            }
            if let x = node.maximum, n > x { fail("maximum", Message(.schemaMaximum, JSONValue.format(number: x))) }
            if let x = node.exclusiveMaximum, n >= x {
                fail("exclusiveMaximum", Message(.schemaExclusiveMaximum, JSONValue.format(number: x)))
            }
            if let x = node.minimum, n < x { fail("minimum", Message(.schemaMinimum, JSONValue.format(number: x))) }
            if let x = node.exclusiveMinimum, n <= x {
                fail("exclusiveMinimum", Message(.schemaExclusiveMinimum, JSONValue.format(number: x)))
            }
        case .string(let s):
            if node.maxLength != nil || node.minLength != nil {
                let length = s.unicodeScalars.count
                if let x = node.maxLength, length > x { fail("maxLength", Message(.schemaMaxLength, String(x))) }
                if let x = node.minLength, length < x {
                    fail("minLength", x == 1 ? Message(.schemaEmpty) : Message(.schemaMinLength, String(x)))
                }
            }
            if let p = node.pattern, !p.matches(s) { fail("pattern", Message(.schemaPattern, p.source)) }
            if options.assertFormat, let f = node.format, !FormatChecker.check(f, s) {
                fail("format", Message(.schemaFormat, f))
            }
        case .array(let a):
            if let x = node.maxItems, a.count > x { fail("maxItems", Message(.schemaMaxItems, String(x))) }
            if let x = node.minItems, a.count < x { fail("minItems", Message(.schemaMinItems, String(x))) }
            if node.uniqueItems {
                var seen = Set<JSONValue>()
                for (i, v) in a.enumerated() where !seen.insert(v).inserted {
                    path.append(.index(i))
                    fail("uniqueItems", Message(.schemaUniqueItems))
                    path.removeLast()
                    break
                }
            }
            for (i, p) in node.prefixItems.enumerated() where i < a.count {
                path.append(.index(i))
                _ = nested(p, a[i])
                path.removeLast()
                if needsAnnotations { out.itemIndexes.insert(i) }
            }
            if let it = node.items {
                for i in node.prefixItems.count..<max(node.prefixItems.count, a.count) {
                    path.append(.index(i))
                    _ = nested(it, a[i])
                    path.removeLast()
                }
                out.allItems = true
            }
            if let c = node.contains {
                var matches = 0
                for (i, v) in a.enumerated() {
                    path.append(.index(i))
                    if quiet(c, v).valid {
                        matches += 1
                        if needsAnnotations { out.itemIndexes.insert(i) }
                    }
                    path.removeLast()
                }
                let minimum = node.minContains ?? 1
                if matches < minimum { fail("contains", Message(.schemaContains, String(minimum))) }
                if let x = node.maxContains, matches > x { fail("maxContains", Message(.schemaMaxContains, String(x))) }
            }
        case .object(let o):
            if let x = node.maxProperties, o.count > x {
                fail("maxProperties", Message(.schemaMaxProperties, String(x)))
            }
            if let x = node.minProperties, o.count < x {
                fail("minProperties", Message(.schemaMinProperties, String(x)))
            }
            for r in node.required where o[r] == nil { fail("required", Message(.schemaRequired, r)) }
            for (key, needed) in node.dependentRequired where o[key] != nil {
                for n in needed where o[n] == nil {
                    fail("dependentRequired", Message(.schemaDependentRequired, n, key))
                }
            }
            for (key, v) in o {
                var matched = false
                if let p = node.propertyIndex[key] {
                    matched = true
                    path.append(.key(key))
                    _ = nested(p, v)
                    path.removeLast()
                }
                for (re, p) in node.patternProperties where re.matches(key) {
                    matched = true
                    path.append(.key(key))
                    _ = nested(p, v)
                    path.removeLast()
                }
                if matched && needsAnnotations { out.props.insert(key) }
                if !matched, let ap = node.additionalProperties {
                    path.append(.key(key))
                    if nodes[ap].boolean == false {
                        fail(
                            "additionalProperties", Message(.schemaUnknownKey, key),
                            allowed: node.properties.map(\.0))
                    } else {
                        _ = nested(ap, v)
                    }
                    path.removeLast()
                    if needsAnnotations { out.props.insert(key) }
                }
                if let pn = node.propertyNames {
                    path.append(.key(key))
                    if !quiet(pn, .string(key)).valid {
                        fail("propertyNames", Message(.schemaPropertyName, key), allowed: node.properties.map(\.0))
                    }
                    path.removeLast()
                }
            }
            for (key, s) in node.dependentSchemas where o[key] != nil {
                let r = nested(s, value)
                if r.valid { out.merge(r) }
            }
        default:
            break
        }

        // In-place applicators.
        for s in node.allOf {
            let r = nested(s, value)
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
            if !any { fail("anyOf", Message(.schemaAnyOf)) }
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
                fail("oneOf", count == 0 ? Message(.schemaAnyOf) : Message(.schemaOneOf))
            } else {
                out.merge(passed)
            }
        }
        if let n = node.not, quiet(n, value).valid { fail("not", Message(.schemaNot)) }
        if let c = node.ifSchema {
            let r = quiet(c, value)
            if r.valid {
                out.merge(r)
                if let t = node.thenSchema {
                    let o = nested(t, value)
                    if o.valid { out.merge(o) }
                }
            } else if let e = node.elseSchema {
                let o = nested(e, value)
                if o.valid { out.merge(o) }
            }
        }

        // Unevaluated: after every other keyword of this node.
        if let u = node.unevaluatedItems, case .array(let a) = value, !out.allItems {
            for (i, v) in a.enumerated() where !out.itemIndexes.contains(i) {
                path.append(.index(i))
                if nodes[u].boolean == false {
                    fail("unevaluatedItems", Message(.schemaUnevaluatedItem))
                } else {
                    _ = nested(u, v)
                }
                path.removeLast()
            }
            out.allItems = true
        }
        if let u = node.unevaluatedProperties, case .object(let o) = value {
            for (key, v) in o where !out.props.contains(key) {
                path.append(.key(key))
                if nodes[u].boolean == false {
                    fail("unevaluatedProperties", Message(.schemaUnknownKey, key), allowed: node.properties.map(\.0))
                } else {
                    _ = nested(u, v)
                }
                path.removeLast()
                out.props.insert(key)
            }
        }
        if !out.valid && needsAnnotations {
            out.props = []
            out.itemIndexes = []
            out.allItems = false
        }
        return out
    }

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
