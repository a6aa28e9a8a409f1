import Foundation
import PlanKit
import TestSupport
import Testing

/// prepare-commit-msg and plan changelog, with git itself and the real binary.
@Suite struct SummaryHookTests {
    static let item = ExampleWorkspace.itemPath

    func repository(commitSummary: String? = nil) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory.exampleWorkspace()
        if let commitSummary {
            try dir.write("plan.yaml", ExampleWorkspace.config + "commit_summary: \(commitSummary)\n")
        }
        try Git.must(["init", "-q", "-b", "main"], in: dir.path)
        let out = try PlanBinary.run(["hook", "install"], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        return dir
    }

    func message(_ dir: TemporaryDirectory, _ rev: String = "HEAD") throws -> String {
        try Git.must(["log", "-1", "--format=%B", rev], in: dir.path)
    }

    /// An editor that writes `text` above what the message file holds, as a person would.
    func editor(_ dir: TemporaryDirectory, writes text: String) throws -> [String: String] {
        try editorScript(dir, "printf '\(text)' > \"$1.new\"; cat \"$1\" >> \"$1.new\"")
    }

    /// An editor that replaces the first line (the proposed subject) with `text`.
    func editor(_ dir: TemporaryDirectory, replacesSubjectWith text: String) throws -> [String: String] {
        try editorScript(dir, "{ printf '\(text)'; tail -n +2 \"$1\"; } > \"$1.new\"")
    }

    private func editorScript(_ dir: TemporaryDirectory, _ body: String) throws -> [String: String] {
        let script = dir.path + "/.git/editor-\(UUID().uuidString).sh"
        try "#!/bin/sh\n\(body); mv \"$1.new\" \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return ["GIT_EDITOR": script]
    }

    @Test func firstCommitWithAMessageGetsTheSummaryBelowIt() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "Khởi tạo kế hoạch"], in: dir.path)
        #expect(
            try message(dir)
                == "Khởi tạo kế hoạch\n\nThay đổi trong kế hoạch:\n- 1.a: thêm mới: ‘Tuyên truyền, phổ biến kế hoạch’\n\n"
        )
    }

    @Test func editorWithoutASubjectGetsOneProposed() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress", "timeframe: Tháng 11/2021"]))
        try Git.must(["add", "-A"], in: dir.path)
        // The editor leaves the template as it is: the proposed subject is accepted.
        try Git.must(["commit", "-q"], in: dir.path, environment: ["GIT_EDITOR": "true"])
        #expect(
            try message(dir) == """
                Cập nhật kế hoạch demo: 1 nhiệm vụ

                Thay đổi trong kế hoạch:
                - 1.a: trạng thái done → in-progress; thời gian lùi từ tháng 9/2021 sang tháng 11/2021 (+61 ngày)


                """)
    }

    /// The hook runs before the editor opens: the user replaces the proposed subject with their own.
    @Test func editorWhereTheUserWritesTheirOwnSubject() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress"]))
        try Git.must(["add", "-A"], in: dir.path)
        let env = try editor(
            dir, replacesSubjectWith: "Cập nhật tiến độ tuần 40\\n\\nTheo ý kiến chỉ đạo của Trưởng ban.\\n")
        try Git.must(["commit", "-q"], in: dir.path, environment: env)
        #expect(
            try message(dir) == """
                Cập nhật tiến độ tuần 40

                Theo ý kiến chỉ đạo của Trưởng ban.

                Thay đổi trong kế hoạch:
                - 1.a: trạng thái done → in-progress


                """)
    }

    @Test func vietnameseMessageWithTheUsersTrailingLinesKept() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress"]))
        try Git.must(
            [
                "commit", "-q", "-a", "-m", "Cập nhật tiến độ tuần 40", "-m", "Theo ý kiến chỉ đạo của Trưởng ban.",
                "-m", "Reviewed-by: Trần Thị B <b@example.org>",
            ], in: dir.path)
        #expect(
            try message(dir) == """
                Cập nhật tiến độ tuần 40

                Theo ý kiến chỉ đạo của Trưởng ban.

                Thay đổi trong kế hoạch:
                - 1.a: trạng thái done → in-progress

                Reviewed-by: Trần Thị B <b@example.org>


                """)
    }

    @Test func commitTouchingNoItemIsLeftAlone() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try dir.write("README.md", "Ghi chú\n")
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "Thêm ghi chú"], in: dir.path)
        #expect(try message(dir) == "Thêm ghi chú\n\n")
    }

    @Test func amendReplacesTheSummaryAndAnAmendChangingNoItemKeepsIt() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress"]))
        try Git.must(["commit", "-q", "-am", "Bắt đầu"], in: dir.path)
        let first = try message(dir)
        // Amending with no item change: the message (with its summary) stays as it was.
        try Git.must(["commit", "-q", "--amend", "--no-edit"], in: dir.path)
        #expect(try message(dir) == first)
        // Amending with another item change: one summary, describing the whole amended commit.
        try dir.write(Self.item, ExampleWorkspace.item(["status: blocked"]))
        try Git.must(["commit", "-q", "-a", "--amend", "--no-edit"], in: dir.path)
        #expect(try message(dir) == "Bắt đầu\n\nThay đổi trong kế hoạch:\n- 1.a: trạng thái done → blocked\n\n")
    }

    @Test func mergeMessagesAreLeftAlone() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        try Git.must(["checkout", "-q", "-b", "nhanh"], in: dir.path)
        try dir.write("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"]))
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "Thêm 1.b"], in: dir.path)
        try Git.must(["checkout", "-q", "main"], in: dir.path)
        try dir.write("README.md", "x\n")
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "y"], in: dir.path)
        try Git.must(["merge", "-q", "--no-ff", "-m", "Gộp nhánh", "nhanh"], in: dir.path)
        #expect(try message(dir) == "Gộp nhánh\n\n")
    }

    @Test func commentModeAndOff() throws {
        let dir = try repository(commitSummary: "comment")
        try Git.must(["add", "-A"], in: dir.path)
        // With -m nothing is added (comments would not be stripped).
        try Git.must(["commit", "-q", "-m", "Khởi tạo"], in: dir.path)
        #expect(try message(dir) == "Khởi tạo\n\n")
        // With an editor the lines are there as comments, and git strips them.
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress"]))
        try Git.must(["add", "-A"], in: dir.path)
        let env = try editor(dir, writes: "Việc của tôi\\n")
        let capture = dir.path + "/.git/seen.txt"
        try "#!/bin/sh\n\(env["GIT_EDITOR"]!) \"$1\"; cp \"$1\" \(capture)\n".write(
            toFile: dir.path + "/.git/ed2.sh", atomically: true, encoding: .utf8)
        chmod(dir.path + "/.git/ed2.sh", 0o755)
        try Git.must(["commit", "-q"], in: dir.path, environment: ["GIT_EDITOR": dir.path + "/.git/ed2.sh"])
        #expect(try String(contentsOfFile: capture, encoding: .utf8).contains("# - 1.a: trạng thái done → in-progress"))
        #expect(try message(dir) == "Việc của tôi\n\n")

        let off = try repository(commitSummary: "off")
        try Git.must(["add", "-A"], in: off.path)
        try Git.must(["commit", "-q", "-m", "Khởi tạo"], in: off.path)
        #expect(try message(off) == "Khởi tạo\n\n")
    }

    @Test func internalErrorLeavesTheMessageAndDoesNotFail() throws {
        let dir = try TemporaryDirectory()
        try dir.write("msg", "Lời nhắn của tôi\n")
        let out = try PlanBinary.run(
            ["summary", "--staged", "--message-file", dir.path + "/msg", "--lang", "en"], in: dir.path,
            environment: ["GIT_CEILING_DIRECTORIES": dir.path])
        #expect(out.status == 0)
        #expect(out.stderr.contains("the message is as you wrote it"))
        #expect(try dir.read("msg") == "Lời nhắn của tôi\n")
    }

    @Test func summaryPrintsTheLines() throws {
        let dir = try Git.exampleRepository()
        try dir.write(Self.item, ExampleWorkspace.item(["lead: Sở Thông tin và Truyền thông"]))
        try Git.must(["add", "-A"], in: dir.path)
        let out = try PlanBinary.run(["summary", "--staged", "--lang", "en"], in: dir.path)
        #expect(out.stdout == "1.a: lead ‘Phòng Tuyên truyền - Báo chí - Xuất bản’ → ‘Sở Thông tin và Truyền thông’\n")
        try Git.must(["commit", "-q", "--no-verify", "-m", "x"], in: dir.path)
        #expect(try PlanBinary.run(["summary", "--rev", "HEAD", "--lang", "en"], in: dir.path).stdout == out.stdout)
    }

    @Test func changelogUpdatedInPlaceEqualsAFreshOne() throws {
        let dir = try repository()
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(
            ["commit", "-q", "-m", "Khởi tạo"], in: dir.path,
            environment: ["GIT_AUTHOR_DATE": "2021-09-01T09:00:00+07:00"])
        let first = try PlanBinary.run(["changelog", "--output", "CHANGELOG.md"], in: dir.path)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try dir.read("CHANGELOG.md")
        #expect(written.hasPrefix("# Nhật ký thay đổi kế hoạch\n"))
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress"]))
        try Git.must(
            ["commit", "-q", "-am", "Bắt đầu"], in: dir.path,
            environment: ["GIT_AUTHOR_DATE": "2021-09-15T09:00:00+07:00"])
        try dir.write(Self.item, ExampleWorkspace.item(["status: done"]))
        try Git.must(
            ["commit", "-q", "-am", "Xong"], in: dir.path, environment: ["GIT_AUTHOR_DATE": "2021-10-15T09:00:00+07:00"]
        )
        let second = try PlanBinary.run(["changelog", "--output", "CHANGELOG.md"], in: dir.path)
        #expect(second.stderr.contains("đã thêm 2 commit"), "\(second.stderr)")
        let updated = try dir.read("CHANGELOG.md")
        #expect(updated.hasPrefix(written.components(separatedBy: "<!-- plan-changelog")[0]))
        let fresh = try PlanBinary.run(["changelog"], in: dir.path).stdout
        #expect(updated == fresh)
        #expect(updated.contains("## Tháng 10/2021"))
        #expect(
            try PlanBinary.run(["changelog", "--output", "CHANGELOG.md"], in: dir.path).stderr.contains(
                "đã cập nhật đầy đủ"))
        // Another language is another file: written anew.
        #expect(
            try PlanBinary.run(["changelog", "--output", "CHANGELOG.md", "--lang", "en"], in: dir.path).stderr.contains(
                "3 commits added"))
    }
}
