import Foundation
import PlanKit
import TestSupport
import Testing

/// `plan import` end to end: the real binary writing into a real workspace folder.
@Suite struct ImportCommandTests {
    static var seed: String { Fixtures.url("seed/000_2d058464ff698761.txt").path }

    static var listFixture: String {
        PlanBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/import/list.txt").path
    }

    /// A workspace with the bundled configuration, schema and registry, and no plans.
    static func emptyWorkspace() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for file in ["plan.yaml", "schemas/plan-item.schema.json", "schemas/units.yaml"] {
            try dir.write(file, Data(contentsOf: PlanBinary.repositoryRoot.appendingPathComponent(file)))
        }
        return dir
    }

    /// The imported seed checks exactly like the bundled workspace: same findings, same places.
    @Test func importedSeedChecksLikeTheBundledPlan() throws {
        let dir = try Self.emptyWorkspace()
        let out = try PlanBinary.run(["import", Self.seed, "--id", "dvk-2021", "--lang", "en"], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("wrote 22 items and plans/dvk-2021/plan.md\nlayout: list\n"))
        #expect(out.stdout.contains("line 390: an item without a letter, named dvk-2021/7.a"))
        let check = ["check", "--format", "json", "--today", "2021-10-01"]
        let imported = try PlanBinary.run(check, in: dir.path)
        let bundled = try PlanBinary.run(check + ["--workspace", PlanBinary.repositoryRoot.path])
        #expect(imported.status == bundled.status)
        #expect(imported.stdout == bundled.stdout)
    }

    static func fixture(_ name: String) -> String {
        PlanBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/import/\(name)").path
    }

    /// `--explain` prints each paragraph's role and rule and writes nothing; it needs no --id.
    @Test func explainPrintsTheOutline() throws {
        let dir = try Self.emptyWorkspace()
        let out = try PlanBinary.run(["import", Self.fixture("unit-duties.txt"), "--explain"], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("   19  unit    heading names a unit       1. Sở Văn hóa, Thể thao và Du lịch:"))
        #expect(out.stdout.contains("part: duties by unit, rank 3"))
        #expect(!dir.exists("plans"))
        let noID = try PlanBinary.run(["import", Self.fixture("unit-duties.txt")], in: dir.path)
        #expect(noID.status == 2)
    }

    @Test func standingDutiesAndSectionOptions() throws {
        let dir = try Self.emptyWorkspace()
        let file = Self.fixture("fields.txt")
        let plain = try PlanBinary.run(["import", file, "--id", "cds", "--dry-run", "--lang", "en"], in: dir.path)
        #expect(plain.stdout.contains("would write 5 items"))
        #expect(
            plain.stdout.contains(
                "IV. TỔ CHỨC THỰC HIỆN: 3 standing duties of units left out (--standing-duties imports them)"))
        let standing = try PlanBinary.run(
            ["import", file, "--id", "cds", "--dry-run", "--standing-duties", "--lang", "en"], in: dir.path)
        #expect(standing.stdout.contains("would write 8 items"))
        #expect(standing.stdout.contains("==> plans/cds/iv-to-chuc-thuc-hien/iv.1a.md <=="))
        let section = try PlanBinary.run(
            ["import", file, "--id", "cds", "--dry-run", "--section", "IV", "--lang", "en"], in: dir.path)
        #expect(section.stdout.contains("would write 3 items"))
        let none = try PlanBinary.run(["import", file, "--id", "cds", "--section", "IX", "--lang", "en"], in: dir.path)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no part matches --section IX"), "\(none.stderr)")
    }

    @Test func neverOverwritesWithoutForce() throws {
        let dir = try Self.emptyWorkspace()
        try dir.write("plans/dvk-2021/2-trach-nhiem-to-chuc/2a.md", "---\nid: dvk-2021/2.a\n---\nMy edits.\n")
        let out = try PlanBinary.run(["import", Self.seed, "--id", "dvk-2021", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(
            out.stderr.contains(
                "plans/dvk-2021/2-trach-nhiem-to-chuc/2a.md already exists; nothing was written (--force overwrites)"))
        #expect(try dir.read("plans/dvk-2021/2-trach-nhiem-to-chuc/2a.md") == "---\nid: dvk-2021/2.a\n---\nMy edits.\n")
        #expect(!dir.exists("plans/dvk-2021/plan.md"))
        let forced = try PlanBinary.run(["import", Self.seed, "--id", "dvk-2021", "--force"], in: dir.path)
        #expect(forced.status == 0)
        #expect(
            try dir.read("plans/dvk-2021/2-trach-nhiem-to-chuc/2a.md").hasPrefix(
                "---\nid: dvk-2021/2.a\ntitle: Tăng cường"))
    }

    @Test func dryRunWritesNothing() throws {
        let dir = try Self.emptyWorkspace()
        let out = try PlanBinary.run(
            ["import", Self.listFixture, "--id", "stc-2022", "--dry-run", "--add-units", "--lang", "en"], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("==> plans/stc-2022/1-ha-tang-so/1a.md <==\n---\nid: stc-2022/1.a\n"))
        #expect(out.stdout.contains("==> schemas/units.yaml <=="))
        #expect(out.stdout.contains("would write 6 items and plans/stc-2022/plan.md (--dry-run: nothing written)"))
        #expect(!dir.exists("plans"))
        #expect(
            try dir.readData("schemas/units.yaml")
                == Data(contentsOf: PlanBinary.repositoryRoot.appendingPathComponent("schemas/units.yaml")))
    }

    @Test func addUnitsRegistersWhatTheDocumentNames() throws {
        let dir = try Self.emptyWorkspace()
        let before = try dir.read("schemas/units.yaml")
        let out = try PlanBinary.run(
            ["import", Self.listFixture, "--id", "stc-2022", "--add-units", "--lang", "en"], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("added 7 units to schemas/units.yaml"))
        let after = try dir.read("schemas/units.yaml")
        #expect(after.hasPrefix(before))
        #expect(after.contains("  - id: van-phong-so\n    name: Văn phòng Sở\n"))
        let check = try PlanBinary.run(["check", "--format", "json", "--today", "2022-01-10"], in: dir.path)
        #expect(!check.stdout.contains("\"unit-unknown\""), "\(check.stdout)")
        // The missing timeframe of 1.d is what the import said it would be.
        #expect(check.stdout.contains("\"path\": \"plans/stc-2022/1-ha-tang-so/1d.md\""))
    }

    @Test func refusesUnsafeIDsAndSymlinks() throws {
        let dir = try Self.emptyWorkspace()
        for bad in ["../outside", "/tmp/x", "a/b", "Dvk"] {
            let out = try PlanBinary.run(["import", Self.listFixture, "--id", bad, "--lang", "en"], in: dir.path)
            #expect(out.status == 2, "\(bad)")
            #expect(out.stderr.contains("use lower-case letters a-z, digits and '-' only"), "\(bad): \(out.stderr)")
        }
        // plans/ pointing elsewhere: nothing is written through it.
        let elsewhere = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/plans", withDestinationPath: elsewhere.path)
        let out = try PlanBinary.run(["import", Self.listFixture, "--id", "stc-2022", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(out.stderr.contains("outside the workspace or through a symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func badInputNamesTheFileAndPlace() throws {
        let dir = try Self.emptyWorkspace()
        try dir.write("doc.txt", Data([0x4B, 0xE1, 0xBA, 0xBF, 0x20, 0xC3, 0x28]))
        let out = try PlanBinary.run(["import", "doc.txt", "--id", "x", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(
            out.stderr.contains("doc.txt:1:4: file is not UTF-8: byte 0xC3 at offset 5 is invalid"), "\(out.stderr)")
        try dir.write("empty.txt", "Không có nhiệm vụ nào ở đây.\n")
        let none = try PlanBinary.run(["import", "empty.txt", "--id", "x", "--lang", "en"], in: dir.path)
        #expect(none.status == 2)
        #expect(none.stderr.contains("empty.txt: no action items found"))
        let missing = try PlanBinary.run(["import", "nope.txt", "--id", "x", "--lang", "en"], in: dir.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.txt"))
        #expect(!dir.exists("plans"))
    }
}
