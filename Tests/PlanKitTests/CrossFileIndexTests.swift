import Foundation
import Testing

@testable import PlanKit

@Suite struct CrossFileIndexTests {
    func record(
        _ path: String, id: String? = nil, depends: [String] = [], cites: [String] = [], plan: String = "demo"
    ) -> CrossFileIndex.Record {
        var f = DocumentFacts()
        f.id = id.map { DocumentFacts.Located($0, 2, 5) }
        f.dependsOn = depends.map { DocumentFacts.Located($0, 3, 7) }
        f.citations = cites.map { DocumentFacts.CitationUse(key: $0, text: $0, line: 9, column: 1) }
        return CrossFileIndex.Record(
            FileFacts(
                path: path, planID: plan, isHeader: path.hasSuffix("plan.md"), isItem: !path.hasSuffix("plan.md"),
                facts: f),
            contentID: String(repeating: "a", count: 40))
    }

    var records: [CrossFileIndex.Record] {
        [
            record("plans/demo/plan.md", id: "demo"),
            record("plans/demo/1/1a.md", id: "demo/1.a", cites: ["06|CT|UBND"]),
            record("plans/demo/1/1b.md", id: "demo/1.b", depends: ["demo/1.a"], cites: ["06|CT|UBND", "8|CT|TU"]),
            record("plans/khac/1/1a.md", id: "khác/1.a", cites: ["8|CT|TU"], plan: "khac"),
            record("plans/khac/1/1b.md", id: "khac/1.b", depends: ["demo/1.b"], plan: "khac"),
        ]
    }

    @Test func savedAndReadBackByPathAndByKey() throws {
        let bytes = CrossFileIndex.encode(tree: "t", workspace: "", records: records.reversed())
        let index = try #require(CrossFileIndex(bytes: bytes))
        #expect(index.tree == "t")
        #expect(index.fileCount == 5)
        #expect(index.itemCount == 4)
        for r in records { #expect(index.record(r.path) == r) }
        #expect(index.record("plans/demo/1/1c.md") == nil)
        #expect(index.record("") == nil)
        #expect(
            index.paths(withKey: CrossFileKey.citation("06|CT|UBND")) == ["plans/demo/1/1a.md", "plans/demo/1/1b.md"])
        #expect(index.paths(withKey: CrossFileKey.plan("khac")) == ["plans/khac/1/1a.md", "plans/khac/1/1b.md"])
        #expect(index.paths(withKey: CrossFileKey.dependsOn("demo/1.b")) == ["plans/khac/1/1b.md"])
        #expect(index.paths(withKey: CrossFileKey.id("nothing")) == [])
        // Ids are compared as the rules compare them: a decomposed "á" finds the composed one.
        #expect(index.paths(withKey: CrossFileKey.id("kha\u{301}c/1.a")) == ["plans/khac/1/1a.md"])
    }

    @Test func damagedOrPartialBytesAreRefused() {
        let bytes = CrossFileIndex.encode(tree: "t", workspace: "", records: records)
        #expect(CrossFileIndex(bytes: Array(bytes.dropLast())) == nil)
        #expect(CrossFileIndex(bytes: Array(bytes.prefix(40))) == nil)
        #expect(CrossFileIndex(bytes: []) == nil)
        for at in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[at] ^= 0x5A
            #expect(CrossFileIndex(bytes: damaged) == nil, "byte \(at)")
        }
    }

    @Test func aLayerOfChangesAndTheFilesAChangeTouches() throws {
        let base = try #require(
            CrossFileIndex(bytes: CrossFileIndex.encode(tree: "t", workspace: "", records: records)))
        let before = CrossFileLayer(base: base)
        // 1a of demo leaves; a new file cites the document 1a and 1b cited.
        let after = before.applying([
            "plans/demo/1/1a.md": nil,
            "plans/demo/2/2a.md": record("plans/demo/2/2a.md", id: "demo/2.a", cites: ["06|CT|UBND"]),
        ])
        #expect(after.itemCount == 4)
        #expect(after.record("plans/demo/1/1a.md") == nil)
        #expect(
            after.paths(withKey: CrossFileKey.citation("06|CT|UBND")) == ["plans/demo/1/1b.md", "plans/demo/2/2a.md"])
        #expect(
            CrossFileLayer.versions(of: "plans/demo/1/1a.md", in: [before, after]).map(\.path) == ["plans/demo/1/1a.md"]
        )
        #expect(
            CrossFileLayer.versions(of: "plans/demo/1/1b.md", in: [before, after])
                == [base.record("plans/demo/1/1b.md")!, base.record("plans/demo/1/1b.md")!])
        #expect(
            CrossFileLayer.versions(of: "plans/demo/2/2a.md", in: [before, after]).map(\.path) == ["plans/demo/2/2a.md"]
        )
        #expect(before.firstItem(ofPlan: "demo") == "plans/demo/1/1a.md")
        #expect(after.firstItem(ofPlan: "demo") == "plans/demo/1/1b.md")
        #expect(after.firstItem(ofPlan: "none") == nil)
        // Deleting 1a touches what depends on it (1b), and through 1b's id what depends on 1b (khac 1b);
        // its citation reaches 1b and 2a, its plan its header and its first item; nothing reaches khac's 1a.
        let related = CrossFileLayer.related(to: ["plans/demo/1/1a.md"], in: [before, after], plansPath: "plans")
        #expect(
            related == [
                "plans/demo/1/1a.md", "plans/demo/1/1b.md", "plans/demo/plan.md", "plans/demo/2/2a.md",
                "plans/khac/1/1b.md",
            ])
    }
}
