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
    /// Prints the per-file counts the README quotes: `swift test --filter suiteCounts`.
    @Test func suiteCounts() throws {
        var lines: [String] = []
        for file in Self.supported {
            let o = try Self.run(file)
            lines.append("\(file).json: \(o.passed)/\(o.passed + o.failed + o.unsupported)")
        }
        print(lines.joined(separator: "\n"))
    }
}
