import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// `make corpus` as a test: every plan of the development corpus imports, and every item of every
/// expected list has the expected lead, supporting units and timeframe. The fields still wrong are
/// listed in `known-wrong.txt`: the test fails on any other wrong field, and on a listed one that has
/// become right (take it off the list), so the list only shrinks.
@Suite struct CorpusTests {
    static let corpus = Fixtures.url("corpus")

    @Test func expectedItemsAreRight() throws {
        let results = CorpusCheck.run(corpus: Self.corpus)
        #expect(results.count == 24)
        for r in results { #expect(r.error == nil, "\(r.file): \(r.error ?? "")") }
        let listed = try String(contentsOf: Self.corpus.appendingPathComponent("known-wrong.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let known = Set(listed)
        let wrong = results.flatMap(\.mismatches)
        for m in wrong where !known.contains(m.key) { Issue.record("\(m)") }
        let now = Set(wrong.map(\.key))
        for k in listed where !now.contains(k) { Issue.record("right now, take it off known-wrong.txt: \(k)") }
    }

    @Test func everyFileOfEveryLayoutGivesItems() {
        for r in CorpusCheck.run(corpus: Self.corpus) { #expect(r.items > 0, "\(r.file)") }
    }
}
