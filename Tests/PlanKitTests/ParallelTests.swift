import Foundation
import Testing

@testable import PlanKit

/// `Parallel.map`: results in index order whatever the batches, one state per thread handed back when
/// the thread is done, and the first error rethrown.
@Suite struct ParallelTests {
    struct Failure: Error {}

    @Test func resultsComeBackInOrder() throws {
        for count in [0, 1, 63, 64, 1000] {
            for batch in [nil, 1, 7, 5000] as [Int?] {
                for heavy in [false, true] {
                    let made = Locked(0)
                    let finished = Locked(0)
                    let out = try Parallel.map(
                        count: count, heavy: heavy, batch: batch,
                        makeState: { made.withLock { $0 += 1 } },
                        finish: { _ in finished.withLock { $0 += 1 } }
                    ) { _, i in i * i }
                    #expect(out == (0..<count).map { $0 * $0 })
                    let states = made.withLock { $0 }
                    #expect(states == finished.withLock { $0 })
                    #expect(states <= max(1, Parallel.workers))
                    #expect(count == 0 ? states == 0 : states >= 1)
                }
            }
        }
    }

    @Test func theFirstErrorIsRethrown() {
        #expect(throws: Failure.self) {
            _ = try Parallel.map(count: 500, batch: 3, makeState: {}) { _, i -> Int in
                if i == 250 { throw Failure() }
                return i
            }
        }
    }
}
