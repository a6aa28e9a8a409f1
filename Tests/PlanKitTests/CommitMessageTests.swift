import Testing

@testable import PlanKit

@Suite struct CommitMessageTests {
    let lines = ["1.a: trạng thái planned → in-progress", "2.b: sửa nội dung (+1 −0 dòng)"]

    func insert(_ text: String, mode: CommitMessage.Mode = .append, stripped: Bool = true) -> String {
        CommitMessage.insert(
            into: text, lines: lines, subject: "Cập nhật kế hoạch demo: 2 nhiệm vụ", language: .vi,
            mode: mode, commentsAreStripped: stripped)
    }

    @Test func appendsBelowTheUsersText() {
        #expect(
            insert("Sửa hạn\n", stripped: false) == """
                Sửa hạn

                Thay đổi trong kế hoạch:
                - 1.a: trạng thái planned → in-progress
                - 2.b: sửa nội dung (+1 −0 dòng)

                """)
    }

    @Test func keepsGitsCommentsAfterTheSummary() {
        let template = "Sửa hạn\n\n# Please enter the commit message for your changes.\n# On branch main\n"
        #expect(
            insert(template) == """
                Sửa hạn

                Thay đổi trong kế hoạch:
                - 1.a: trạng thái planned → in-progress
                - 2.b: sửa nội dung (+1 −0 dòng)

                # Please enter the commit message for your changes.
                # On branch main

                """)
    }

    @Test func proposesASubjectWhenThereIsNone() {
        let out = insert("\n# Please enter the commit message for your changes.\n")
        #expect(out.hasPrefix("Cập nhật kế hoạch demo: 2 nhiệm vụ\n\nThay đổi trong kế hoạch:\n- 1.a"))
        #expect(out.hasSuffix("\n\n# Please enter the commit message for your changes.\n"))
    }

    @Test func trailersStayLast() {
        let out = insert(
            "Sửa hạn\n\nGhi chú thêm của người dùng.\n\nSigned-off-by: Nguyễn Văn A <a@example.org>\nCo-authored-by: B <b@example.org>\n",
            stripped: false)
        #expect(
            out == """
                Sửa hạn

                Ghi chú thêm của người dùng.

                Thay đổi trong kế hoạch:
                - 1.a: trạng thái planned → in-progress
                - 2.b: sửa nội dung (+1 −0 dòng)

                Signed-off-by: Nguyễn Văn A <a@example.org>
                Co-authored-by: B <b@example.org>

                """)
    }

    @Test func anEarlierSummaryIsReplacedNotRepeated() {
        let once = insert("Sửa hạn\n", stripped: false)
        #expect(insert(once, stripped: false) == once)
        let english = "Sửa hạn\n\nPlan changes:\n- 9.z: removed\n"
        #expect(insert(english, stripped: false) == once)
    }

    @Test func commentModeWritesCommentsOnlyWhenAnEditorOpens() {
        let template = "\n# Please enter the commit message for your changes.\n"
        let out = insert(template, mode: .comment)
        #expect(
            out
                == "\n# Thay đổi trong kế hoạch:\n# - 1.a: trạng thái planned → in-progress\n# - 2.b: sửa nội dung (+1 −0 dòng)\n#\n# Please enter the commit message for your changes.\n"
        )
        #expect(insert("Sửa hạn\n", mode: .comment, stripped: false) == "Sửa hạn\n")
    }

    @Test func theUsersTextIsAlwaysThePrefix() {
        for text in ["a", "a\n", "a\n\nb\n", "Dòng 1\nDòng 2\n\n\n", "Tiêu đề\n\nThân: có dấu hai chấm\n"] {
            let out = insert(text, stripped: false)
            let kept = text.trimmingCharacters(in: .newlines)
            #expect(out.hasPrefix(kept), "\(text)")
        }
    }
}

@Suite struct ChangelogTests {
    func commit(_ id: String, _ date: String, _ subject: String) -> CommitReport {
        let d = CivilDate(iso: date)!
        return CommitReport(
            id: id + String(repeating: "0", count: 40 - id.count), author: "A", email: "a@x",
            time: Int64(d.dayNumber) * 86_400 + 3600, offsetMinutes: 420, message: subject + "\n",
            changes: [
                ItemChange(
                    kind: .modified, item: "demo/1.a", path: "p/1a.md",
                    fields: [FieldChange(field: "status", from: "planned", to: "done")])
            ])
    }

    @Test(arguments: [Changelog.Grouping.month, .period([(6, 10), (11, 15)])])
    func updateEqualsAFullRender(_ grouping: Changelog.Grouping) {
        let log = Changelog(language: .vi, grouping: grouping)
        let old = [
            commit("c3", "2021-10-20", "Ba"), commit("c2", "2021-10-02", "Hai"), commit("c1", "2021-05-01", "Một"),
        ]
        let new = [
            commit("c6", "2022-01-05", "Sáu"), commit("c5", "2021-11-20", "Năm"), commit("c4", "2021-10-25", "Bốn"),
        ]
        let first = log.render(old, head: old[0].id)
        #expect(log.recordedHead(in: first) == old[0].id)
        let updated = log.update(first, newCommits: new, head: new[0].id)
        #expect(updated == log.render(new + old, head: new[0].id))
        // Other settings: not an update of this file.
        #expect(Changelog(language: .en, grouping: grouping).update(first, newCommits: new, head: "x") == nil)
    }

    @Test func periodsEndOnReportDays() {
        let log = Changelog(language: .vi, grouping: .period([(6, 10), (11, 15)]))
        #expect(log.group(of: CivilDate(iso: "2022-06-10")!).title == "Kỳ báo cáo 16/11/2021 – 10/6/2022")
        #expect(log.group(of: CivilDate(iso: "2022-06-11")!).title == "Kỳ báo cáo 11/6/2022 – 15/11/2022")
        #expect(log.group(of: CivilDate(iso: "2021-12-01")!).key == "2022-06-10")
    }
}
