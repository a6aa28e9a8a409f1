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
        // its plan its header and its first item; nothing reaches khac's 1a, nor 2a: the document 1a
        // cites keeps its one form, so the files citing it are not needed.
        let related = CrossFileLayer.related(to: ["plans/demo/1/1a.md"], in: [before, after], plansPath: "plans")
        #expect(
            related.files == [
                "plans/demo/1/1a.md", "plans/demo/1/1b.md", "plans/demo/plan.md", "plans/khac/1/1b.md",
            ])
        #expect(related.preferredCitations.isEmpty)
    }

    /// Files citing one document in three forms, in path order.
    func citing(_ forms: [[String]]) -> [CrossFileIndex.Record] {
        forms.enumerated().map { i, texts in
            var f = DocumentFacts()
            f.citations = texts.map { DocumentFacts.CitationUse(key: "6|CT|UBND", text: $0, line: 9, column: 1) }
            f.citations.insert(DocumentFacts.CitationUse(key: "8|CT|TU", text: "08-CT/TU", line: 8, column: 1), at: 0)
            return CrossFileIndex.Record(
                FileFacts(
                    path: "plans/demo/1/\(i + 10).md", planID: "demo", isHeader: false, isItem: true, facts: f),
                contentID: "")
        }
    }

    @Test func aChangeThatKeepsTheCitedFormReadsNoOtherFileCitingIt() throws {
        let files = citing([["06/CT-UBND"], ["06-CT-UBND"], ["06/CT-UBND"], ["06/CT-UBND", "06-CT-UBND"]])
        let base = try #require(CrossFileIndex(bytes: CrossFileIndex.encode(tree: "t", workspace: "", records: files)))
        let before = CrossFileLayer(base: base)
        #expect(base.citationForms("6|CT|UBND").preference == .form("06/CT-UBND"))
        #expect(base.citationForms("6|CT|UBND").forms.map(\.count) == [2, 3])
        #expect(base.citationForms("1|CT|UBND") == CitationForms())
        // One more use of the other form: the official one stays preferred.
        let kept = before.applying([files[0].path: citing([["06-CT-UBND"]])[0]])
        let reach = CrossFileLayer.related(to: [files[0].path], in: [before, kept], plansPath: "plans")
        #expect(reach.files == [files[0].path, "plans/demo/plan.md"])
        #expect(reach.preferredCitations == ["6|CT|UBND": "06/CT-UBND"])
        // Another official form, used more often than the one preferred: every file citing it is read.
        let moved = before.applying([files[0].path: citing([["06-CT/UBND", "06-CT/UBND", "06-CT/UBND"]])[0]])
        #expect(moved.citationForms("6|CT|UBND")?.preference == .form("06-CT/UBND"))
        let reach2 = CrossFileLayer.related(to: [files[0].path], in: [before, moved], plansPath: "plans")
        #expect(reach2.files == Set(files.map(\.path) + ["plans/demo/plan.md"]))
        #expect(reach2.preferredCitations == [:])
    }

    /// The counts a layer keeps are the counts of the files it stands for, or unknown; never wrong.
    @Test func citationFormsFollowChangesAsARecountWould() throws {
        var random = FixPropertyTests.Random(state: 7)
        let texts = ["06/CT-UBND", "06-CT-UBND", "06/CT/UBND"]
        func someUses() -> [String] { (0..<Int(random.next() % 4)).map { _ in random.pick(texts) } }
        var known = 0
        for _ in 0..<200 {
            let files = citing((0..<8).map { _ in someUses() })
            let base = try #require(
                CrossFileIndex(bytes: CrossFileIndex.encode(tree: "t", workspace: "", records: files)))
            var state = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
            var changes: [String: CrossFileIndex.Record?] = [:]
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let k = Int(random.next() % 10)
                let path = "plans/demo/1/\(k + 10).md"
                let new = random.chance(25) ? nil : citing(Array(repeating: [], count: k) + [someUses()])[k]
                changes[path] = new
                state[path] = new
            }
            let layer = CrossFileLayer(base: base).applying(changes)
            let recount = CitationForms(
                key: "6|CT|UBND",
                files: state.values.sorted { ByteOrder.less($0.path, $1.path) }.map { ($0.path, $0.facts.citations) })
            #expect(
                base.citationForms("6|CT|UBND")
                    == CitationForms(
                        key: "6|CT|UBND", files: files.map { ($0.path, $0.facts.citations) }))
            let counted = try #require(layer.citationForms("6|CT|UBND"))
            // The same counts; a first use is the recount's or unknown.
            #expect(counted.forms.map(\.text) == recount.forms.map(\.text))
            #expect(counted.forms.map(\.count) == recount.forms.map(\.count))
            for (c, r) in zip(counted.forms, recount.forms) where c.first.use != Int.max { #expect(c.first == r.first) }
            // The preference is the recount's whenever it is known.
            guard counted.preference != .unknown else { continue }
            known += 1
            #expect(counted.preference == recount.preference)
        }
        // Most changes leave the preference known.
        #expect(known > 180)
    }
}
