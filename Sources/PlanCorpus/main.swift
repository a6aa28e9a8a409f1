import Foundation
import PlanKit

// `make corpus`: imports every plan of the corpus (default Tests/Fixtures/corpus) and prints, per file, the
// items found and how they compare with the hand-made expected list where there is one; then every wrong
// field. Exits 1 when an expected item is wrong and known-wrong.txt does not list it.
let arguments = CommandLine.arguments.dropFirst()
// `PlanCorpus --items FILE`: the items of one plan, one line each, to look at while working on the rules.
if let k = arguments.firstIndex(of: "--items"), k + 1 < arguments.endIndex {
    let path = arguments[k + 1]
    let text = try PlanImporter.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
    let plan = PlanImporter(registry: .empty).read(text, options: ImportOptions(standingDuties: true))
    for i in plan.items {
        print("\(i.number)\t\(i.standing ? "S" : "")\t\(i.lead ?? "-")\t\(i.support)\t\(i.timeframe ?? "-")")
    }
    exit(0)
}
let corpus = URL(fileURLWithPath: arguments.first { !$0.hasPrefix("-") } ?? "Tests/Fixtures/corpus")
let results = CorpusCheck.run(corpus: corpus)
// `PlanCorpus --known-wrong`: the keys of every wrong field, for `known-wrong.txt`.
if arguments.contains("--known-wrong") {
    for m in results.flatMap(\.mismatches) { print(m.key) }
    exit(0)
}
print("## Items\n")
print(CorpusCheck.table(results))
let mismatches = results.flatMap(\.mismatches)
if !mismatches.isEmpty {
    print("## Wrong\n")
    for m in mismatches { print("- \(m)") }
    print()
}
for r in results where r.error != nil { print("error: \(r.file): \(r.error!)") }

// MARK: Timeframe coverage
// Every phrasing of `timeframes.tsv` (phrase, count, source) by the kind the grammar gives it.
var unclassified: [String] = []
if let tsv = try? String(contentsOf: corpus.appendingPathComponent("timeframes.tsv"), encoding: .utf8) {
    var phrasings: [TimeframeKind: Int] = [:]
    var occurrences: [TimeframeKind: Int] = [:]
    for line in tsv.split(separator: "\n").dropFirst() {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard let phrase = columns.first, !phrase.isEmpty else { continue }
        let kind = TimeframeParser.classify(String(phrase), period: nil)
        phrasings[kind, default: 0] += 1
        occurrences[kind, default: 0] += columns.count > 1 ? Int(columns[1]) ?? 1 : 1
        if kind == .unknown || kind == .invalid { unclassified.append("\(phrase) (\(kind.rawValue))") }
    }
    print("## Timeframes\n")
    print("| kind | phrasings | occurrences |\n|---|---:|---:|")
    for kind in TimeframeKind.allCases {
        print("| \(kind.rawValue) | \(phrasings[kind] ?? 0) | \(occurrences[kind] ?? 0) |")
    }
    print("| total | \(phrasings.values.reduce(0, +)) | \(occurrences.values.reduce(0, +)) |\n")
    for u in unclassified { print("- not classified: \(u)") }
}

// The fields known to be wrong are listed beside the corpus; any other wrong field fails the run.
let listed = (try? String(contentsOf: corpus.appendingPathComponent("known-wrong.txt"), encoding: .utf8)) ?? ""
let known = Set(listed.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
let new = mismatches.filter { !known.contains($0.key) }
print("wrong fields: \(mismatches.count) (\(mismatches.count - new.count) listed in known-wrong.txt, \(new.count) new)")
exit(new.isEmpty && unclassified.isEmpty && results.allSatisfy { $0.error == nil } ? 0 : 1)
