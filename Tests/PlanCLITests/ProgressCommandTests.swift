import Foundation
import PlanKit
import TestSupport
import Testing

/// `plan progress` on real files: only the spans of the fields given change, and a change the rules
/// reject leaves the file as it was.
@Suite struct ProgressCommandTests {
    static let item = """
        ---
        id: demo/1.a
        title:   Tuyên truyền, phổ biến kế hoạch   # a comment stays
        lead: Phòng Tuyên truyền - Báo chí - Xuất bản
        support:
          - Sở Thông tin và Truyền thông
        timeframe: Tháng 12/2021
        status: in-progress
        ---
        Nội dung nhiệm vụ.

        """

    @Test func writesOnlyTheGivenSpans() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write(ExampleWorkspace.itemPath, Self.item)
        let out = try PlanBinary.run(
            [
                "progress", "1.a", "--status", "done", "--completed", "2021-12-20",
                "--evidence", "Báo cáo số 12-BC/BTGTU ngày 20/12/2021", "--note", "Đã tổ chức 2 hội nghị.",
                "--today", "2022-01-15", "--lang", "en",
            ], in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "recorded in \(ExampleWorkspace.itemPath)\n")
        #expect(
            try dir.read(ExampleWorkspace.itemPath) == """
                ---
                id: demo/1.a
                title:   Tuyên truyền, phổ biến kế hoạch   # a comment stays
                lead: Phòng Tuyên truyền - Báo chí - Xuất bản
                support:
                  - Sở Thông tin và Truyền thông
                timeframe: Tháng 12/2021
                status: done
                completed: 2021-12-20
                evidence:
                  - Báo cáo số 12-BC/BTGTU ngày 20/12/2021
                ---
                Nội dung nhiệm vụ.

                ## Kết quả thực hiện

                - 15/1/2022: Đã tổ chức 2 hội nghị.

                """)
        // A second period: the evidence list and the section grow at their ends; the check is clean.
        let again = try PlanBinary.run(
            [
                "progress", "demo/1.a", "--evidence", "Công văn số 1234/UBND-VX ngày 05/01/2022",
                "--note", "Tiếp tục.", "--today", "2022-06-10",
            ], in: dir.path)
        #expect(again.status == 0, "\(again.stderr)")
        let text = try dir.read(ExampleWorkspace.itemPath)
        #expect(
            text.contains(
                "  - Báo cáo số 12-BC/BTGTU ngày 20/12/2021\n  - Công văn số 1234/UBND-VX ngày 05/01/2022\n---\n"))
        #expect(text.hasSuffix("- 15/1/2022: Đã tổ chức 2 hội nghị.\n- 10/6/2022: Tiếp tục.\n"))
        let check = try PlanBinary.run(["check", "--today", "2022-06-10"], in: dir.path)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test(arguments: [
        (["--status", "done"], "progress-completed-missing"),
        (["--completed", "2030-01-01"], "progress-completed-future"),
        (["--evidence", "Báo cáo ngày 10/6/2021"], "progress-evidence-unparseable"),
        (["--status", "stopped"], "progress-reason-missing"),
        (["--status", "finished"], "schema-enum"),
    ])
    func refusesWhatTheRulesReject(_ arguments: [String], _ rule: String) throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write(ExampleWorkspace.itemPath, Self.item)
        let before = try dir.readData(ExampleWorkspace.itemPath)
        let out = try PlanBinary.run(["progress", "demo/1.a", "--today", "2022-01-15"] + arguments, in: dir.path)
        #expect(out.status == 1)
        #expect(out.stderr.contains("[\(rule)]"), "\(out.stderr)")
        #expect(try dir.readData(ExampleWorkspace.itemPath) == before)
    }

    /// CRLF line ends, a value in quotes, one evidence written as a scalar: all kept as written.
    @Test func keepsLineEndsAndQuoting() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let crlf =
            Self.item.replacingOccurrences(
                of: "status: in-progress\n",
                with: "status: \"in-progress\"\nevidence: \"Số: 5/BC-UBND ngày 01/12/2021\"\n"
            )
            .replacingOccurrences(of: "\n", with: "\r\n")
        try dir.write(ExampleWorkspace.itemPath, crlf)
        let out = try PlanBinary.run(
            [
                "progress", "1.a", "--status", "blocked", "--evidence", "Số 7-BC/BTGTU ngày 02/12/2021", "--today",
                "2022-01-15",
            ],
            in: dir.path)
        #expect(out.status == 0, "\(out.stderr)")
        let expected = crlf.replacingOccurrences(
            of: "status: \"in-progress\"\r\nevidence: \"Số: 5/BC-UBND ngày 01/12/2021\"\r\n",
            with:
                "status: \"blocked\"\r\nevidence: [\"Số: 5/BC-UBND ngày 01/12/2021\", \"Số 7-BC/BTGTU ngày 02/12/2021\"]\r\n"
        )
        #expect(try dir.read(ExampleWorkspace.itemPath) == expected)
    }

    @Test func unknownItemAndNothingToDo() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let missing = try PlanBinary.run(["progress", "9.z", "--status", "done", "--lang", "en"], in: dir.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no item ‘9.z’") || missing.stderr.contains("no item 9.z"), "\(missing.stderr)")
        let nothing = try PlanBinary.run(["progress", "1.a"], in: dir.path)
        #expect(nothing.status == 2)
    }
}
