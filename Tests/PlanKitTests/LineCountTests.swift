import TestSupport
import Testing

@testable import PlanKit

/// The lines added and removed in an item's body, as a report counts them: the fast path (shared first
/// and last lines set aside, lines compared by hash and bytes) must count what a longest common
/// subsequence of the whole texts counts.
@Suite struct LineCountTests {
    /// Added and removed lines from a textbook longest common subsequence of the lines.
    static func reference(_ a: String, _ b: String) -> (added: Int, removed: Int) {
        func lines(_ s: String) -> [[UInt8]] {
            Array(s.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map {
                $0.last == 0x0D ? Array($0.dropLast()) : Array($0)
            }
        }
        let x = lines(a)
        let y = lines(b)
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        let common = table[0][0]
        return (y.count - common, x.count - common)
    }

    @Test func countsWhatALongestCommonSubsequenceCounts() {
        var rng = SeededRandom(state: 0x11E5)
        let pieces = ["- Thực hiện", "Sở Nội vụ", "", "a", "b", "\r", "Phối hợp: UBND"]
        var differing = 0
        for _ in 0..<3000 {
            func text() -> String {
                (0..<Int(rng.next() % 9)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                    .joined(separator: rng.next() % 4 == 0 ? "\r\n" : "\n")
            }
            let a = text()
            // Often an edit of the first text, as real commits are.
            var b = rng.next() % 2 == 0 ? a : text()
            if rng.next() % 2 == 0 { b += "\n" + pieces[Int(rng.next() % UInt64(pieces.count))] }
            if rng.next() % 3 == 0 { b = "x\n" + b }
            let got = ItemDiff.lineCounts(a, b)
            let want = Self.reference(a, b)
            #expect(got == want, "\(a.debugDescription) → \(b.debugDescription)")
            if want.added + want.removed > 0 { differing += 1 }
        }
        #expect(differing > 1000)
    }

    @Test func windowsLineEndingsAreLines() {
        // One line changed of three, in a file saved with CRLF: one added, one removed.
        #expect(ItemDiff.lineCounts("a\r\nb\r\nc", "a\r\nB\r\nc") == (1, 1))
        // The same lines with other endings are the same lines.
        #expect(ItemDiff.lineCounts("a\r\nb\r\n", "a\nb\n") == (0, 0))
        #expect(ItemDiff.lineCounts("", "a\nb") == (2, 1))
        #expect(ItemDiff.lineCounts("Thực hiện\n", "Thực hiện\nxong\n") == (1, 0))
    }
}
