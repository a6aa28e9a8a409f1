import Testing

@testable import PlanKit

@Suite struct TimeframeParserTests {
    static func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let kind: Timeframe.Kind
        let start: String?
        let end: String?
        var every: Int? = nil
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Hoàn thành trong tháng 9/2021", kind: .due, start: "2021-09-01", end: "2021-09-30"),
        Case(text: "Tháng 9/2021", kind: .due, start: "2021-09-01", end: "2021-09-30"),
        Case(text: "trong tháng 9 năm 2021", kind: .due, start: "2021-09-01", end: "2021-09-30"),
        Case(text: "Trước ngày 30/6/2022", kind: .due, start: nil, end: "2022-06-30"),
        Case(text: "trước 30/6/2022", kind: .due, start: nil, end: "2022-06-30"),
        Case(text: "Quý III/2022", kind: .due, start: "2022-07-01", end: "2022-09-30"),
        Case(text: "Quý 3 năm 2022", kind: .due, start: "2022-07-01", end: "2022-09-30"),
        Case(text: "6 tháng đầu năm 2022", kind: .due, start: "2022-01-01", end: "2022-06-30"),
        Case(text: "6 tháng cuối năm 2022", kind: .due, start: "2022-07-01", end: "2022-12-31"),
        Case(text: "Năm 2022", kind: .due, start: "2022-01-01", end: "2022-12-31"),
        Case(text: "Trong năm 2022", kind: .due, start: "2022-01-01", end: "2022-12-31"),
        Case(text: "Từ tháng 9/2021 đến tháng 12/2021", kind: .due, start: "2021-09-01", end: "2021-12-31"),
        Case(text: "Từ tháng 9 đến tháng 12/2021", kind: .due, start: "2021-09-01", end: "2021-12-31"),
        Case(text: "Thường xuyên", kind: .ongoing, start: nil, end: nil),
        Case(text: "Thường xuyên, từ năm 2021 - 2025", kind: .ongoing, start: "2021-01-01", end: "2025-12-31"),
        Case(text: "thường xuyên, từ năm 2021 - 2025.", kind: .ongoing, start: "2021-01-01", end: "2025-12-31"),
        Case(text: "Thường xuyên, từ năm 2021-2025", kind: .ongoing, start: "2021-01-01", end: "2025-12-31"),
        Case(text: "Giai đoạn 2021-2025", kind: .due, start: "2021-01-01", end: "2025-12-31"),
        Case(text: "Giai đoạn 2021 – 2025", kind: .due, start: "2021-01-01", end: "2025-12-31"),
        Case(text: "Hằng năm", kind: .periodic, start: nil, end: nil, every: 12),
        Case(text: "Hàng năm", kind: .periodic, start: nil, end: nil, every: 12),
        Case(text: "trước ngày 15/11 hằng năm", kind: .periodic, start: nil, end: nil, every: 12),
        Case(text: "Định kỳ 6 tháng", kind: .periodic, start: nil, end: nil, every: 6),
        Case(
            text: "Định kỳ hằng quý, từ năm 2021 - 2025", kind: .periodic, start: "2021-01-01", end: "2025-12-31",
            every: 3),
        Case(text: "Theo yêu cầu", kind: .event, start: nil, end: nil),
        Case(text: "Khi có yêu cầu", kind: .event, start: nil, end: nil),
        Case(text: "2021-09-30", kind: .due, start: nil, end: "2021-09-30"),
        Case(text: "2021-09-01/2021-12-31", kind: .due, start: "2021-09-01", end: "2021-12-31"),
        Case(text: "Trước ngày 30 tháng 6 năm 2022", kind: .due, start: nil, end: "2022-06-30"),
        Case(text: "Chậm nhất ngày 15/10/2021", kind: .due, start: nil, end: "2021-10-15"),
        Case(text: "2022", kind: .due, start: "2022-01-01", end: "2022-12-31"),
    ]

    @Test(arguments: cases)
    func phrase(_ c: Case) throws {
        let tf = try TimeframeParser.parse(c.text).get()
        #expect(tf.kind == c.kind)
        #expect(tf.start == c.start.map(Self.d))
        #expect(tf.end == c.end.map(Self.d))
        if let every = c.every { #expect(tf.every?.months == every) }
    }

    @Test func anchoredYearlyDeadline() throws {
        let tf = try TimeframeParser.parse("trước ngày 15/11 hằng năm").get()
        #expect(tf.every == Recurrence(months: 12, day: 15, month: 11))
        #expect(tf.every?.next(onOrAfter: Self.d("2022-11-20")) == Self.d("2023-11-15"))
        #expect(tf.every?.next(onOrAfter: Self.d("2022-06-01")) == Self.d("2022-11-15"))
    }

    @Test(arguments: [
        "Trước ngày 31/2/2022", "Tháng 13/2021", "Quý V/2022", "ngày 0/1/2022", "2021-02-30",
        "trước ngày 31/4 hằng năm",
    ])
    func impossibleDates(_ text: String) {
        guard case .failure(.invalidDate) = TimeframeParser.parse(text) else {
            Issue.record("\(text): \(TimeframeParser.parse(text))")
            return
        }
    }

    @Test(arguments: ["Sớm nhất có thể", "Tháng 9", "", "abc 2021 xyz", "quý", "từ tháng 9/2021 đến"])
    func unparseable(_ text: String) {
        #expect(TimeframeParser.parse(text) == .failure(.unparseable))
    }

    @Test func reversedRange() {
        #expect(
            TimeframeParser.parse("Từ tháng 12/2021 đến tháng 9/2021")
                == .failure(.reversed(start: Self.d("2021-12-01"), end: Self.d("2021-09-30"))))
    }

    @Test func shiftBetweenMonthsIsTheirEnds() throws {
        let a = try TimeframeParser.parse("Hoàn thành trong tháng 9/2021").get()
        let b = try TimeframeParser.parse("Hoàn thành trong tháng 11/2021").get()
        #expect(a.end!.days(until: b.end!) == 61)
        #expect(a.endLabel(.vi) == "tháng 9/2021")
        #expect(b.endLabel(.en) == "2021-11")
    }
}

@Suite struct CivilDateTests {
    @Test func roundTripsThroughDayNumbers() {
        for n in stride(from: -719_000, through: 2_900_000, by: 997) {
            let d = CivilDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(CivilDate(year: d.year, month: d.month, day: d.day) == d)
        }
    }

    @Test func leapYears() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(iso: "2021-09-30")!.description == "2021-09-30")
        #expect(CivilDate(iso: "2021-9-30") == nil)
    }
}
