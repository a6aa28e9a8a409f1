import Foundation
import Testing

@testable import PlanKit

/// Every timeframe phrasing gathered from real plans (`Tests/Fixtures/corpus/timeframes.tsv`) has a
/// meaning: none is unknown, none an error.
@Suite struct TimeframeCorpusTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/corpus/timeframes.tsv")

    /// The phrases with how often each was seen, from the tab-separated file (header line skipped).
    static func phrases() throws -> [(phrase: String, count: Int)] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 2, let n = Int(cells[1]) else { return nil }
            return (String(cells[0]), n)
        }
    }

    @Test func everyPhrasingIsClassified() throws {
        let all = try Self.phrases()
        #expect(all.count >= 150)
        var byKind: [TimeframeKind: Int] = [:]
        var failed: [String] = []
        for (phrase, _) in all {
            let kind = TimeframeParser.classify(phrase, period: nil)
            byKind[kind, default: 0] += 1
            if kind == .unknown || kind == .invalid { failed.append("\(kind.rawValue): \(phrase)") }
        }
        #expect(failed.isEmpty, "\(failed.count) of \(all.count) not classified:\n\(failed.joined(separator: "\n"))")
        // Each kind the grammar knows occurs in real plans.
        for kind in TimeframeKind.allCases where kind != .unknown && kind != .invalid {
            #expect(byKind[kind, default: 0] > 0, "no phrase of kind \(kind.rawValue)")
        }
    }

    @Test func theSameWithAPlanPeriod() throws {
        for (phrase, _) in try Self.phrases() {
            let kind = TimeframeParser.classify(phrase, period: 2025...2030)
            #expect(kind != .unknown && kind != .invalid, "\(phrase)")
        }
    }
}
