import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// `Tests/Fixtures/hostile/`: files as people make them by accident or on purpose, each checked as an
/// item of a real workspace on disk. `expected.txt` lists, per file, every finding on it (rule, line,
/// column) — or `ok` — and is a golden file (`PLAN_UPDATE_GOLDEN=1` rewrites it after a review).
@Suite struct HostileInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }
            .sorted()
    }

    static func findings(_ name: String, in dir: TemporaryDirectory) throws -> String {
        let path = "plans/demo/1-muc/" + name
        try dir.write(path, Data(contentsOf: folder.appendingPathComponent(name)))
        defer { try? dir.remove(path) }
        let result = try Checker.check(
            source: DirectoryFileSource(root: dir.path), options: CheckOptions(today: ExampleWorkspace.today))
        let mine = result.diagnostics.filter { $0.location.path == path }
        let text =
            mine.isEmpty
            ? "ok" : mine.map { "\($0.rule) \($0.location.line):\($0.location.column)" }.joined(separator: ", ")
        return name + ": " + text
    }

    @Test func everyFileGetsItsFinding() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let actual = try Self.names.map { try Self.findings($0, in: dir) }.joined(separator: "\n") + "\n"
        let url = Self.folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["PLAN_UPDATE_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let a = actual.split(separator: "\n")
        let e = expected.split(separator: "\n")
        for (x, y) in zip(a, e) { #expect(x == y) }
        #expect(a.count == e.count)
    }
}
