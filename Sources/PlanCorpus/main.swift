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
// Reserved: the timeframe classification of `timeframes.tsv` by kind is added here once the timeframe
// grammar exposes it (issue 15, part 7).

// The fields known to be wrong are listed beside the corpus; any other wrong field fails the run.
let listed = (try? String(contentsOf: corpus.appendingPathComponent("known-wrong.txt"), encoding: .utf8)) ?? ""
let known = Set(listed.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
let new = mismatches.filter { !known.contains($0.key) }
print("wrong fields: \(mismatches.count) (\(mismatches.count - new.count) listed in known-wrong.txt, \(new.count) new)")
exit(new.isEmpty && results.allSatisfy { $0.error == nil } ? 0 : 1)
