import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// The official JSON-Schema-Test-Suite (draft 2020-12). Every test of every supported keyword's file
/// must pass; the README lists the keywords and these counts.
@Suite struct JSONSchemaSuiteTests {
    static let suite = "json-schema-test-suite/tests/draft2020-12"

    /// Files whose every test passes. A file is here when its keyword is implemented.
    static let supported: [String] = [
        "additionalProperties", "allOf", "anchor", "anyOf", "boolean_schema", "const", "contains", "content",
        "default", "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum",
        "format", "if-then-else", "infinite-loop-detection", "items", "maxContains", "maxItems", "maxLength",
        "maxProperties", "maximum", "minContains", "minItems", "minLength", "minProperties", "minimum", "multipleOf",
        "not", "oneOf", "pattern", "patternProperties", "prefixItems", "properties", "propertyNames", "ref",
        "required", "type", "unevaluatedItems", "unevaluatedProperties", "uniqueItems",
        "optional/format/date", "optional/format/date-time",
    ]

    /// Groups of supported files that need what is left out on purpose: the draft's metaschema (a remote
    /// reference) and `$dynamicRef`. They must be refused when the schema is compiled, never answered wrong.
    static let refusedGroups: Set<String> = [
        "remote ref, containing refs itself",
        "unevaluatedItems with $dynamicRef",
        "unevaluatedProperties with $dynamicRef",
    ]

    struct Outcome {
        var passed = 0, failed = 0, unsupported = 0
        var failures: [String] = []
        var refusedGroups: [String] = []
    }

    static func run(_ file: String) throws -> Outcome {
        let url = Fixtures.url("\(suite)/\(file).json")
        let groups = try JSONValue.parse(Data(contentsOf: url))
        // format is an annotation in the draft's default vocabulary; the optional format tests assert it.
        let assert = file.hasPrefix("optional/format")
        var outcome = Outcome()
        for group in groups.arrayValue ?? [] {
            let description = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            let schema: JSONSchema
            do {
                schema = try JSONSchema.compile(group["schema"]!, options: .init(assertFormat: assert))
            } catch {
                outcome.unsupported += tests.count
                outcome.refusedGroups.append(description)
                continue
            }
            for t in tests {
                let expected = t["valid"] == .bool(true)
                if schema.isValid(t["data"]!) == expected, schema.validate(t["data"]!).isEmpty == expected {
                    outcome.passed += 1
                } else {
                    outcome.failed += 1
                    outcome.failures.append("\(description) / \(t["description"]?.stringValue ?? "?")")
                }
            }
        }
        return outcome
    }

    @Test(arguments: supported)
    func supportedFilePassesEntirely(_ file: String) throws {
        let outcome = try Self.run(file)
        #expect(outcome.failed == 0, "\(file): \(outcome.failures)")
        #expect(
            Set(outcome.refusedGroups).isSubset(of: Self.refusedGroups), "\(file) refused: \(outcome.refusedGroups)")
        #expect(outcome.passed > 0)
    }

    /// Keywords left out on purpose are refused at compile time, not ignored.
    @Test(arguments: ["dynamicRef", "vocabulary", "refRemote", "defs"])
    func unsupportedKeywordsAreRefused(_ file: String) throws {
        let outcome = try Self.run(file)
        #expect(outcome.unsupported > 0)
    }
}

extension JSONSchemaSuiteTests {
    /// Per file: the tests that pass and the tests there are, as the README quotes them. A change in
    /// the suite or in the validator shows here.
    static let expectedCounts: [String: (passed: Int, total: Int)] = [
        "additionalProperties": (21, 21),
        "allOf": (30, 30),
        "anchor": (8, 8),
        "anyOf": (18, 18),
        "boolean_schema": (18, 18),
        "const": (54, 54),
        "contains": (21, 21),
        "content": (18, 18),
        "default": (7, 7),
        "dependentRequired": (20, 20),
        "dependentSchemas": (20, 20),
        "enum": (51, 51),
        "exclusiveMaximum": (4, 4),
        "exclusiveMinimum": (4, 4),
        "format": (133, 133),
        "if-then-else": (30, 30),
        "infinite-loop-detection": (2, 2),
        "items": (29, 29),
        "maxContains": (14, 14),
        "maxItems": (6, 6),
        "maxLength": (7, 7),
        "maxProperties": (10, 10),
        "maximum": (8, 8),
        "minContains": (28, 28),
        "minItems": (6, 6),
        "minLength": (7, 7),
        "minProperties": (10, 10),
        "minimum": (11, 11),
        "multipleOf": (11, 11),
        "not": (40, 40),
        "oneOf": (27, 27),
        "pattern": (12, 12),
        "patternProperties": (25, 25),
        "prefixItems": (11, 11),
        "properties": (28, 28),
        "propertyNames": (22, 22),
        "ref": (77, 79),
        "required": (18, 18),
        "type": (80, 80),
        "unevaluatedItems": (69, 71),
        "unevaluatedProperties": (127, 129),
        "uniqueItems": (69, 69),
        "optional/format/date": (81, 81),
        "optional/format/date-time": (33, 33),
    ]

    @Test func suiteCounts() throws {
        #expect(Set(Self.expectedCounts.keys) == Set(Self.supported))
        var passed = 0
        var total = 0
        for file in Self.supported {
            let o = try Self.run(file)
            let expected = try #require(Self.expectedCounts[file])
            #expect(o.passed == expected.passed && o.passed + o.failed + o.unsupported == expected.total, "\(file)")
            passed += o.passed
            total += o.passed + o.failed + o.unsupported
        }
        #expect(passed == 1325 && total == 1331)
    }
}
