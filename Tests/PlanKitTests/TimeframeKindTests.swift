import Testing

@testable import PlanKit

/// The kind of each sort of phrase, with small examples (most from real plans), and what each kind
/// keeps: deadline, span, repetition, duration.
@Suite struct TimeframeKindTests {
    static func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let kind: TimeframeKind
        var deadline: String? = nil
        var start: String? = nil
        var period: ClosedRange<Int>? = nil
        var testDescription: String { text }
    }

    static let dates: [Case] = [
        Case(text: "Tháng 12/2025", kind: .date, deadline: "2025-12-31"),
        Case(text: "Tháng 06/2026", kind: .date, deadline: "2026-06-30"),
        Case(text: "Quý IV/2026", kind: .date, deadline: "2026-12-31"),
        Case(text: "15/11/2025", kind: .date, deadline: "2025-11-15"),
        Case(text: "trước ngày 01 tháng 01 năm 2026", kind: .date, deadline: "2026-01-01"),
        Case(text: "Trước năm 2030", kind: .date, deadline: "2029-12-31"),
        Case(text: "Từ nay đến hết năm 2025", kind: .date, deadline: "2025-12-31"),
        // A verb in front, remarks after a full stop, upkeep after the deadline.
        Case(
            text: "Ban hành trong quý I năm 2026. Thực hiện rà soát, điều chỉnh (nếu có)", kind: .date,
            deadline: "2026-03-31"),
        Case(
            text: "Hoàn thành trong năm 2026 và có rà soát, sửa đổi, bổ sung trong các năm tiếp theo (nếu có)",
            kind: .date, deadline: "2026-12-31"),
        Case(
            text: "Hoàn thành việc đầu tư trong năm 2026. Thực hiện thường xuyên liên tục, hiệu quả hàng năm",
            kind: .date, deadline: "2026-12-31"),
        Case(
            text: "Bộ Công an tổng hợp kết quả, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025",
            kind: .date, deadline: "2025-12-31"),
        // The year from the plan's period.
        Case(text: "Tháng 12", kind: .date, deadline: "2026-12-31", period: 2026...2030),
        Case(text: "Quý IV", kind: .date, deadline: "2026-12-31", period: 2026...2030),
        Case(text: "trước ngày 30 tháng 11", kind: .date, deadline: "2025-11-30", period: 2025...2025),
    ]

    static let ranges: [Case] = [
        Case(text: "Giai đoạn 2026 - 2030", kind: .range, deadline: "2030-12-31", start: "2026-01-01"),
        Case(text: "Năm 2025-2030", kind: .range, deadline: "2030-12-31", start: "2025-01-01"),
        Case(text: "2026-2027", kind: .range, deadline: "2027-12-31", start: "2026-01-01"),
        Case(text: "Tháng 11 - 12/2025", kind: .range, deadline: "2025-12-31", start: "2025-11-01"),
        Case(
            text: "Từ ngày 08 đến ngày 10 tháng 12 năm 2025", kind: .range, deadline: "2025-12-10",
            start: "2025-12-08"),
        Case(text: "Từ năm 2025 đến hết năm 2030", kind: .range, deadline: "2030-12-31", start: "2025-01-01"),
        Case(
            text: "60 ngày, bắt đầu từ 01/11/2025 đến 30/12/2025", kind: .range, deadline: "2025-12-30",
            start: "2025-11-01"),
        Case(
            text: "Hoàn thành trong giai đoạn 2026 - 2027 và vận hành thường xuyên, liên tục", kind: .range,
            deadline: "2027-12-31", start: "2026-01-01"),
        Case(
            text: "lập báo cáo nghiên cứu khả thi từ năm 2025, phấn đấu hoàn thành Dự án chậm nhất vào năm 2030",
            kind: .range, deadline: "2030-12-31", start: "2025-01-01"),
        Case(
            text: "Từ tháng 3 đến tháng 11", kind: .range, deadline: "2026-11-30", start: "2026-03-01",
            period: 2026...2030),
    ]

    static let recurring: [Case] = [
        Case(text: "Hằng năm", kind: .recurring), Case(text: "Hàng quý", kind: .recurring),
        Case(text: "Định kỳ 6 tháng", kind: .recurring), Case(text: "trước ngày 15/11 hằng năm", kind: .recurring),
        Case(text: "Tháng 12 hằng năm", kind: .recurring),
        Case(text: "Từ tháng 3 đến tháng 11 hàng năm", kind: .recurring),
        Case(text: "trước 12h00 thứ sáu hàng tuần để tổng hợp, báo cáo cấp có thẩm quyền", kind: .recurring),
        // The year of a plan's period does not turn a yearly month into one date.
        Case(text: "Tháng 12 hằng năm", kind: .recurring, period: 2026...2030),
    ]

    static let continuous: [Case] = [
        Case(text: "Thường xuyên", kind: .continuous),
        Case(text: "Thực hiện thường xuyên, liên tục", kind: .continuous),
        Case(text: "Liên tục", kind: .continuous), Case(text: "Thường xuyên, hằng năm", kind: .continuous),
        Case(text: "Thường xuyên, từ năm 2021 - 2025", kind: .continuous, deadline: "2025-12-31", start: "2021-01-01"),
        Case(
            text: "Triển khai từ năm 2026 và thực hiện thường xuyên, liên tục", kind: .continuous,
            start: "2026-01-01"),
        Case(
            text: "Công tác giám sát được tiến hành thường xuyên, liên tục trong năm 2025", kind: .continuous,
            deadline: "2025-12-31", start: "2025-01-01"),
    ]

    static let openEnded: [Case] = [
        Case(text: "Từ năm 2026 và các năm tiếp theo", kind: .openEnded, start: "2026-01-01"),
        Case(text: "năm 2025 và các năm tiếp theo", kind: .openEnded, start: "2025-01-01"),
        Case(text: "Triển khai từ năm 2026", kind: .openEnded, start: "2026-01-01"),
        Case(text: "2026 trở đi", kind: .openEnded, start: "2026-01-01"),
    ]

    static let events: [Case] = [
        Case(text: "Sau khi Nghị định được ban hành", kind: .event),
        Case(text: "Theo tiến độ của cơ quan chủ trì soạn thảo", kind: .event),
        Case(text: "Theo lộ trình, hướng dẫn của Bộ, ngành", kind: .event),
        Case(text: "Khi có yêu cầu", kind: .event), Case(text: "Theo yêu cầu", kind: .event),
        Case(text: "Khi có phát sinh", kind: .event),
        // The year in the event's description is not a deadline.
        Case(text: "Theo tiến độ được giao của Luật An ninh mạng 2025", kind: .event),
        Case(text: "15 ngày làm việc kể từ ngày nhận đủ hồ sơ", kind: .event),
        Case(text: "36 tháng kể từ ngày được Nhà nước bàn giao đất", kind: .event),
        Case(text: "06 ngày làm việc", kind: .event), Case(text: "6-8 ngày làm việc", kind: .event),
        Case(text: "(17,5) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", kind: .event),
        Case(text: "Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê", kind: .event, start: "2025-11-01"),
        Case(text: "Thực hiện từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội", kind: .event),
        Case(text: "từ .../.../... đến .../.../...", kind: .event),
    ]

    @Test(arguments: dates + ranges + recurring + continuous + openEnded + events)
    func kind(_ c: Case) throws {
        #expect(TimeframeParser.classify(c.text, period: c.period) == c.kind)
        let tf = try TimeframeParser.parse(c.text, period: c.period).get()
        #expect(tf.deadline == c.deadline.map(Self.d))
        if let start = c.start { #expect(tf.start == Self.d(start)) }
    }

    @Test func whatEachKindKeeps() throws {
        let yearly = try TimeframeParser.parse("Từ tháng 3 đến tháng 11 hằng năm").get()
        #expect(yearly.every == Recurrence(months: 12, day: 30, month: 11))
        #expect(yearly.every?.next(onOrAfter: Self.d("2026-12-01")) == Self.d("2027-11-30"))
        #expect(
            try TimeframeParser.parse("Tháng 12 hằng năm").get().every == Recurrence(months: 12, day: 31, month: 12))
        #expect(try TimeframeParser.parse("Thường xuyên, định kỳ hằng quý").get().every?.months == 3)
        #expect(try TimeframeParser.parse("trước 12h00 thứ sáu hàng tuần").get().every?.days == 7)
        let working = try TimeframeParser.parse("15 ngày làm việc kể từ ngày nhận đủ hồ sơ").get()
        #expect(working.duration == TimeframeDuration(amount: 15, unit: .workingDay))
        #expect(try TimeframeParser.parse("3,5 ngày kể từ ngày nhận").get().duration?.amount == 3.5)
        #expect(try TimeframeParser.parse("36 tháng kể từ ngày bàn giao đất").get().duration?.unit == .month)
        let blank = try TimeframeParser.parse("…… tháng (kể từ ngày ký hợp đồng)").get()
        #expect(blank.kind == .event && blank.hasBlanks)
        #expect(try TimeframeParser.parse("Tháng 12", period: 2026...2030).get().assumedYear == 2026)
        #expect(try TimeframeParser.parse("Tháng 12/2026", period: 2026...2030).get().assumedYear == nil)
    }

    /// Without a period a missing year leaves the phrase unknown, not guessed.
    @Test(arguments: ["Tháng 12", "Quý IV", "trước ngày 30 tháng 11"])
    func noYearWithoutAPeriod(_ text: String) {
        #expect(TimeframeParser.classify(text, period: nil) == .unknown)
    }

    /// Dates that cannot exist are errors, wherever they stand and with or without a year.
    @Test(arguments: [
        "31/2/2025", "Trước ngày 31/2/2025", "quý V", "Quý V/2026", "Tháng 13", "tháng 13/2025",
        "Hoàn thành trước ngày 31/2/2025 và vận hành thường xuyên", "Ban hành trong quý V năm 2026. Rà soát (nếu có)",
        "trước ngày 30/2 hằng năm", "Từ ngày 30/2/2026 đến ngày 31/3/2026",
    ])
    func impossibleDatesAreErrors(_ text: String) {
        #expect(TimeframeParser.classify(text, period: nil) == .invalid)
        #expect(TimeframeParser.classify(text, period: 2025...2030) == .invalid)
        guard case .failure(.invalidDate) = TimeframeParser.parse(text) else {
            Issue.record("\(text): \(TimeframeParser.parse(text))")
            return
        }
    }

    /// Words that only look like a timeframe: a citation's date, a list's ellipsis, "chi thường
    /// xuyên", "sau đây gọi tắt là …", a yearly phrase inside a name.
    @Test(arguments: [
        "Sớm nhất có thể", "Số 1226/QĐ-BVHTTDL ngày 29/4/2025 và số 2657/QĐ-BVHTTDL ngày 29/7/2025",
        "Kèm theo Quyết định số 2530/QĐ-TTg ngày 19 tháng 11 năm 2025 của Thủ tướng Chính phủ",
        "Kèm theo Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025", "giảm 20% so với mức trung bình năm 2024",
        "đầu tư, xây dựng cơ bản, chi thường xuyên...", "camera, AI, nhận diện biển số…",
        "sau đây gọi tắt là Chương trình", "hoặc lồng ghép trong Kế hoạch chuyển đổi số giai đoạn 2026-2030",
        "phát triển kinh tế - xã hội hằng năm", "từ tháng 9/2021 đến",
    ])
    func lookalikesAreUnknown(_ text: String) {
        #expect(TimeframeParser.classify(text, period: 2025...2030) == .unknown)
    }

    @Test func reversedSpansAreInvalid() {
        #expect(TimeframeParser.classify("Từ tháng 12/2026 đến tháng 3/2026", period: nil) == .invalid)
    }

    @Test func kindNamesAreStable() {
        #expect(
            TimeframeKind.allCases.map(\.rawValue) == [
                "date", "range", "recurring", "continuous", "open-ended", "event", "unknown", "invalid",
            ])
    }
}

/// `due:` is the deadline an office sets, for status views as for the rules.
@Suite struct DueFieldTests {
    @Test func dueIsTheDeadline() {
        let registry = UnitRegistry(units: [])
        let event = ItemState(
            fields: ["id": "demo/1.a", "timeframe": "Sau khi Nghị định được ban hành", "status": "planned"],
            path: "a.md", registry: registry)
        #expect(event.deadline == nil)
        let set = ItemState(
            fields: [
                "id": "demo/1.a", "timeframe": "Sau khi Nghị định được ban hành", "due": "2026-06-30",
                "status": "planned",
            ], path: "a.md", registry: registry)
        #expect(set.deadline == CivilDate(iso: "2026-06-30"))
        #expect(set.isOverdue(on: CivilDate(iso: "2026-07-01")!))
    }

    /// A status view reads a timeframe without its year as `plan check` does: in the plan's period.
    @Test func statusTakesTheYearFromThePeriod() {
        let fields: JSONValue = ["id": "demo/1.a", "timeframe": "Quý IV", "status": "planned"]
        let registry = UnitRegistry(units: [])
        #expect(ItemState(fields: fields, path: "a.md", registry: registry).deadline == nil)
        let period = PlanPeriod(text: "2026-2030")
        #expect(
            ItemState(fields: fields, path: "a.md", registry: registry, period: period).deadline
                == CivilDate(iso: "2026-12-31"))
    }

    @Test func aPeriodicTimeframeStopsAtItsEnd() throws {
        let tf = try TimeframeParser.parse("Định kỳ hằng quý, từ năm 2021 - 2025").get()
        #expect(tf.every?.months == 3)
        let yearly = try TimeframeParser.parse("trước ngày 15/11 hằng năm, giai đoạn 2021 - 2025").get()
        #expect(yearly.nextOccurrence(onOrAfter: CivilDate(iso: "2024-12-01")!) == CivilDate(iso: "2025-11-15"))
        #expect(yearly.nextOccurrence(onOrAfter: CivilDate(iso: "2025-11-16")!) == nil)
        #expect(yearly.nextOccurrence(onOrAfter: CivilDate(iso: "2019-01-01")!) == CivilDate(iso: "2021-11-15"))
    }
}
