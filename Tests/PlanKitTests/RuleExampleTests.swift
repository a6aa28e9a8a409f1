import Foundation
import TestSupport
import Testing

@testable import PlanKit

typealias SourceLocation = PlanKit.SourceLocation

/// Runs every rule's examples: each triggering example must give findings of that rule exactly at its
/// `↓` markers, each non-triggering example none. The examples are the rules' documentation too.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let index: Int
        let triggering: Bool
        var testDescription: String { "\(rule) \(triggering ? "triggering" : "non-triggering") #\(index + 1)" }
    }

    static let cases: [Case] = RuleRegistry.descriptions.flatMap { d in
        d.triggering.indices.map { Case(rule: d.id, index: $0, triggering: true) }
            + d.nonTriggering.indices.map { Case(rule: d.id, index: $0, triggering: false) }
    }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        let d = try #require(RuleRegistry.description(of: c.rule))
        let example = c.triggering ? d.triggering[c.index] : d.nonTriggering[c.index]
        let (source, expected) = ExampleHarness.build(example)
        let result = try Checker.check(source: source, options: CheckOptions(today: ExampleWorkspace.today))
        let found = Set(result.diagnostics.filter { $0.rule == c.rule }.map(\.location))
        if c.triggering {
            #expect(!expected.isEmpty, "a triggering example needs a ↓ marker")
            #expect(
                found == expected,
                "all diagnostics: \(result.diagnostics.map { "\($0.location) \($0.rule): \($0.message.render(.en))" })")
        } else {
            #expect(
                found.isEmpty,
                "unexpected: \(result.diagnostics.filter { $0.rule == c.rule }.map { "\($0.location) \($0.message.render(.en))" })"
            )
        }
    }

    @Test func everyRuleHasExamplesOfBothKinds() {
        for d in RuleRegistry.descriptions {
            #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example")
            #expect(!d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
        }
    }

    @Test func ruleIDsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
        }
    }

    /// The standard example item passes every rule: examples change only what they are about.
    @Test func standardExampleItemIsClean() throws {
        let (source, _) = ExampleHarness.build(.item())
        let result = try Checker.check(source: source, options: CheckOptions(today: ExampleWorkspace.today))
        #expect(
            result.diagnostics.isEmpty,
            "\(result.diagnostics.map { "\($0.location) \($0.rule) \($0.message.render(.en))" })")
    }
}

enum ExampleHarness {
    /// The example's files on top of the example workspace, with markers removed and `«xHH»` turned into
    /// raw bytes; and where the markers were.
    static func build(_ example: RuleExample) -> (MemoryFileSource, Set<SourceLocation>) {
        var files: [String: [UInt8]] = ExampleWorkspace.baseFiles.mapValues { Array($0.utf8) }
        var symlinks: [String: String] = [:]
        var expected = Set<SourceLocation>()
        for (rawPath, text) in example.files {
            var path = rawPath
            if let m = rawPath.firstIndex(of: RuleExample.marker) {
                path.remove(at: path.index(m, offsetBy: 0))
                expected.insert(SourceLocation(path: path, line: 1, column: 1))
            }
            if text.hasPrefix("symlink→") {
                symlinks[path] = String(text.dropFirst("symlink→".count))
                continue
            }
            var bytes: [UInt8] = []
            var markers: [Int] = []
            var rest = Substring(text)
            while let c = rest.first {
                if c == RuleExample.marker {
                    markers.append(bytes.count)
                    rest = rest.dropFirst()
                } else if rest.hasPrefix("«x"), let close = rest.firstIndex(of: "»"),
                    let byte = UInt8(rest[rest.index(rest.startIndex, offsetBy: 2)..<close], radix: 16)
                {
                    bytes.append(byte)
                    rest = rest[rest.index(after: close)...]
                } else {
                    bytes += Array(String(c).utf8)
                    rest = rest.dropFirst()
                }
            }
            files[path] = bytes
            let sourceText = SourceText(bytes: bytes)
            for m in markers {
                let p = sourceText.position(ofByte: m)
                expected.insert(SourceLocation(path: path, line: p.line, column: p.column))
            }
        }
        return (MemoryFileSource(bytes: files, symlinks: symlinks), expected)
    }
}

/// The registries check themselves: a rule type that `RuleRegistry` does not list, or a message that no
/// code uses, fails here instead of silently never running or rotting in the catalogue.
@Suite struct RegistryTests {
    static let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources")

    static func swiftFiles(under folder: URL) throws -> [String] {
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: folder.path) as [String]?)
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    @Test func everyRuleTypeIsRegistered() throws {
        let text = try Self.swiftFiles(under: Self.sources.appendingPathComponent("PlanKit")).joined(separator: "\n")
        let declaration = /(?:struct|enum|final class) (\w+): (?:FileRule|ItemRule|DocumentRule|WorkspaceRule|Rule)\b/
        let declared = Set(text.matches(of: declaration).map { String($0.output.1) })
        let registered = Set(
            RuleRegistry.fileRules.map { "\($0)" } + RuleRegistry.itemRules.map { "\($0)" }
                + RuleRegistry.documentRules.map { "\($0)" } + RuleRegistry.workspaceRules.map { "\($0)" }
                + RuleRegistry.engineRules.map { "\($0)" })
        #expect(declared.count >= 30, "the declarations were not found: \(declared)")
        #expect(declared.subtracting(registered).isEmpty, "not in RuleRegistry: \(declared.subtracting(registered))")
        #expect(
            registered.subtracting(declared).isEmpty, "registered but not declared: \(registered.subtracting(declared))"
        )
    }

    @Test func everyMessageIsUsed() throws {
        let catalogue = Self.sources.appendingPathComponent("PlanKit/Localization/Catalogue.swift").path
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: Self.sources.path) as [String]?)
        let text = try paths.filter { $0.hasSuffix(".swift") }.map { Self.sources.appendingPathComponent($0) }
            .filter { $0.path != catalogue }.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        let used = Set(text.matches(of: /\.([a-z][A-Za-z0-9]*)\b/).map { String($0.output.1) })
        let unused = MessageID.allCases.filter { !used.contains($0.rawValue) }
        #expect(unused.isEmpty, "messages no code uses: \(unused)")
    }
}
