import Foundation
import PlanKit
import TestSupport
import Testing

/// `plan init`, `new`, `list`, `units`, `schema` and the shell helpers, on the real binary.
@Suite struct EverydayCommandsTests {
    static let units = """
        units:
          - id: so-tc
            name: Sở Tài chính
            aliases: [STC]
          - id: so-nv
            name: Sở Nội vụ
          - id: vp-ubnd
            name: Văn phòng UBND thành phố

        """

    /// A newcomer's first day: init, register units, add items, commit through the hook, list them.
    @Test func initNewCommitList() throws {
        let parent = try TemporaryDirectory()
        let out = try PlanBinary.run(
            ["init", "ke-hoach", "--lang", "en"], in: parent.path, environment: Git.environment)
        #expect(out.status == 0, "\(out.stderr)")
        let ws = parent.path + "/ke-hoach"
        for file in [
            "plan.yaml", "schemas/plan-item.schema.json", "schemas/units.yaml", ".githooks/pre-commit",
            ".githooks/prepare-commit-msg", ".git/HEAD",
        ] {
            #expect(FileManager.default.fileExists(atPath: ws + "/" + file), "\(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: ws + "/.githooks/pre-commit"))
        #expect(out.stdout.contains("Next steps:\n  1. "))
        #expect(try Git.must(["config", "core.hooksPath"], in: ws) == ".githooks\n")
        #expect(
            try String(contentsOfFile: ws + "/schemas/plan-item.schema.json", encoding: .utf8)
                == DefaultWorkspace.itemSchema)

        try Self.units.write(toFile: ws + "/schemas/units.yaml", atomically: true, encoding: .utf8)
        let first = try PlanBinary.run(
            [
                "new", "--plan", "kh-2026", "--section", "1", "--lead", "STC", "--support", "so noi vu",
                "--timeframe", "Quý III/2026", "--lang", "en", "Tổ chức hội nghị triển khai kế hoạch",
            ], in: ws)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("created plans/kh-2026/plan.md for the new plan"))
        #expect(first.stdout.contains("wrote plans/kh-2026/1/1a-to-chuc-hoi-nghi-trien-khai.md (kh-2026/1.a)"))
        let second = try PlanBinary.run(
            [
                "new", "--plan", "kh-2026", "--section", "1", "--lead", "so tai chinh", "--lang", "en",
                "Rà", "soát", "thủ", "tục", "hành", "chính",
            ], in: ws)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("no --timeframe given: set to ‘Thường xuyên’"))
        #expect(second.stdout.contains("(kh-2026/1.b)"))
        let text = try String(
            contentsOfFile: ws + "/plans/kh-2026/1/1a-to-chuc-hoi-nghi-trien-khai.md", encoding: .utf8)
        #expect(
            text == """
                ---
                id: kh-2026/1.a
                title: Tổ chức hội nghị triển khai kế hoạch
                lead: Sở Tài chính
                support:
                  - Sở Nội vụ
                timeframe: Quý III/2026
                status: planned
                ---
                Tổ chức hội nghị triển khai kế hoạch

                """)
        #expect(try PlanBinary.run(["check"], in: ws).status == 0)

        try Git.must(["add", "-A"], in: ws)
        let commit = try Git.run(["commit", "-q", "-m", "Kế hoạch đầu tiên"], in: ws)
        #expect(commit.status == 0, "\(commit.stdout)\(commit.stderr)")
        let message = try Git.must(["log", "-1", "--format=%B"], in: ws)
        #expect(message.contains("Kế hoạch đầu tiên\n\nPlan changes:\n- 1.a: added"), "\(message)")

        let list = try PlanBinary.run(["list", "--format", "json"], in: ws)
        let json = try JSONValue.parse(Data(list.stdout.utf8))
        #expect(json["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["kh-2026/1.a", "kh-2026/1.b"])
        let filtered = try PlanBinary.run(
            ["list", "--status", "planned", "--due-before", "2026-12-31", "--format", "json"], in: ws)
        #expect(try JSONValue.parse(Data(filtered.stdout.utf8))["items"]?.arrayValue?.count == 1)
        let overdue = try PlanBinary.run(["list", "--overdue", "--today", "2027-01-15", "--lang", "en"], in: ws)
        #expect(
            overdue.stdout.contains(
                "kh-2026/1.a  planned, overdue  2026-09-30  Sở Tài chính  Tổ chức hội nghị triển khai kế hoạch\n"))
        #expect(overdue.stdout.hasSuffix("items: 1, overdue: 1\n"))
    }

    @Test func initRefusesToOverwrite() throws {
        let dir = try TemporaryDirectory()
        try dir.write("plan.yaml", "locale: vi\n# mine\n")
        let out = try PlanBinary.run(["init", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(out.stderr.contains("plan.yaml already exists; plan init writes nothing over existing files"))
        #expect(try dir.read("plan.yaml") == "locale: vi\n# mine\n")
        #expect(!dir.exists("schemas") && !dir.exists(".git"))
    }

    @Test func newRefusesWhatTheRegistryDoesNotKnow() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let out = try PlanBinary.run(
            ["new", "--plan", "demo", "--section", "1", "--lead", "Phòng Tuyên truyền", "--lang", "en", "X"],
            in: dir.path)
        #expect(out.status == 2)
        #expect(
            out.stderr.contains(
                "unknown unit ‘Phòng Tuyên truyền’; did you mean ‘Phòng Tuyên truyền - Báo chí - Xuất bản’?"),
            "\(out.stderr)")
        let several = try PlanBinary.run(
            [
                "new", "--plan", "demo", "--lead", "Sở Thông tin và Truyền thông, Sở Văn hóa, Thể thao và Du lịch",
                "--lang", "en", "X",
            ], in: dir.path)
        #expect(several.status == 2)
        #expect(several.stderr.contains("an item has exactly one lead"))
        let badTime = try PlanBinary.run(
            ["new", "--plan", "demo", "--lead", "ptt-bc-xb", "--timeframe", "31/2/2022", "--lang", "en", "X"],
            in: dir.path)
        #expect(badTime.status == 2)
        #expect(badTime.stderr.contains("31/2/2022"))
        for args in [["--plan", "../x"], ["--plan", "Demo"], ["--plan", "demo", "--section", "1/../../x"]] {
            let out = try PlanBinary.run(["new", "--lead", "ptt-bc-xb", "--lang", "en"] + args + ["X"], in: dir.path)
            #expect(out.status == 2, "\(args)")
        }
        // Nothing was written by any of these.
        #expect(
            try FileManager.default.subpathsOfDirectory(atPath: dir.path + "/plans").sorted()
                == ["demo", "demo/1-muc", "demo/1-muc/1a.md", "demo/plan.md"])
    }

    @Test func newGoesNextToItsSection() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let out = try PlanBinary.run(
            [
                "new", "--plan", "demo", "--section", "1", "--lead", "ptt-bc-xb", "--timeframe", "Tháng 10/2021",
                "Thông tin về Đại hội",
            ], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(dir.exists("plans/demo/1-muc/1b-thong-tin-ve-dai-hoi.md"))
        let check = try PlanBinary.run(["check", "--today", "2021-10-01"], in: dir.path)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func listTableFitsTheTerminal() throws {
        for width in [60, 100] {
            let out = try PlanBinary.run(
                ["list", "--workspace", PlanBinary.repositoryRoot.path, "--today", "2021-10-01"],
                environment: ["COLUMNS": String(width)])
            #expect(out.status == 0)
            let lines = out.stdout.split(separator: "\n")
            #expect(lines.count == 24)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
            if width == 100 { #expect(lines[1].hasPrefix("dvk-2021/1.a  chưa thực hiện, quá hạn  2021-09-30  ")) }
            #expect(lines.last == "22 nhiệm vụ, 1 quá hạn")
        }
        // Sorted by number, 10 after 9: and đ after d.
        let json = try PlanBinary.run([
            "list", "--workspace", PlanBinary.repositoryRoot.path, "--plan", "dvk-2021", "--format", "json",
        ])
        let ids =
            try JSONValue.parse(Data(json.stdout.utf8))["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.firstIndex(of: "dvk-2021/6.đ")! == ids.firstIndex(of: "dvk-2021/6.d")! + 1)
    }

    @Test func listCSVForSpreadsheets() throws {
        let out = try PlanBinary.run([
            "list", "--workspace", PlanBinary.repositoryRoot.path, "--format", "csv", "--bom",
            "--lead", "Ban Thanh tra Nhân dân", "--lang", "en", "--today", "2021-10-01",
        ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("\u{FEFF}ID,Item,Lead,Support,Status,Timeframe,Due,File\r\n"))
        #expect(out.stdout.contains("\r\ndvk-2021/7.d,\"Đẩy mạnh hoạt động của Ban Thanh tra Nhân dân, vận động"))
        #expect(out.stdout.contains(",Ban Thanh tra Nhân dân của Ban,Ban Chấp hành Công đoàn Ban,planned,"))
        #expect(out.stdout.split(separator: "\r\n").count == 2)
    }

    @Test func unitsCountLeadsAndSupports() throws {
        let out = try PlanBinary.run(["units", "--workspace", PlanBinary.repositoryRoot.path, "--format", "json"])
        let units = try JSONValue.parse(Data(out.stdout.utf8))["units"]?.arrayValue ?? []
        func counts(_ id: String) -> (Double?, Double?) {
            let u = units.first { $0["id"]?.stringValue == id }
            guard case .number(let l)? = u?["leads"], case .number(let s)? = u?["supports"] else { return (nil, nil) }
            return (l, s)
        }
        #expect(counts("pvh-vn-kg-th") == (11, 2))
        #expect(counts("cac-phong-chuc-nang") == (6, 12))
        #expect(counts("ptt-bc-xb") == (4, 0))
        let table = try PlanBinary.run(["units", "--workspace", PlanBinary.repositoryRoot.path, "--lang", "en"])
        #expect(table.stdout.hasPrefix("ID "))
        #expect(
            table.stdout.contains("Phòng Tuyên truyền - Báo chí - Xuất bản (Phòng Tuyên truyền - Báo chí và Xuất bản)"))
        // There is no CSV of the registry: asking for one is a usage error, not a table.
        let csv = try PlanBinary.run(["units", "--workspace", PlanBinary.repositoryRoot.path, "--format", "csv"])
        #expect(csv.status != 0)
        #expect(csv.stdout.isEmpty)
    }

    @Test func schemaForEditors() throws {
        let out = try PlanBinary.run(["schema", "--workspace", PlanBinary.repositoryRoot.path])
        let file = try String(
            contentsOf: PlanBinary.repositoryRoot.appendingPathComponent("schemas/plan-item.schema.json"),
            encoding: .utf8)
        #expect(out.stdout == file)
        #expect(try PlanBinary.run(["schema", "--built-in"]).stdout == DefaultWorkspace.itemSchema)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(_ shell: String) throws {
        let out = try PlanBinary.run(["--generate-completion-script", shell])
        #expect(out.status == 0)
        for word in ["check", "import", "list", "due-before"] {
            #expect(out.stdout.contains(word), "\(shell): \(word)")
        }
    }
}
