import Foundation
import PlanKit
import TestSupport
import Testing

/// A shared repository on a git server: bare repositories with the hook `plan hook install --server`
/// writes, and real `git push` over file:// (git quarantines the pushed objects of a local push too).
@Suite struct ServerHookTests {
    static let units = """
        units:
          - id: ptt-bc-xb
            name: Phòng Tuyên truyền - Báo chí - Xuất bản
            kind: internal
            members: [lan, lan@example.org]
          - id: pvh-vn-kg-th
            name: Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp
            kind: internal
            members: [hoa]
          - id: so-tttt
            name: Sở Thông tin và Truyền thông
            kind: external

        """

    /// Nobody, unless a test says who: the test process's own environment must not leak a pusher.
    static let nobody = ["GITEA_PUSHER_NAME": "", "GITEA_PUSHER_EMAIL": "", "GL_USERNAME": "", "PLAN_PUSHER": ""]

    struct Setup {
        let server: TemporaryDirectory
        let clone: TemporaryDirectory
        var bare: String { server.path + "/plan.git" }

        func push(as env: [String: String], _ ref: String = "main") throws -> PlanBinary.Output {
            var e = ServerHookTests.nobody
            for (k, v) in env { e[k] = v }
            return try Git.run(["push", "origin", "HEAD:refs/heads/" + ref], in: clone.path, environment: e)
        }

        func serverHead(_ ref: String = "main") throws -> String {
            try Git.must(["rev-parse", ref], in: bare).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func commit(_ message: String, _ files: [String: String]) throws -> String {
            for (p, t) in files { try clone.write(p, t) }
            try Git.must(["add", "-A"], in: clone.path)
            try Git.must(["commit", "-q", "--no-verify", "-m", message], in: clone.path)
            return try Git.must(["rev-parse", "HEAD"], in: clone.path).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Whether the server has the object at all (a refused push must leave none behind).
        func serverHas(_ id: String) throws -> Bool {
            try Git.run(["cat-file", "-e", id], in: bare).status == 0
        }
    }

    /// A server repository with the hook in `layout`, and a clone that pushed the example workspace
    /// with `authorization` set.
    func setup(layout: String, authorization: String = "enforce") throws -> Setup {
        let server = try TemporaryDirectory()
        let bare = server.path + "/plan.git"
        try Git.must(["init", "-q", "--bare", "-b", "main", bare], in: server.path)
        switch layout {
        case "gitea":
            // What Gitea and Forgejo do: their own pre-receive runs every executable of pre-receive.d.
            try server.write(
                "plan.git/hooks/pre-receive",
                """
                #!/bin/sh
                data=$(cat)
                for hook in "$GIT_DIR"/hooks/pre-receive.d/*; do
                    [ -x "$hook" ] || continue
                    printf '%s\\n' "$data" | "$hook" || exit 1
                done

                """)
            chmod(bare + "/hooks/pre-receive", 0o755)
            try FileManager.default.createDirectory(
                atPath: bare + "/hooks/pre-receive.d", withIntermediateDirectories: true)
        case "gitlab":
            // GitLab runs custom_hooks/pre-receive.d/ through its own hook; a plain git server does not, so
            // the test links git's hook to it.
            try FileManager.default.createDirectory(
                atPath: bare + "/custom_hooks", withIntermediateDirectories: true)
        default: break
        }
        let installed = try PlanBinary.run(["hook", "install", "--server", bare, "--lang", "en"], in: server.path)
        #expect(installed.status == 0, "\(installed.stderr)")
        if layout == "gitlab" {
            #expect(FileManager.default.isExecutableFile(atPath: bare + "/custom_hooks/pre-receive.d/plan"))
            try FileManager.default.createSymbolicLink(
                atPath: bare + "/hooks/pre-receive", withDestinationPath: bare + "/custom_hooks/pre-receive.d/plan")
        }
        let clone = try Git.exampleRepository(commit: false)
        try clone.write("schemas/units.yaml", Self.units)
        try clone.write(
            "plan.yaml",
            ExampleWorkspace.config + "authorization: \(authorization)\nadmins: [admin, admin@example.org]\n")
        try Git.must(["add", "-A"], in: clone.path)
        try Git.must(["commit", "-q", "-m", "Khởi tạo"], in: clone.path)
        try Git.must(["remote", "add", "origin", bare], in: clone.path)
        let s = Setup(server: server, clone: clone)
        // An empty repository has no rules yet: the first push sets them.
        let first = try s.push(as: [:])
        #expect(first.status == 0, "\(first.stderr)")
        return s
    }

    static let progressed = ExampleWorkspace.item(
        [], body: "Nội dung nhiệm vụ.\n\n## Kết quả thực hiện\n\n- 20/9/2021: Đã tổ chức tuyên truyền.\n")
    static let rescheduled = ExampleWorkspace.item(["timeframe: Tháng 10/2021"])

    @Test func giteaMembersReportTheirOwnItemsOnly() throws {
        let s = try setup(layout: "gitea")
        #expect(FileManager.default.isExecutableFile(atPath: s.bare + "/hooks/pre-receive.d/plan"))
        let before = try s.serverHead()
        let id = try s.commit("Báo cáo kết quả", [ExampleWorkspace.itemPath: Self.progressed])

        // Not a member of the lead unit: refused, nothing stored.
        let refused = try s.push(as: ["GITEA_PUSHER_NAME": "hoa", "GITEA_PUSHER_EMAIL": "hoa@example.org"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("commit \(id.prefix(7))"), "\(refused.stderr)")
        #expect(refused.stderr.contains("‘body’ của nhiệm vụ ‘demo/1.a’"), "\(refused.stderr)")
        #expect(refused.stderr.contains("hoa / hoa@example.org"))
        #expect(refused.stderr.contains("‘Phòng Tuyên truyền - Báo chí - Xuất bản’"))
        #expect(try s.serverHead() == before)
        #expect(try !s.serverHas(id))

        // The same commit from a member (known by email): accepted.
        let accepted = try s.push(as: ["GITEA_PUSHER_NAME": "lan2", "GITEA_PUSHER_EMAIL": "LAN@example.org"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try s.serverHead() == id)
    }

    @Test func gitlabAdminsChangeTheTimeframeMembersMayNot() throws {
        let s = try setup(layout: "gitlab")
        let id = try s.commit("Dời hạn", [ExampleWorkspace.itemPath: Self.rescheduled])
        let refused = try s.push(as: ["GL_USERNAME": "lan", "GL_ID": "user-2"])
        #expect(refused.status != 0)
        // GitLab shows a hook's message only with this prefix.
        #expect(refused.stderr.contains("GL-HOOK-ERR: commit \(id.prefix(7)) sửa ‘timeframe’"), "\(refused.stderr)")
        #expect(try !s.serverHas(id))
        let accepted = try s.push(as: ["GL_USERNAME": "admin", "GL_ID": "user-1"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try s.serverHead() == id)
    }

    @Test func plainSshAddingItemsAndChangingTheRulesNeedAnAdmin() throws {
        let s = try setup(layout: "plain")
        let added = try s.commit(
            "Thêm nhiệm vụ",
            ["plans/demo/1-muc/1b.md": ExampleWorkspace.item(["id: demo/1.b"])])
        let refused = try s.push(as: ["PLAN_PUSHER": "lan"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("thêm nhiệm vụ ‘demo/1.b’"), "\(refused.stderr)")
        #expect(try !s.serverHas(added))
        #expect(try s.push(as: ["PLAN_PUSHER": "admin"]).status == 0)

        // Turning the rules off is a change of plan.yaml: the rules on the server decide it.
        let off = try s.commit("Tắt phân quyền", ["plan.yaml": ExampleWorkspace.config + "authorization: off\n"])
        let sneaky = try s.push(as: ["PLAN_PUSHER": "lan"])
        #expect(sneaky.status != 0)
        #expect(sneaky.stderr.contains("sửa plan.yaml"), "\(sneaky.stderr)")
        #expect(try !s.serverHas(off))
        // On a new branch too.
        #expect(try s.push(as: ["PLAN_PUSHER": "lan"], "tat-phan-quyen").status != 0)
    }

    @Test func withoutAServerIdentityOnlyWarnIsPossible() throws {
        let s = try setup(layout: "plain")
        _ = try s.commit("Báo cáo kết quả", [ExampleWorkspace.itemPath: Self.progressed])
        let refused = try s.push(as: [:])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("GITEA_PUSHER_NAME, GL_USERNAME hoặc PLAN_PUSHER"), "\(refused.stderr)")
        // The author written in the commit counts for nothing.
        try Git.must(["commit", "-q", "--amend", "--no-edit", "--author", "lan <lan@example.org>"], in: s.clone.path)
        #expect(try s.push(as: [:]).status != 0)

        let w = try setup(layout: "plain", authorization: "warn")
        let id = try w.commit("Báo cáo kết quả", [ExampleWorkspace.itemPath: Self.progressed])
        let warned = try w.push(as: [:])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("authorization: warn"), "\(warned.stderr)")
        #expect(try w.serverHead() == id)
    }

    @Test func plansErrorsStillRefuseAndForeignHooksAreKept() throws {
        let s = try setup(layout: "plain", authorization: "off")
        _ = try s.commit(
            "Ngày sai", [ExampleWorkspace.itemPath: ExampleWorkspace.item(["timeframe: Trước ngày 31/2/2022"])])
        let refused = try s.push(as: ["PLAN_PUSHER": "admin"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("timeframe-invalid-date"), "\(refused.stderr)")

        let other = try TemporaryDirectory()
        try Git.must(["init", "-q", "--bare", other.path + "/x.git"], in: other.path)
        try other.write("x.git/hooks/pre-receive", "#!/bin/sh\nexit 0\n")
        let out = try PlanBinary.run(["hook", "install", "--server", other.path + "/x.git", "--lang", "en"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("not plan's"), "\(out.stderr)")
        #expect(try other.read("x.git/hooks/pre-receive") == "#!/bin/sh\nexit 0\n")
        // Installing again over plan's own hook is fine.
        #expect(try PlanBinary.run(["hook", "install", "--server", s.bare]).status == 0)
    }

    @Test func mergingAnAcceptedBranchIsNotHeldAgainstTheMerger() throws {
        let s = try setup(layout: "plain")
        // An admin reschedules on main.
        try Git.must(["checkout", "-q", "-b", "lich"], in: s.clone.path)
        _ = try s.commit("Dời hạn", [ExampleWorkspace.itemPath: Self.rescheduled])
        #expect(try s.push(as: ["PLAN_PUSHER": "admin"], "lich").status == 0)
        // A member reports on a branch of their own, then merges the admin's branch into it.
        try Git.must(["checkout", "-q", "main"], in: s.clone.path)
        try Git.must(["checkout", "-q", "-b", "bao-cao"], in: s.clone.path)
        try s.clone.write("plans/demo/ghi-chu.txt", "ghi chú\n")
        try Git.must(["add", "-A"], in: s.clone.path)
        try Git.must(["commit", "-q", "--no-verify", "-m", "Ghi chú"], in: s.clone.path)
        try Git.must(["merge", "-q", "--no-edit", "lich"], in: s.clone.path)
        let merged = try s.push(as: ["PLAN_PUSHER": "lan"], "bao-cao")
        #expect(merged.status == 0, "\(merged.stderr)")
    }
}

/// A merger end to end: the registry says a unit ended and who took over, `plan check` flags the open
/// items that still name it, `--fix` moves them, and `plan units --at` shows the registry on a date.
@Suite struct MergerTests {
    @Test func aUnitEndsItsOpenItemsAreFlaggedAndFixMovesThem() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write(
            "schemas/units.yaml",
            ExampleWorkspace.units + """
                  - id: phong-dv
                    name: Phòng Dân vận
                    kind: internal
                    until: 2021-12-31
                    successor: phong-tgdv
                  - id: phong-tgdv
                    name: Phòng Tuyên giáo và Dân vận
                    kind: internal
                    from: 2022-01-01

                """)
        let open = ExampleWorkspace.item(["lead: Phòng Dân vận", "status: in-progress", "-completed"])
        let done = ExampleWorkspace.item(["id: demo/1.b", "lead: Phòng Dân vận"])
        try dir.write(ExampleWorkspace.itemPath, open)
        try dir.write("plans/demo/1-muc/1b.md", done)

        // Before the merger nothing is wrong.
        let before = try PlanBinary.run(["check", "--today", "2021-12-31", "--lang", "en"], in: dir.path)
        #expect(!before.stdout.contains("unit-ended"), "\(before.stdout)")
        let after = try PlanBinary.run(["check", "--today", "2022-01-15", "--lang", "en"], in: dir.path)
        #expect(after.stdout.contains("warning[unit-ended]"), "\(after.stdout)")
        #expect(after.stdout.contains("its work passed to ‘Phòng Tuyên giáo và Dân vận’"))
        // Only the open item: the finished one keeps the name it was done under.
        #expect(after.stdout.components(separatedBy: "[unit-ended]").count == 2)

        let fixed = try PlanBinary.run(["check", "--fix", "--today", "2022-01-15", "--lang", "en"], in: dir.path)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(try dir.read(ExampleWorkspace.itemPath).contains("lead: Phòng Tuyên giáo và Dân vận\n"))
        #expect(try dir.read("plans/demo/1-muc/1b.md") == done)
        let clean = try PlanBinary.run(["check", "--today", "2022-01-15", "--lang", "en"], in: dir.path)
        #expect(!clean.stdout.contains("unit-ended"), "\(clean.stdout)")

        let then = try PlanBinary.run(["units", "--at", "2021-06-01", "--lang", "en"], in: dir.path)
        #expect(then.stdout.contains("phong-dv"))
        #expect(!then.stdout.contains("phong-tgdv  "))
        #expect(
            then.stdout.contains("1/1/2021 – 31/12/2021 → phong-tgdv")
                || then.stdout.contains("… – 31/12/2021 → phong-tgdv"))
        let now = try PlanBinary.run(["units", "--at", "2022-01-15", "--format", "json"], in: dir.path)
        #expect(!now.stdout.contains("\"phong-dv\""))
        #expect(now.stdout.contains("\"phong-tgdv\""))
    }
}
