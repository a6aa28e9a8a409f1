import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// `plan site` end to end: the files it writes, and a second run that rewrites only what changed.
@Suite struct SiteCommandTests {
    static func run(_ dir: TemporaryDirectory, _ extra: [String] = []) throws -> (
        changed: Int, unchanged: Int, removed: Int
    ) {
        let out = try PlanBinary.run(
            [
                "site", "--workspace", dir.path, "--output", dir.path + "/site", "--today", "2022-01-15", "--lang",
                "en",
                "--no-history",
            ] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == dir.path + "/site/index.html\n")
        let m = try #require(out.stderr.firstMatch(of: /(\d+) files changed, (\d+) unchanged, (\d+) removed/))
        return (Int(m.output.1)!, Int(m.output.2)!, Int(m.output.3)!)
    }

    @Test func secondRunRewritesOnlyWhatChanged() throws {
        let dir = try TemporaryDirectory()
        for (path, text) in SiteFixture.files() { try dir.write(path, text) }
        let first = try Self.run(dir)
        #expect(first.changed > 15 && first.unchanged == 0)
        let again = try Self.run(dir)
        #expect(again.changed == 0 && again.unchanged == first.changed)
        let manifest = try dir.read("site/.plan-site")
        #expect(manifest.hasPrefix("plan-site 2 "), "the manifest keeps the pages' fingerprints")

        // A page deleted or cut short by hand is made again; so is every page when the manifest is
        // damaged, and the pages do not change.
        try dir.remove("site/plans/demo/2-a.html")
        try dir.write("site/plans/demo/2-b.html", "")
        let repaired = try Self.run(dir)
        #expect(repaired.changed == 2 && repaired.unchanged == first.changed - 2, "\(repaired)")
        try dir.write("site/.plan-site", "hỏng\n\u{1}\t\tz\n")
        let rebuilt = try Self.run(dir)
        #expect(rebuilt.changed == 0 && rebuilt.unchanged == first.changed)
        // A run stopped half-way leaves the manifest vouching for none of the pages it was writing.
        let lines = try dir.read("site/.plan-site").split(separator: "\n").map { line in
            // The fingerprint forgotten, the size kept: as the manifest reads while pages are written.
            guard line.hasPrefix("plans/demo/1-a.html\t") else { return String(line) }
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields[1] = "-"
            return fields.joined(separator: "\t")
        }
        try dir.write("site/.plan-site", lines.joined(separator: "\n") + "\n")
        // Bytes of the same size, so only the missing fingerprint can tell.
        try dir.write(
            "site/plans/demo/1-a.html",
            try dir.read("site/plans/demo/1-a.html").replacingOccurrences(of: "<h1>", with: "<h9>"))
        let resumed = try Self.run(dir)
        #expect(resumed.changed == 1, "\(resumed)")
        #expect(try dir.read("site/plans/demo/1-a.html").contains("<h1>"))

        // One item's status: its page, its plan's page, the index and its units' pages.
        let path = "plans/demo/1-muc/1b.md"
        try dir.write(path, try dir.read(path).replacingOccurrences(of: "status: in-progress", with: "status: done"))
        let modified = Date().timeIntervalSince1970
        let edited = try Self.run(dir)
        #expect(edited.changed >= 3 && edited.changed <= 6, "\(edited)")
        let untouched = try FileManager.default.attributesOfItem(atPath: dir.path + "/site/plans/demo/2-a.html")
        #expect(((untouched[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) < modified)

        // An item removed: its page goes, nothing else of the folder does.
        try dir.write("site/notes.txt", "mine")
        try dir.remove("plans/demo/2-muc/2c.md")
        let removed = try Self.run(dir)
        #expect(removed.removed >= 1)
        #expect(!dir.exists("site/plans/demo/2-c.html"))
        #expect(dir.exists("site/notes.txt"))
    }

    @Test func helpInBothLanguages() throws {
        let en = try PlanBinary.run(["site", "--help", "--lang", "en"])
        let vi = try PlanBinary.run(["site", "--help", "--lang", "vi"])
        #expect(en.stdout.contains("static website") && vi.stdout.contains("trang web tĩnh"))
    }
}
