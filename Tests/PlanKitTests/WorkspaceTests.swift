import Foundation
import TestSupport
import Testing

@testable import PlanKit

@Suite struct WorkspaceConfigTests {
    func parse(_ yaml: String) throws(PlanError) -> WorkspaceConfig {
        try WorkspaceConfig.parse(bytes: Array(yaml.utf8), ruleIDs: WorkspaceLoader.ruleIDs)
    }

    func configError(_ yaml: String) -> (line: Int, column: Int, text: String)? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            guard case .config(_, let l, let c, let m) = error else { return nil }
            return (l, c, m.render(.en))
        }
    }

    @Test func readsSettings() throws {
        let c = try parse(
            "locale: en\nperiod: 2021-2025\nrules:\n  timeframe-overdue: off\n  unit-alias: error\nignore: [plans/old/**]\n"
        )
        #expect(c.locale == .en)
        #expect(c.period == PlanPeriod(start: CivilDate(iso: "2021-01-01")!, end: CivilDate(iso: "2025-12-31")!))
        #expect(c.severity(of: TimeframeOverdueRule.description) == nil)
        #expect(c.severity(of: UnitAliasRule.description) == .error)
        #expect(c.isIgnored("plans/old/x/1a.md"))
        #expect(!c.isIgnored("plans/new/1a.md"))
    }

    @Test func unknownKeySuggestsTheNearest() {
        let e = configError("locale: vi\nperoid: 2021-2025\n")
        #expect(e?.line == 2 && e?.column == 1)
        #expect(e?.text.contains("did you mean ‘period’") == true)
    }

    @Test func unknownRuleSuggestsTheNearest() {
        let e = configError("rules:\n  unit-unknwn: warning\n")
        #expect(e?.line == 2 && e?.column == 3)
        #expect(e?.text.contains("‘unit-unknown’") == true)
    }

    @Test func badSeverity() {
        let e = configError("rules:\n  unit-unknown: loud\n")
        #expect(e?.line == 2 && e?.column == 17)
    }

    @Test func globs() {
        #expect(Glob.matches("plans/*/draft-*.md", "plans/a/draft-1.md"))
        #expect(!Glob.matches("plans/*/draft-*.md", "plans/a/b/draft-1.md"))
        #expect(Glob.matches("plans/**/draft-*.md", "plans/a/b/draft-1.md"))
        #expect(Glob.matches("plans/archive", "plans/archive/x.md"))
    }

    @Test func safePaths() {
        #expect(WorkspacePath.isSafeRelative("plans/a/1a.md"))
        #expect(!WorkspacePath.isSafeRelative("../x"))
        #expect(!WorkspacePath.isSafeRelative("plans/../../x"))
        #expect(!WorkspacePath.isSafeRelative("/etc/passwd"))
        #expect(!WorkspacePath.isSafeRelative(""))
        #expect(!WorkspacePath.isSafeRelative("."))
    }
}

@Suite struct CatalogueTests {
    /// Every message exists in both languages, the two use the same arguments, and none is left
    /// untranslated.
    @Test(arguments: MessageID.allCases)
    func messageIsComplete(_ id: MessageID) throws {
        let t = try #require(Catalogue.table[id], "no entry for \(id)")
        #expect(!t.en.isEmpty && !t.vi.isEmpty)
        let all = Catalogue.placeholders(in: t.en).union(Catalogue.placeholders(in: t.vi))
        #expect(all == Set(0..<all.count), "placeholders of \(id) are not 0..<n: \(all)")
        // Identical on purpose: a bare "path: reason", and git's own word "commit".
        let sameInBoth: Set<MessageID> = [.ioError, .rangeCommit]
        if !sameInBoth.contains(id) { #expect(t.en != t.vi, "\(id) is not translated") }
    }

    @Test func ruleSummariesInBothLanguages() {
        for d in RuleRegistry.descriptions {
            #expect(!d.summary.en.isEmpty && !d.summary.vi.isEmpty && d.summary.en != d.summary.vi, "\(d.id)")
        }
    }

    @Test func fillsArguments() {
        #expect(Message(.unitDuplicate, "‘A’").render(.en) == "‘A’ is listed twice")
        #expect(Message(.unitDuplicate, "‘A’").render(.vi) == "‘A’ được ghi hai lần")
    }
}

@Suite struct JSONValueTests {
    @Test func parsesAndSerialisesInOrder() throws {
        let v = try JSONValue.parse(Data(#"{"b": [1, 2.5, true, null, "x\n\"y\""], "a": {}}"#.utf8))
        #expect(v["b"]?.arrayValue?.count == 5)
        #expect(v["b"]?.arrayValue?[2] == .bool(true))
        let o: JSONValue = ["version": 1, "name": "Phòng \"A\"", "list": [1.5, false]]
        #expect(o.serialized(indent: nil) == #"{"version":1,"name":"Phòng \"A\"","list":[1.5,false]}"#)
    }

    @Test func equalityIgnoresKeyOrder() {
        let a: JSONValue = ["x": 1, "y": 2]
        let b: JSONValue = ["y": 2, "x": 1.0]
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(JSONValue.bool(false) != JSONValue.number(0))
    }
}

@Suite struct BundledWorkspaceTests {
    static let root = Fixtures.repositoryRoot.path

    /// The repository's schema is the default one `plan init` writes.
    @Test func schemaFileIsTheDefault() throws {
        let file = try String(contentsOfFile: Self.root + "/schemas/plan-item.schema.json", encoding: .utf8)
        #expect(file == DefaultWorkspace.itemSchema)
    }

    @Test func bundledPlanHasTheSeedsIrregularitiesAsWarningsOnly() throws {
        let result = try Checker.check(
            source: DirectoryFileSource(root: Self.root),
            options: CheckOptions(today: CivilDate(iso: "2021-10-01")!))
        #expect(
            result.errors == 0,
            "\(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.rule)" })")
        #expect(result.items == 22)
        let rules = Set(result.diagnostics.map(\.rule))
        #expect(
            rules.isSuperset(of: [
                "unit-alias", "text-repeated-word", "text-citation-inconsistent", "unit-trailing-text",
            ]))
        let repeated = result.diagnostics.first {
            $0.rule == "text-repeated-word" && $0.location.path.hasSuffix("7b.md")
        }
        #expect(repeated?.message.render(.vi).contains("công tác") == true)
        // On 2021-10-01 only 1.a (September 2021) is overdue.
        #expect(result.diagnostics.filter { $0.rule == "timeframe-overdue" }.map(\.item) == ["dvk-2021/1.a"])
    }

    @Test func everyItemHasLeadAndTimeframe() throws {
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: Self.root))
        let ids = snapshot.items.compactMap(\.idValue)
        #expect(ids.count == 22)
        #expect(ids.contains("dvk-2021/6.đ") && ids.contains("dvk-2021/7.a"))
        let header = try #require(snapshot.headers["dvk-2021"])
        #expect(header.period?.description == "2021-2025")
        #expect(header.reports.compactMap { $0.due.every?.month } == [6, 11])
    }

    /// A 2021–2025 plan has no report due after 2025: `plan status` lists none in 2027.
    @Test func reportDatesStopWithThePlansPeriod() throws {
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: Self.root))
        func upcoming(_ today: String) -> [String] {
            PlanStatus(snapshot: snapshot, today: CivilDate(iso: today)!).reports.map(\.due.description)
        }
        #expect(upcoming("2024-05-01") == ["2024-06-10", "2024-11-15"])
        #expect(upcoming("2025-07-01") == ["2025-11-15"])
        #expect(upcoming("2025-11-16").isEmpty)
        #expect(upcoming("2026-12-03").isEmpty)
        // Before the period starts, the first report is in its first year.
        #expect(upcoming("2020-12-01") == ["2021-06-10", "2021-11-15"])
    }
}
