import Foundation
import PlanKit
import TestSupport
import Testing

@Suite struct CheckCommandTests {
    @Test func bundledWorkspaceIsCleanOfErrors() throws {
        let out = try PlanBinary.run([
            "check", "--workspace", PlanBinary.repositoryRoot.path, "--today", "2021-10-01",
            "--format", "json",
        ])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try JSONValue.parse(Data(out.stdout.utf8))
        #expect(json["version"] == 1)
        #expect(json["summary"]?["items"] == 22)
        #expect(json["summary"]?["errors"] == 0)
        let first = try #require(json["diagnostics"]?.arrayValue?.first)
        let keys = Set(first.objectValue?.keys.map { $0 } ?? [])
        #expect(keys.isSuperset(of: ["path", "line", "column", "rule", "severity", "message"]))
        #expect(keys.subtracting(["path", "line", "column", "rule", "severity", "message", "fix"]).isEmpty)
        // Keys come in the documented order.
        #expect(
            out.stdout.contains(
                "\"path\": \"plans/dvk-2021/1-cong-tac-tuyen-truyen/1a.md\",\n      \"line\": 8,\n      \"column\": 12,\n      \"rule\""
            ))
    }

    /// In a repository the findings of each file are kept (`.git/plan/file-findings-…`): a second
    /// check reads the files but parses and checks none, and says what a check from nothing says,
    /// before and after an edit, in every format.
    @Test func keptFindingsGiveTheSameCheck() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write("plans/demo/2-muc/2a.md", ExampleWorkspace.item(["id: demo/2.a", "lead: Phòng Không Có"]))
        try Git.must(["init", "-q"], in: dir.path)
        // The workspace is the repository's root: its cache's name ends with the hash of "".
        let cache = dir.path + "/.git/plan/file-findings-cbf29ce484222325"
        func check(_ format: String) throws -> (output: String, fromCache: Int) {
            let out = try PlanBinary.run(
                ["check", "--today", "2022-01-15", "--format", format], in: dir.path, environment: ["PLAN_TIMING": "1"])
            #expect(out.status == 1, "\(out.stderr)")
            let hits = out.stderr.firstMatch(of: /findings: (\d+) files from the cache/).map { Int($0.output.1)! }
            return (out.stdout, hits ?? -1)
        }
        for format in ["text", "json", "sarif"] {
            try? FileManager.default.removeItem(atPath: cache)
            let fresh = try check(format)
            #expect(fresh.fromCache == 0)
            #expect(FileManager.default.fileExists(atPath: cache))
            let kept = try check(format)
            #expect(kept.fromCache == 3 && kept.output == fresh.output)
        }
        try dir.write("plans/demo/2-muc/2a.md", ExampleWorkspace.item(["id: demo/2.a", "lead: Phòng Khác Nữa"]))
        // The other item comes from the cache; the plan's header is read again, as the edited item's
        // rules read it.
        let edited = try check("json")
        #expect(edited.output.contains("Phòng Khác Nữa") && edited.fromCache == 1)
        try FileManager.default.removeItem(atPath: cache)
        #expect(try check("json").output == edited.output)
        // A damaged cache is a cache missed.
        try dir.write(".git/plan/file-findings-cbf29ce484222325", "hỏng")
        let damaged = try check("json")
        #expect(damaged.output == edited.output && damaged.fromCache == 0)
        // A check of one file keeps what the others' last check found.
        let one = try PlanBinary.run(["check", "--today", "2022-01-15", "plans/demo/1-muc/1a.md"], in: dir.path)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(try check("json").fromCache == 3)
    }

    @Test func findsTheWorkspaceFromASubfolder() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let out = try PlanBinary.run(["check", "--today", "2022-01-15"], in: dir.path + "/plans/demo")
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("1 nhiệm vụ: 0 lỗi, 0 cảnh báo"))
    }

    @Test func errorsExitOneWithCompilerStyleLines() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Không Có"]))
        let out = try PlanBinary.run(["check", "--lang", "en", "--today", "2022-01-15"], in: dir.path)
        #expect(out.status == 1)
        #expect(out.stdout.contains("plans/demo/1-muc/1b.md:4:7: error[unit-unknown]: unknown unit ‘Phòng Không Có’"))
        #expect(out.stdout.hasSuffix("3 files, 2 items: 1 error, 0 warnings\n"))
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write(
            "plans/demo/1-muc/1b.md",
            ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Tuyên truyền - Báo chí và Xuất bản"]))
        #expect(try PlanBinary.run(["check", "--today", "2022-01-15"], in: dir.path).status == 0)
        #expect(try PlanBinary.run(["check", "--strict", "--today", "2022-01-15"], in: dir.path).status == 1)
    }

    @Test func notAWorkspaceExitsTwo() throws {
        let dir = try TemporaryDirectory()
        let out = try PlanBinary.run(["check", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(out.stderr.contains("no plan.yaml"))
    }

    @Test func badConfigExitsTwoWithItsPosition() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write("plan.yaml", "locale: vi\nrules:\n  unit-unknwn: off\n")
        let out = try PlanBinary.run(["check", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(out.stderr.contains("plan.yaml:3:3: unknown rule ‘unit-unknwn’; did you mean ‘unit-unknown’?"))
    }

    @Test func usageErrorsExitTwo() throws {
        let out = try PlanBinary.run(["check", "--format", "xml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("xml"))
    }

    @Test func malformedFilesAreReportedNotCrashed() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write("plans/demo/1-muc/empty.md", "")
        try dir.write("plans/demo/1-muc/nofm.md", "Chỉ có nội dung\n")
        try dir.write("plans/demo/1-muc/yaml.md", "---\nid: [x\n---\n")
        try dir.write(
            "plans/demo/1-muc/conflict.md", "---\nid: demo/1.c\n<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> x\n---\n")
        try dir.write(
            "plans/demo/1-muc/bytes.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A]))
        var bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\n"
        for (p, n) in zip("abcdefgh", "bcdefghi") {
            bomb += "\(n): &\(n) [" + Array(repeating: "*\(p)", count: 9).joined(separator: ",") + "]\n"
        }
        try dir.write("plans/demo/1-muc/bomb.md", bomb + "---\n")
        let start = Date()
        let out = try PlanBinary.run(["check", "--lang", "en", "--today", "2022-01-15"], in: dir.path)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(out.status == 1)
        for (file, rule, line) in [
            ("empty.md", "file-no-front-matter", 1), ("nofm.md", "file-no-front-matter", 1),
            ("yaml.md", "yaml-syntax", 2), ("conflict.md", "file-merge-conflict", 3),
            ("bytes.md", "file-not-utf8", 2), ("bomb.md", "yaml-anchor", 2),
        ] {
            #expect(out.stdout.contains("plans/demo/1-muc/\(file):\(line):"), "\(file)")
            #expect(out.stdout.contains("error[\(rule)]"), "\(rule)")
        }
    }

    @Test func rulesListsEveryRule() throws {
        let out = try PlanBinary.run(["rules", "--lang", "en"])
        #expect(out.status == 0)
        for d in RuleRegistry.descriptions { #expect(out.stdout.contains(d.id)) }
    }
}

@Suite struct ReadmeTests {
    /// The README's rule table is `plan rules --markdown --lang en`.
    @Test func ruleTableIsCurrent() throws {
        let readme = try String(
            contentsOf: PlanBinary.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try PlanBinary.run(["rules", "--markdown", "--lang", "en"]).stdout
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == table)
    }
}

@Suite struct ReportCommandTests {
    @Test func reportAndStatusOnARepository() throws {
        let dir = try Git.exampleRepository()
        try dir.write(
            ExampleWorkspace.itemPath, ExampleWorkspace.item(["timeframe: Tháng 11/2021", "status: in-progress"]))
        try Git.must(["commit", "-q", "-am", "Lùi hạn"], in: dir.path)
        let md = try PlanBinary.run(["report", "-n", "1"], in: dir.path)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(
            md.stdout.contains(
                "- 1.a: trạng thái done → in-progress; thời gian lùi từ tháng 9/2021 sang tháng 11/2021 (+61 ngày)"))
        let json = try JSONValue.parse(
            Data(try PlanBinary.run(["report", "--format", "json"], in: dir.path).stdout.utf8))
        #expect(json["commits"]?.arrayValue?.count == 2)
        let status = try PlanBinary.run(["status", "--today", "2021-12-01", "--lang", "en"], in: dir.path)
        #expect(status.stdout.contains("## Overdue (1)"))
        #expect(
            status.stdout.contains(
                "- 1.a — Phòng Tuyên truyền - Báo chí - Xuất bản: due 2021-11-30, 1 days ago, in progress"))
        let at = try PlanBinary.run(
            ["status", "--at", "HEAD~1", "--today", "2021-12-01", "--format", "json"], in: dir.path)
        #expect(try JSONValue.parse(Data(at.stdout.utf8))["overdue"]?.arrayValue?.isEmpty == true)
    }

    /// A history read with a helper process (`plan history-helper`, from the first commit on here)
    /// gives the report one process gives; a helper given nonsense stops with an error.
    @Test func reportWithAHelperProcess() throws {
        let dir = try Git.exampleRepository()
        for (k, status) in ["in-progress", "done", "in-progress", "planned", "done"].enumerated() {
            try dir.write(
                ExampleWorkspace.itemPath,
                ExampleWorkspace.item(["timeframe: Tháng \(k + 7)/2021", "status: \(status)"], body: "Bước \(k).\n"))
            try dir.write("plans/demo/9-them/9\(k).md", ExampleWorkspace.item(["id: demo/9.\(k)", "status: planned"]))
            try Git.must(["add", "-A"], in: dir.path)
            try Git.must(["commit", "-q", "-m", "Bước \(k)"], in: dir.path)
        }
        let cache = dir.path + "/.git/plan/report-cache"
        try? FileManager.default.removeItem(atPath: cache)
        let alone = try PlanBinary.run(
            ["report", "--format", "json"], in: dir.path, environment: ["PLAN_THREADS": "1"])
        #expect(alone.status == 0, "\(alone.stderr)")
        try FileManager.default.removeItem(atPath: cache)
        let helped = try PlanBinary.run(
            ["report", "--format", "json"], in: dir.path,
            environment: ["PLAN_THREADS": "2", "PLAN_HELPER_MINIMUM": "0", "PLAN_TIMING": "1"])
        #expect(helped.status == 0, "\(helped.stderr)")
        #expect(helped.stdout == alone.stdout)
        // This process read the newer half of the six commits; the helper the rest.
        // (Had the helper failed, this process would have read the other half too, a second line.)
        #expect(helped.stderr.components(separatedBy: "commits compared").count == 2, "\(helped.stderr)")
        #expect(helped.stderr.contains("history: 3 commits compared"), "\(helped.stderr)")
        let nonsense = try PlanBinary.run(
            [
                "history-helper", "--workspace", "{}", "--plans", "plans", "--units", "schemas/units.yaml", "--program",
                "1",
            ],
            in: dir.path, input: "not-an-id\n")
        #expect(nonsense.status == 2)
    }

    @Test func reportOutsideARepositoryIsAClearError() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let out = try PlanBinary.run(
            ["report", "--lang", "en"], in: dir.path, environment: ["GIT_CEILING_DIRECTORIES": dir.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("not a git repository"))
    }
}

@Suite struct FormatAndFixCommandTests {
    @Test func helpInBothLanguages() throws {
        #expect(try PlanBinary.run(["check", "--help", "--lang", "vi"]).stdout.contains("Kiểm tra các nhiệm vụ"))
        #expect(try PlanBinary.run(["check", "--help", "--lang", "en"]).stdout.contains("Check plan items"))
        #expect(
            try PlanBinary.run(["report", "--help"], environment: ["LANG": "vi_VN.UTF-8"]).stdout.contains(
                "Báo cáo thay đổi"))
    }

    @Test func fixWritesAtomicallyKeepsPermissionsAndIsIdempotent() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let path = "plans/demo/1-muc/1b.md"
        try dir.write(
            path,
            ExampleWorkspace.item(
                ["id: demo/1.b", "lead: Phòng Tuyên truyền - Báo chí và Xuất bản"],
                body: "Công tác công tác dân vận.\n"))
        chmod(dir.path + "/" + path, 0o640)
        let dry = try PlanBinary.run(["check", "--fix", "--dry-run", "--lang", "en"], in: dir.path)
        #expect(dry.stdout.contains("+lead: Phòng Tuyên truyền - Báo chí - Xuất bản"))
        #expect(try dir.read(path).contains("Báo chí và Xuất bản"), "--dry-run writes nothing")
        let fixed = try PlanBinary.run(["check", "--fix", "--lang", "en", "--today", "2022-01-15"], in: dir.path)
        #expect(fixed.status == 0)
        #expect(fixed.stdout.contains("fixed [unit-alias]"))
        #expect(
            try dir.read(path)
                == ExampleWorkspace.item(
                    ["id: demo/1.b", "lead: Phòng Tuyên truyền - Báo chí - Xuất bản"],
                    body: "Công tác dân vận.\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/" + path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let again = try PlanBinary.run(["check", "--fix", "--lang", "en", "--today", "2022-01-15"], in: dir.path)
        #expect(again.stderr.contains("nothing to fix"))
    }

    @Test func baselineWorkflow() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Cũ"]))
        #expect(try PlanBinary.run(["check"], in: dir.path).status == 1)
        let write = try PlanBinary.run(["check", "--write-baseline", "baseline.json", "--lang", "en"], in: dir.path)
        #expect(write.status == 0 && write.stderr.contains("1 findings recorded"))
        // Known findings are not reported, even when their line moves.
        try dir.write(
            "plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "tags: [mới]", "lead: Phòng Cũ"]))
        let known = try PlanBinary.run(["check", "--baseline", "baseline.json", "--today", "2022-01-15"], in: dir.path)
        #expect(known.status == 0, "\(known.stdout)")
        // A new finding is.
        try dir.write("plans/demo/1-muc/1c.md", ExampleWorkspace.item(["id: demo/1.c", "lead: Phòng Mới Sai"]))
        let new = try PlanBinary.run(["check", "--baseline", "baseline.json", "--today", "2022-01-15"], in: dir.path)
        #expect(new.status == 1)
        #expect(new.stdout.contains("1c.md") && !new.stdout.contains("1b.md"))
    }

    @Test func sarifAndGitHubFormats() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Mới"]))
        let sarif = try PlanBinary.run(["check", "--format", "sarif"], in: dir.path)
        #expect(try JSONValue.parse(Data(sarif.stdout.utf8))["version"] == "2.1.0")
        let github = try PlanBinary.run(["check", "--format", "github", "--lang", "en"], in: dir.path)
        #expect(
            github.stdout.contains("::error file=plans/demo/1-muc/1b.md,line=4,col=7,title=unit-unknown::unknown unit"))
    }
}
