import Foundation
import PlanKit
import TestSupport
import Testing

/// `plan import KE-HOACH.docx` end to end: the real binary, a real workspace folder.
@Suite struct ImportWordCommandTests {
    static func workspace() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for file in ["plan.yaml", "schemas/plan-item.schema.json", "schemas/units.yaml"] {
            try dir.write(file, Data(contentsOf: PlanBinary.repositoryRoot.appendingPathComponent(file)))
        }
        return dir
    }

    static func office(_ relative: String) throws -> Data {
        try Data(contentsOf: Fixtures.url("office/" + relative))
    }

    /// Every file under plans/, by path.
    static func plans(_ dir: TemporaryDirectory) throws -> [String: String] {
        let root = dir.path + "/plans"
        var out: [String: String] = [:]
        guard let walk = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = walk.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = try String(contentsOfFile: root + "/" + rel, encoding: .utf8)
            }
        }
        return out
    }

    /// The Word file and the plan's text write the same files, and say so in the same summary.
    @Test func aDocxImportsLikeItsText() throws {
        let word = try Self.workspace()
        try word.write("KE-HOACH.docx", Self.office("producers/23-list.pandoc.docx"))
        let fromWord = try PlanBinary.run(
            ["import", "KE-HOACH.docx", "--id", "bvdl-2025", "--lang", "en"], in: word.path)
        #expect(fromWord.status == 0, "\(fromWord.stderr)")

        let text = try Self.workspace()
        try text.write(
            "KE-HOACH.txt",
            Data(contentsOf: Fixtures.url("corpus/plans/23-chinhphu-2623-qd-ttg-bao-ve-du-lieu-ca-nhan.txt")))
        let fromText = try PlanBinary.run(
            ["import", "KE-HOACH.txt", "--id", "bvdl-2025", "--lang", "en"], in: text.path)
        #expect(fromText.status == 0, "\(fromText.stderr)")

        #expect(fromWord.stdout == fromText.stdout)
        let files = try Self.plans(word)
        #expect(files.count > 5)
        #expect(files == (try Self.plans(text)))
    }

    /// Told by its content: a Word file named .txt is still read as Word.
    @Test func detectedByContentNotName() throws {
        let dir = try Self.workspace()
        try dir.write("ke-hoach.txt", Self.office("features.docx"))
        let out = try PlanBinary.run(
            ["import", "ke-hoach.txt", "--id", "thu", "--dry-run", "--lang", "en"], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("==> plans/thu/"))
        #expect(out.stdout.contains("read from the document:\n  line 31: typed letters follow Vietnamese order"))
    }

    @Test func anOldDocIsRefusedInBothLanguages() throws {
        let dir = try Self.workspace()
        try dir.write("KH.doc", Self.office("hostile/old-word97.doc"))
        let en = try PlanBinary.run(["import", "KH.doc", "--id", "kh", "--lang", "en"], in: dir.path)
        #expect(en.status == 2)
        #expect(
            en.stderr.contains(
                "KH.doc is an old Word document (.doc): open it in Word or LibreOffice and save it as .docx"))
        let vi = try PlanBinary.run(["import", "KH.doc", "--id", "kh", "--lang", "vi"], in: dir.path)
        #expect(vi.status == 2)
        #expect(vi.stderr.contains("KH.doc là tệp Word cũ (.doc)"))
        #expect(!dir.exists("plans"))
    }

    @Test(arguments: [
        "bomb-ratio.docx", "dtd-entities.docx", "entry-dotdot.docx", "encrypted-ole2.docx", "text-named.docx",
    ])
    func hostileFilesStopBeforeAnythingIsWritten(name: String) throws {
        let dir = try Self.workspace()
        try dir.write(name, Self.office("hostile/" + name))
        let out = try PlanBinary.run(["import", name, "--id", "kh", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix(name + " "), "\(out.stderr)")
        #expect(!dir.exists("plans"))
    }
}
