import Foundation
import Testing

@testable import PlanKit

/// Progress in an item: evidence documents in both styles, the "Kết quả thực hiện" section, and dates.
@Suite struct ProgressTests {
    @Test func partyEvidence() throws {
        let d = try EvidenceDocument.parse("Báo cáo số 12-BC/BTGTU ngày 10/6/2024").get()
        #expect(d.style == .party)
        #expect(d.kind == "Báo cáo")
        #expect(d.number == "12")
        #expect(d.code == "BC/BTGTU")
        #expect(d.issuer == "BTGTU")
        #expect(d.date == CivilDate(year: 2024, month: 6, day: 10))
        #expect(d.numberLine == "Số 12-BC/BTGTU")
    }

    @Test func stateEvidence() throws {
        let d = try EvidenceDocument.parse("Số: 12/BC-UBND ngày 05/3/2024").get()
        #expect(d.style == .state)
        #expect(d.kind == "Báo cáo")
        #expect(d.issuer == "UBND")
        #expect(d.numberLine == "Số: 12/BC-UBND")
        let cv = try EvidenceDocument.parse("Công văn số 1234/UBND-VX ngày 05/3/2024 của UBND thành phố").get()
        #expect(cv.style == .state)
        #expect(cv.kind == "Công văn")
        #expect(cv.number == "1234")
        #expect(cv.issuer == "UBND-VX")
        #expect(cv.date == CivilDate(year: 2024, month: 3, day: 5))
    }

    @Test func evidenceDateInWords() throws {
        let d = try EvidenceDocument.parse("Kế hoạch số 20-KH/TU ngày 09 tháng 7 năm 2021").get()
        #expect(d.kind == "Kế hoạch")
        #expect(d.date == CivilDate(year: 2021, month: 7, day: 9))
    }

    @Test(arguments: [
        ("Báo cáo ngày 10/6/2024", EvidenceDocument.Failure.noNumber),
        ("Báo cáo số 12-BC/BTGTU", .noDate),
        ("Chỉ thị số 06-CT-UBND ngày 30/8/2021", .mixedStyle("06-CT-UBND")),
        ("Báo cáo số 12/BC/BTGTU ngày 10/6/2024", .mixedStyle("12/BC/BTGTU")),
        ("Công văn số 1234/UBND-VX ngày 31/2/2024", .invalidDate("31/2/2024")),
        ("Số 12/UBND-VX ngày 10/6/2024", .noKind),
    ])
    func evidenceFailures(_ text: String, _ failure: EvidenceDocument.Failure) {
        #expect(EvidenceDocument.parse(text) == .failure(failure))
    }

    @Test func resultsSection() throws {
        let body = """
            Nội dung nhiệm vụ.

            ## Kết quả thực hiện

            - 10/6/2024: Đã tổ chức 2 hội nghị quán triệt,
              với 120 lượt cán bộ tham dự.
            - 2024-11-15: Hoàn thành.
            Một dòng không có ngày.

            ## Ghi chú

            - 1/1/2025: không thuộc phần kết quả.
            """
        let r = try #require(ResultsSection(body: body, firstLine: 8))
        #expect(r.headingLine == 10)
        #expect(
            r.entries.map(\.date) == [
                CivilDate(year: 2024, month: 6, day: 10), CivilDate(year: 2024, month: 11, day: 15),
            ])
        #expect(r.entries[0].text == "Đã tổ chức 2 hội nghị quán triệt, với 120 lượt cán bộ tham dự.")
        #expect(r.entries[0].line == 12)
        #expect(ResultsSection(body: "Không có phần kết quả.\n", firstLine: 1) == nil)
        // A file saved with Windows line ends reads the same ("\r\n" is one Character in Swift).
        let crlf = try #require(
            ResultsSection(body: body.replacingOccurrences(of: "\n", with: "\r\n"), firstLine: 8))
        #expect(crlf == r)
    }

    @Test func progressDates() {
        #expect(ProgressDate.parse("2024-06-10") == CivilDate(year: 2024, month: 6, day: 10))
        #expect(ProgressDate.parse("10/6/2024") == CivilDate(year: 2024, month: 6, day: 10))
        #expect(ProgressDate.parse("05/03/2024") == CivilDate(year: 2024, month: 3, day: 5))
        #expect(ProgressDate.parse("31/2/2024") == nil)
        #expect(ProgressDate.parse("tháng 6") == nil)
    }

    static func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    struct StateCase: Sendable, CustomTestStringConvertible {
        let status: String
        let deadline: String?
        let completed: String?
        let expected: DeadlineState?
        var testDescription: String { "\(status) due \(deadline ?? "-") done \(completed ?? "-")" }
    }

    /// Cut-off 2024-05-31 throughout.
    @Test(arguments: [
        StateCase(status: "done", deadline: "2024-03-31", completed: "2024-03-20", expected: .doneOnTime),
        StateCase(status: "done", deadline: "2024-03-31", completed: "2024-03-31", expected: .doneOnTime),
        StateCase(status: "done", deadline: "2024-03-31", completed: "2024-04-02", expected: .doneLate),
        StateCase(status: "done", deadline: "2024-12-31", completed: "2024-05-02", expected: .doneOnTime),
        StateCase(status: "done", deadline: "2024-03-31", completed: "2024-06-05", expected: .overdue),
        StateCase(status: "done", deadline: "2024-12-31", completed: "2024-06-05", expected: .openInTime),
        StateCase(status: "done", deadline: "2024-03-31", completed: nil, expected: nil),
        StateCase(status: "in-progress", deadline: "2024-12-31", completed: nil, expected: .openInTime),
        StateCase(status: "in-progress", deadline: "2024-05-31", completed: nil, expected: .openInTime),
        StateCase(status: "in-progress", deadline: "2024-05-30", completed: nil, expected: .overdue),
        StateCase(status: "blocked", deadline: "2024-01-31", completed: nil, expected: .overdue),
        StateCase(status: "planned", deadline: "2024-12-31", completed: nil, expected: nil),
        StateCase(status: "planned", deadline: "2024-01-31", completed: nil, expected: .overdue),
        StateCase(status: "stopped", deadline: "2024-01-31", completed: nil, expected: nil),
        StateCase(status: "cancelled", deadline: "2024-12-31", completed: nil, expected: nil),
        StateCase(status: "in-progress", deadline: nil, completed: nil, expected: nil),
    ])
    func fourStates(_ c: StateCase) {
        let state = DeadlineState.of(
            status: c.status, deadline: c.deadline.map(Self.day), completed: c.completed.map(Self.day),
            cutoff: Self.day("2024-05-31"))
        #expect(state == c.expected)
    }

    @Test func figures() {
        let f = DeadlineFigures([.doneOnTime, .doneOnTime, .doneLate, .overdue, .openInTime, nil])
        #expect(f.due == 4)
        #expect(f.onTimePercent == 50)
        #expect(f[.openInTime] == 1)
        #expect(f.other == 1)
        #expect(DeadlineFigures([nil, .openInTime]).onTimeText == "—")
    }

    /// `due:` overrides the timeframe; without it the timeframe's deadline counts.
    @Test func deadlineFromDueOrTimeframe() {
        #expect(ItemDeadline.of(fields: ["timeframe": "Quý III/2022"]) == Self.day("2022-09-30"))
        #expect(ItemDeadline.of(fields: ["timeframe": "Quý III/2022", "due": "2022-08-15"]) == Self.day("2022-08-15"))
        #expect(ItemDeadline.of(fields: ["timeframe": "Theo yêu cầu"]) == nil)
    }
}
