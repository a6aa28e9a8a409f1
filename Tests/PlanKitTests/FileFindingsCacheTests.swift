import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// A check served partly or wholly from the findings of the last one gives what a check from nothing
/// gives: on random workspaces (damaged files, duplicate ids, several plans), after edits to items, to
/// a plan header and to the registry, and from a cache saved and read back, damaged or not.
@Suite struct FileFindingsCacheTests {
    typealias Random = SeededRandom

    static func workspace(_ r: inout Random) -> [String: [UInt8]] {
        var files = ExampleWorkspace.baseFiles.mapValues { Array($0.utf8) }
        files["plans/khac/plan.md"] = Array("---\nid: khac\ntitle: Kế hoạch khác\nperiod: 2022-2023\n---\n".utf8)
        for k in 0..<12 {
            let plan = k % 3 == 0 ? "khac" : "demo"
            files["plans/\(plan)/\(k)-muc/\(k).md"] = FixPropertyTests.randomFile(&r)
        }
        return files
    }

    static func check(_ files: [String: [UInt8]], _ cache: FileFindingsCache? = nil) throws -> CheckResult {
        var options = CheckOptions(today: ExampleWorkspace.today)
        options.load.fileFindings = cache
        return try Checker.check(source: MemoryFileSource(bytes: files), options: options)
    }

    static func same(_ a: CheckResult, _ b: CheckResult) -> Bool {
        a.diagnostics == b.diagnostics && a.outsideScope == b.outsideScope && a.files == b.files && a.items == b.items
    }

    @Test func cachedChecksAreChecks() throws {
        var r = Random(state: 20_261_204)
        var hits = 0
        for _ in 0..<40 {
            var files = Self.workspace(&r)
            let cache = FileFindingsCache(salt: 1)
            let fresh = try Self.check(files)
            #expect(Self.same(try Self.check(files, cache), fresh))
            // Read back from its bytes: every file is found, and nothing differs.
            let saved = FileFindingsCache(salt: 1, bytes: cache.bytes())
            #expect(Self.same(try Self.check(files, saved), fresh))
            #expect(saved.hits == files.keys.count { $0.hasPrefix("plans/") })
            hits += saved.hits

            // An item edited, one removed, a header edited, the registry edited: each against a fresh check.
            let edits: [(inout [String: [UInt8]], inout Random) -> Void] = [
                { f, r in f["plans/demo/1-muc/1.md"] = FixPropertyTests.randomFile(&r) },
                // An item of the plan whose period differs from the workspace's: its header bears on it.
                { f, r in f["plans/khac/0-muc/0.md"] = FixPropertyTests.randomFile(&r) },
                { f, _ in f["plans/khac/3-muc/3.md"] = nil },
                { f, _ in f["plans/khac/plan.md"] = Array("---\nid: khac\ntitle: Khác\nperiod: 2021-2021\n---\n".utf8)
                },
                { f, _ in
                    f["schemas/units.yaml"] = Array(
                        String(decoding: f["schemas/units.yaml"]!, as: UTF8.self)
                            .replacingOccurrences(of: "Sở Thông tin và Truyền thông", with: "Sở Khoa học và Công nghệ")
                            .utf8)
                },
            ]
            for edit in edits {
                edit(&files, &r)
                #expect(Self.same(try Self.check(files, saved), try Self.check(files)))
            }
        }
        #expect(hits > 400)
    }

    @Test func anotherSaltOrDamageFindsNothing() throws {
        var r = Random(state: 7)
        let files = Self.workspace(&r)
        let cache = FileFindingsCache(salt: 1)
        let fresh = try Self.check(files, cache)
        let bytes = cache.bytes()
        let other = FileFindingsCache(salt: 2, bytes: bytes)
        #expect(Self.same(try Self.check(files, other), fresh))
        #expect(other.hits == 0)
        for cut in [1, bytes.count / 3, bytes.count - 1] {
            var damaged = bytes
            damaged[cut] ^= 0x40
            let read = FileFindingsCache(salt: 1, bytes: damaged)
            #expect(Self.same(try Self.check(files, read), fresh))
            #expect(read.hits == 0)
        }
        let short = FileFindingsCache(salt: 1, bytes: Array(bytes.prefix(bytes.count / 2)))
        #expect(Self.same(try Self.check(files, short), fresh) && short.hits == 0)
    }
}
