import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// `--fix` on random valid and invalid item files: each file is left byte-identical or changed only in
/// the spans its findings report; a file that parsed still parses; no new kind of finding appears; and
/// a second run has nothing left to fix.
@Suite struct FixPropertyTests {
    /// SplitMix64: the same files on every run and every machine.
    typealias Random = SeededRandom

    static let leads = [
        "Phòng Tuyên truyền - Báo chí - Xuất bản", "Phòng Tuyên truyền - Báo chí và Xuất bản",
        "Phòng Văn hoá, Văn nghệ - Khoa giáo và Tổng hợp", "Sở Thông tin và Truyền thông",
        "Sở Văn hóa, Thể thao và Du lịch".decomposedStringWithCanonicalMapping, "Phòng Không Có", "",
    ]
    static let titles = [
        "Tuyên truyền, phổ biến kế hoạch", "Đổi mới công tác công tác quản lý", "Tổ chức tổ chức hội nghị",
        "Hướng dẫn".decomposedStringWithCanonicalMapping + " thực hiện", "\"Dân vận khéo\"", "[chưa đóng",
    ]
    static let timeframes = ["Tháng 9/2021", "Quý III/2022", "31/2/2022", "Thường xuyên", "không rõ", "2021-09-30"]

    static func randomFile(_ r: inout Random) -> [UInt8] {
        var lines = [
            "---", "id: demo/1.\(r.pick(["a", "b", "c"]))", "title: \(r.pick(titles))",
            "lead: \(r.pick(leads))", "support:", "  - \(r.pick(leads))", "  - \(r.pick(leads))",
            "timeframe: \(r.pick(timeframes))", "status: \(r.pick(["planned", "done", "xong"]))", "---",
            r.pick(["Nội dung công tác công tác.", "Nội dung.", "Tuye\u{0302}n truye\u{0302}\u{0300}n."]),
        ]
        // Damage: lines dropped, swapped or doubled, a fence lost, stray bytes.
        for _ in 0..<Int(r.next() % 3) {
            let i = Int(r.next() % UInt64(lines.count))
            switch r.next() % 5 {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines[i] = "  " + lines[i]
            case 3: lines.swapAt(i, Int(r.next() % UInt64(lines.count)))
            default: lines[i] += r.pick([": x", " #", " \t", "\u{00A0}"])
            }
        }
        var bytes = Array(lines.joined(separator: r.chance(20) ? "\r\n" : "\n").utf8) + [0x0A]
        if r.chance(10) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return bytes
    }

    static func check(_ bytes: [UInt8]) throws -> [Diagnostic] {
        var files = ExampleWorkspace.baseFiles.mapValues { Array($0.utf8) }
        files[ExampleWorkspace.itemPath] = bytes
        return try Checker.check(
            source: MemoryFileSource(bytes: files), options: CheckOptions(today: ExampleWorkspace.today)
        )
        .diagnostics.filter { $0.location.path == ExampleWorkspace.itemPath }
    }

    @Test func fixChangesOnlyWhatItReports() throws {
        var r = Random(state: 20_211_001)
        var fixedFiles = 0
        for _ in 0..<200 {
            let original = Self.randomFile(&r)
            let before = try Self.check(original)
            var bytes = original
            for _ in 0..<4 {
                let fixes = try Self.check(bytes).filter {
                    $0.fix != nil && RuleRegistry.description(of: $0.rule)?.fixable == true
                }
                .compactMap(\.fix)
                let (out, applied) = FixApplier.apply(fixes, to: bytes)
                if applied.isEmpty { break }
                // Outside the applied spans, not a byte changed.
                var at = 0
                var k = 0
                for f in applied.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                    #expect(f.range.upperBound <= bytes.count)
                    let keep = f.range.lowerBound - at
                    #expect(Array(out[k..<(k + keep)]) == Array(bytes[at..<f.range.lowerBound]))
                    k += keep + f.replacement.utf8.count
                    at = f.range.upperBound
                }
                #expect(Array(out[k...]) == Array(bytes[at...]))
                bytes = out
            }
            let after = try Self.check(bytes)
            // Nothing fixable is left: a second --fix changes nothing.
            #expect(after.allSatisfy { $0.fix == nil || RuleRegistry.description(of: $0.rule)?.fixable != true })
            // Fixing breaks nothing: no finding of a new kind, and a file that parsed still parses.
            #expect(
                Set(after.map(\.rule)).isSubset(of: Set(before.map(\.rule))),
                "\(String(decoding: original, as: UTF8.self))")
            if case .success = DocumentParser.parse(path: "x.md", bytes: original) {
                if case .failure = DocumentParser.parse(path: "x.md", bytes: bytes) {
                    Issue.record("a fix broke parsing")
                }
            }
            if bytes != original { fixedFiles += 1 }
        }
        // The generator does produce fixable files, and invalid ones.
        #expect(fixedFiles > 50)
    }
}
