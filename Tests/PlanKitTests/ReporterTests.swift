import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// Every output format in both languages against golden files (`PLAN_UPDATE_GOLDEN=1` rewrites them).
@Suite struct ReporterTests {
    static func result() throws -> CheckResult {
        var files = ExampleWorkspace.baseFiles
        files[ExampleWorkspace.itemPath] = ExampleWorkspace.item(
            ["lead: Phòng Tuyên truyền - Báo chí và Xuất bản", "status: in-progress"],
            body: "Đổi mới công tác công tác quản lý.\n")
        files["plans/demo/1-muc/1b.md"] = ExampleWorkspace.item([
            "id: demo/1.b", "lead: Phòng Không Có", "timeframe: Quý III/2022",
        ])
        files["plans/demo/1-muc/1c.md"] = "---\nid: demo/1.c\ntitle: [chưa đóng\n---\n"
        // An info finding: SARIF calls it a note, GitHub a notice.
        files["plans/demo/1-muc/1d.md"] = ExampleWorkspace.item([
            "id: demo/1.d", "timeframe: Sau khi Nghị định được ban hành", "status: planned",
        ])
        return try Checker.check(
            source: MemoryFileSource(files: files), options: CheckOptions(today: ExampleWorkspace.today))
    }

    static func golden(_ name: String, _ actual: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["PLAN_UPDATE_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from its golden file")
    }

    @Test(arguments: Language.allCases)
    func formats(_ language: Language) throws {
        let r = try Self.result()
        #expect(r.errors == 2 && r.warnings == 3 && r.infos == 1)
        try Self.golden("check.\(language).txt", TextReporter(language: language).report(r))
        try Self.golden("check.\(language).colour.txt", TextReporter(language: language, colour: true).report(r))
        try Self.golden("check.\(language).json", JSONReporter(language: language).report(r))
        try Self.golden("check.\(language).sarif", SARIFReporter(language: language, version: "0.1.0").report(r))
        try Self.golden("check.\(language).github.txt", GitHubReporter(language: language).report(r))
    }

    /// The SARIF output is valid SARIF 2.1.0, by the official schema.
    @Test(arguments: Language.allCases)
    func sarifValidatesAgainstTheSchema(_ language: Language) throws {
        let schemaJSON = try JSONValue.parse(Data(contentsOf: Fixtures.url("sarif/sarif-schema-2.1.0.json")))
        let schema = try JSONSchema.compile(schemaJSON, options: .init(assertFormat: false))
        let output = SARIFReporter(language: language, version: "0.1.0").report(try Self.result())
        let violations = schema.validate(try JSONValue.parse(Data(output.utf8)))
        #expect(violations.isEmpty, "\(violations.prefix(5).map { "\($0.path) \($0.keyword)" })")
        // The schema does find broken SARIF.
        let broken: JSONValue = ["version": "2.1.0", "runs": [["tool": ["driver": [:]]]]]
        #expect(!schema.validate(broken).isEmpty)
    }

    /// Past code scanning's limit of results per run, the most severe are kept, still valid SARIF,
    /// with a notification of how many were left out.
    @Test func sarifKeepsWithinCodeScanningLimits() throws {
        let result = try Self.result()
        let limit = 3
        try #require(result.diagnostics.count > limit && result.errors > 0)
        let output = SARIFReporter(language: .en, version: "0.1.0", maxResults: limit).report(result)
        let json = try JSONValue.parse(Data(output.utf8))
        let run = try #require(json["runs"]?.arrayValue?.first)
        let levels = run["results"]?.arrayValue?.compactMap { $0["level"]?.stringValue } ?? []
        #expect(levels.count == limit)
        let severities = result.diagnostics.map(\.severity).sorted(by: >).prefix(limit).map(\.sarifLevel)
        #expect(levels.sorted() == severities.sorted())
        let note = run["invocations"]?.arrayValue?.first?["toolExecutionNotifications"]?.arrayValue?.first
        #expect(
            note?["message"]?["text"]?.stringValue?.hasPrefix("\(limit) of \(result.diagnostics.count) findings")
                == true)
        let schemaJSON = try JSONValue.parse(Data(contentsOf: Fixtures.url("sarif/sarif-schema-2.1.0.json")))
        let schema = try JSONSchema.compile(schemaJSON, options: .init(assertFormat: false))
        #expect(schema.validate(json).isEmpty)
    }

    @Test func githubEscapesWhatItMust() {
        #expect(GitHubReporter.data("50% xong\ndòng 2") == "50%25 xong%0Adòng 2")
        #expect(GitHubReporter.property("a:b,c") == "a%3Ab%2Cc")
    }
}

@Suite struct FixTests {
    func fixed(_ text: String) throws -> (String, Int) {
        var files = ExampleWorkspace.baseFiles
        files[ExampleWorkspace.itemPath] = text
        let source = MemoryFileSource(files: files)
        let result = try Checker.check(source: source, options: CheckOptions(today: ExampleWorkspace.today))
        let fixes = result.diagnostics.filter { RuleRegistry.description(of: $0.rule)?.fixable == true }.compactMap(
            \.fix)
        let (bytes, applied) = FixApplier.apply(fixes, to: Array(text.utf8))
        return (String(decoding: bytes, as: UTF8.self), applied.count)
    }

    static let messy = ExampleWorkspace.item(
        [
            "lead: Phòng Tuyên truyền - Báo chí và Xuất bản",
            "support:\n  - \"Phòng Văn hoá, Văn nghệ - Khoa giáo và Tổng hợp\"",
        ],
        body: "Tăng cường công tác công tác quản lý.\nHa\u{0300}nh chính.\n")

    @Test func fixesOnlyTheReportedSpansAndIsIdempotent() throws {
        let (once, n) = try fixed(Self.messy)
        #expect(n == 4)
        #expect(once.contains("lead: Phòng Tuyên truyền - Báo chí - Xuất bản\n"))
        #expect(once.contains("  - \"Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp\"\n"))
        #expect(once.contains("Tăng cường công tác quản lý.\nHành chính.\n"))
        let (twice, m) = try fixed(once)
        #expect(m == 0 && twice == once)
    }

    @Test(arguments: [("\u{FEFF}", "\n"), ("", "\r\n"), ("\u{FEFF}", "\r\n")])
    func keepsByteOrderMarkAndLineEnds(_ bom: String, _ eol: String) throws {
        let text = bom + Self.messy.replacingOccurrences(of: "\n", with: eol)
        let (out, n) = try fixed(text)
        #expect(n == 4)
        #expect(out.hasPrefix(bom + "---" + eol))
        #expect(out.components(separatedBy: eol).count == text.components(separatedBy: eol).count)
        #expect(!out.replacingOccurrences(of: eol, with: "").contains("\r") || eol == "\r\n")
        // Outside the fixed spans, every byte is as it was: the same lines apart from the fixed ones.
        let before = text.components(separatedBy: eol)
        let after = out.components(separatedBy: eol)
        let changed = zip(before, after).filter { !$0.unicodeScalars.elementsEqual($1.unicodeScalars) }.count
        #expect(changed == 4)
    }

    /// For random files, valid or not, the fixes leave every byte outside their spans untouched.
    @Test func randomFilesChangeOnlyReportedSpans() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "lead: Phòng Tuyên truyền - Báo chí và Xuất bản", "lead: Phòng Văn hoá, Văn nghệ - Khoa giáo và Tổng hợp",
            "title: Công tác công tác dân vận", "title: [hỏng", "status: xong", "tags: [a, a]",
            "timeframe: Tháng 13/2021", "note: ca\u{0301}c ho\u{0323}i nghi\u{0323}",
        ]
        for _ in 0..<60 {
            let fields = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }
            let body = ["Công tác công tác.", "Người người, nhà nhà.", "Hội nghi\u{0323} triển khai.", ""]
                .randomElement(using: &generator)!
            let text = ExampleWorkspace.item(fields, body: body + "\n")
            var files = ExampleWorkspace.baseFiles
            files[ExampleWorkspace.itemPath] = text
            let result = try Checker.check(
                source: MemoryFileSource(files: files), options: CheckOptions(today: ExampleWorkspace.today))
            let fixes = result.diagnostics.filter { RuleRegistry.description(of: $0.rule)?.fixable == true }.compactMap(
                \.fix)
            let bytes = Array(text.utf8)
            let (out, applied) = FixApplier.apply(fixes, to: bytes)
            if applied.isEmpty {
                #expect(out == bytes)
                continue
            }
            // Rebuild the file from the untouched bytes and the replacements: it must be the output.
            var rebuilt: [UInt8] = []
            var at = 0
            for f in applied.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                rebuilt += bytes[at..<f.range.lowerBound] + Array(f.replacement.utf8)
                at = f.range.upperBound
            }
            rebuilt += bytes[at...]
            #expect(rebuilt == out)
            #expect(String(validating: out, as: UTF8.self) != nil)
        }
    }
}

@Suite struct BaselineTests {
    @Test func onlyNewFindingsAndNotByLine() throws {
        let r = try ReporterTests.result()
        let baseline = try Baseline(path: "b.json", bytes: Array(Baseline(r.diagnostics).json().utf8))
        #expect(baseline.filter(r.diagnostics).isEmpty)
        // The same findings on other lines (a line added above) are still known.
        let moved = r.diagnostics.map { d -> Diagnostic in
            var d = d
            d.location.line += 3
            return d
        }
        #expect(baseline.filter(moved).isEmpty)
        // A new finding is reported.
        let extra = Diagnostic(
            location: SourceLocation(path: "plans/demo/1-muc/1a.md", line: 2, column: 1), rule: "unit-unknown",
            severity: .error, message: Message(.unitUnknown, "‘X’"), item: "demo/1.a")
        #expect(baseline.filter(r.diagnostics + [extra]) == [extra])
        #expect(throws: PlanError.self) { _ = try Baseline(path: "b.json", bytes: Array("{\"version\": 2}".utf8)) }
    }
}

/// The streaming JSON writer (large reports) writes what `JSONValue.serialized(indent: 2)` writes.
@Suite struct JSONWriterTests {
    static func value(_ r: inout SeededRandom, depth: Int) -> JSONValue {
        let pieces = ["a", "Sở Nội vụ", "\"", "\\", "\n", "\r\n", "\t", "\u{1}", "\u{7F}", "\u{1F}", "/", "😀", " ", ""]
        switch r.next() % (depth > 3 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(r.chance(50))
        case 2: return .number(r.pick([0, -1, 2.5, 1e21, 123_456, 0.1]))
        case 3: return .string((0..<Int(r.next() % 6)).map { _ in r.pick(pieces) }.joined())
        case 4: return .array((0..<Int(r.next() % 4)).map { _ in value(&r, depth: depth + 1) })
        default:
            var pairs: [(String, JSONValue)] = []
            for k in 0..<Int(r.next() % 4) { pairs.append(("k\(k)" + r.pick(pieces), value(&r, depth: depth + 1))) }
            return .object(.init(pairs, uniquingKeysWith: { a, _ in a }))
        }
    }

    @Test func writesWhatSerializedWrites() {
        var r = SeededRandom(state: 20)
        for _ in 0..<2000 {
            let v = Self.value(&r, depth: 0)
            var w = JSONWriter()
            w.value(v)
            #expect(String(decoding: w.line(), as: UTF8.self) == v.serialized(indent: 2) + "\n")
        }
    }
}

/// The report's JSON, written in runs on every core, is the JSON of its tree form.
@Suite struct JSONReportTests {
    @Test(arguments: [0, 1, 63, 64, 65, 1000])
    func runsJoinIntoTheWholeReport(count: Int) {
        var r = SeededRandom(state: UInt64(count))
        let texts = ["Sở Nội vụ", "a \"quoted\"\nline", "\\", "\t", ""]
        let commits = (0..<count).map { k in
            CommitReport(
                id: String(repeating: "\(k % 10)", count: 40), author: r.pick(texts), email: "a@b.c",
                time: Int64(k) * 86_400, offsetMinutes: 420, message: r.pick(texts) + "\n",
                changes: (0..<Int(r.next() % 3)).map { _ in
                    ItemChange(
                        kind: r.pick([.added, .removed, .moved, .modified]), item: "p/\(k)", path: "plans/p/\(k).md",
                        fromPath: r.chance(30) ? "plans/q/\(k).md" : nil,
                        fields: [
                            FieldChange(field: "status", from: .string("planned"), to: .string(r.pick(texts))),
                            FieldChange(field: "body", from: nil, to: nil, detail: .body(added: 2, removed: 1)),
                            FieldChange(
                                field: "support", from: .array(["A"]), to: .array(["B"]),
                                detail: .units(added: ["B"], removed: ["A"], respelled: false)),
                        ])
                })
        }
        let tree: JSONValue = ["version": 1, "commits": .array(commits.map(JSONReportRenderer.commit))]
        #expect(JSONReportRenderer.render(commits) == tree.serialized(indent: 2) + "\n")
    }
}
