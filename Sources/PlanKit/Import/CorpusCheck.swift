import Foundation

/// Imports plans and compares the items with hand-made expected lists (`expected/NN.json`): the item
/// count, and for every item its lead, its set of supporting units and its timeframe. `make corpus` and
/// the tests run the same comparison.
public enum CorpusCheck {
    /// One hand-checked item, as `expected/NN.json` writes it.
    public struct Expected: Decodable, Sendable {
        public var number: String
        public var title: String
        public var lead: String?
        public var support: [String]
        public var timeframe: String?
        /// A unit's standing duty from a lower-ranked part: compared only when those are imported.
        public var standing: Bool?
    }

    /// A difference between an imported item and its expected one.
    public struct Mismatch: Sendable, CustomStringConvertible {
        public var file: String
        public var expected: String
        public var field: String
        public var want: String
        public var got: String

        public var description: String { "\(file) \(expected) \(field): want «\(want)», got «\(got)»" }
        /// File, expected item and field: what `known-wrong.txt` lists.
        public var key: String { "\(file) \(expected) \(field)" }
    }

    public struct FileResult: Sendable {
        public var file: String
        public var items: Int
        public var standing: Int
        /// Expected items and standing duties, when there is a list.
        public var expected: Int?
        public var expectedStanding: Int?
        public var right: Int = 0
        public var mismatches: [Mismatch] = []
        public var error: String?
    }

    /// The plan files of a corpus folder, sorted, with their expected lists when there are.
    public static func run(corpus: URL, registry: UnitRegistry = .empty) -> [FileResult] {
        let plans = corpus.appendingPathComponent("plans")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: plans.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        return names.map { name in
            let prefix = String(name.prefix(while: { $0 != "-" }))
            let expectedURL = plans.appendingPathComponent("expected/\(prefix).json")
            let expected = (try? Data(contentsOf: expectedURL)).flatMap {
                try? JSONDecoder().decode([Expected].self, from: $0)
            }
            return check(file: plans.appendingPathComponent(name), name: name, expected: expected, registry: registry)
        }
    }

    static func check(file: URL, name: String, expected: [Expected]?, registry: UnitRegistry) -> FileResult {
        var result = FileResult(file: name, items: 0, standing: 0)
        let text: String
        do {
            text = try PlanImporter.decode(Array(try Data(contentsOf: file)), path: name)
        } catch {
            result.error = "\(error)"
            return result
        }
        let importer = PlanImporter(registry: registry)
        let plain = importer.read(text)
        let all = importer.read(text, options: ImportOptions(standingDuties: true))
        result.items = plain.items.count
        result.standing = all.items.filter(\.standing).count
        guard let expected else { return result }
        let main = expected.filter { $0.standing != true }
        let standing = expected.filter { $0.standing == true }
        result.expected = main.count
        result.expectedStanding = standing.count
        compare(plain.items, main, file: name, into: &result)
        if !standing.isEmpty { compare(all.items.filter(\.standing), standing, file: name, into: &result) }
        return result
    }

    private static func compare(_ items: [ImportedItem], _ expected: [Expected], file: String, into r: inout FileResult)
    {
        if items.count != expected.count {
            r.mismatches.append(
                Mismatch(
                    file: file, expected: "(all)", field: "count", want: String(expected.count),
                    got: String(items.count)))
        }
        for (k, want) in expected.enumerated() {
            guard k < items.count else {
                r.mismatches.append(
                    Mismatch(file: file, expected: want.number, field: "item", want: want.title, got: "-"))
                continue
            }
            let got = items[k]
            var ok = true
            func differ(_ field: String, _ a: String, _ b: String) {
                ok = false
                r.mismatches.append(Mismatch(file: file, expected: want.number, field: field, want: a, got: b))
            }
            if normal(want.lead) != normal(got.lead) { differ("lead", want.lead ?? "-", got.lead ?? "-") }
            if Set(want.support.map { normal($0) }) != Set(got.support.map { normal($0) }) {
                differ("support", want.support.joined(separator: " | "), got.support.joined(separator: " | "))
            }
            if normal(want.timeframe) != normal(got.timeframe) {
                differ("timeframe", want.timeframe ?? "-", got.timeframe ?? "-")
            }
            if ok { r.right += 1 }
        }
    }

    /// Whitespace collapsed, one final full stop or semicolon dropped: how lists and items may differ.
    static func normal(_ s: String?) -> String {
        guard let s else { return "" }
        var t = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = t.last, last == "." || last == ";" || last == "," { t.removeLast() }
        return t
    }

    /// The table `make corpus` prints.
    public static func table(_ results: [FileResult]) -> String {
        var out = "| file | items | standing | expected | right | wrong fields |\n|---|---:|---:|---:|---:|---:|\n"
        var totals = (items: 0, standing: 0, expected: 0, right: 0, wrong: 0)
        for r in results {
            let expected = r.expected.map { e in "\(e)" + (r.expectedStanding.map { $0 > 0 ? " + \($0)" : "" } ?? "") }
            let fields = r.mismatches.filter { $0.field != "count" }.count
            out += "| \(r.file.prefix(40)) | \(r.error == nil ? String(r.items) : "error") | \(r.standing) | "
            out += "\(expected ?? "–") | \(r.expected == nil ? "–" : String(r.right)) | "
            out += "\(r.expected == nil ? "–" : String(fields)) |\n"
            totals.items += r.items
            totals.standing += r.standing
            totals.expected += (r.expected ?? 0) + (r.expectedStanding ?? 0)
            totals.right += r.right
            totals.wrong += fields
        }
        out +=
            "| total | \(totals.items) | \(totals.standing) | \(totals.expected) | \(totals.right) | \(totals.wrong) |\n"
        return out
    }
}
