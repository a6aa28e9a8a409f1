public struct TimeframeUnparseableRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-unparseable",
        summary: Localized(en: "a timeframe plan does not understand", vi: "thời gian thực hiện không đọc được"),
        severity: .warning, scope: .item,
        triggering: [
            .item("timeframe: ↓Sớm nhất có thể"), .item("timeframe: ↓Càng sớm càng tốt"),
            .item("timeframe: ↓Quyết định số 12/QĐ-UBND ngày 5/5/2021"),
        ],
        nonTriggering: [
            .item("timeframe: Thực hiện thường xuyên"), .item("timeframe: Thường xuyên, hằng năm"),
            .item("timeframe: Từ năm 2022 và các năm tiếp theo"), .item("timeframe: Sau khi Nghị định được ban hành"),
            .item("timeframe: Theo lộ trình, hướng dẫn của Bộ, ngành"),
            .item("timeframe: 15 ngày làm việc kể từ ngày nhận đủ hồ sơ"),
            .item("timeframe: Ban hành trong quý I năm 2022. Thực hiện rà soát, điều chỉnh (nếu có)"),
            .item("timeframe: Tháng 9"),
            .item("timeframe: Hoàn thành trong tháng 9/2021"), .item("timeframe: Trước ngày 30/6/2022"),
            .item("timeframe: Quý III/2022"), .item("timeframe: 6 tháng đầu năm 2022"),
            .item("timeframe: Từ tháng 9/2021 đến tháng 12/2021"), .item("timeframe: Thường xuyên, từ năm 2021 - 2025"),
            .item("timeframe: trước ngày 15/11 hằng năm"), .item("timeframe: Theo yêu cầu"),
            .item("timeframe: 2021-09-30"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard case .failure(.unparseable)? = facts.timeframe, let s = facts.item.timeframe else { return [] }
        return [Finding(facts.item.document.location(of: s), Message(.timeframeUnparseable, Catalogue.quote(s.value)))]
    }
}

public struct TimeframeInvalidDateRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-invalid-date",
        summary: Localized(
            en: "a timeframe with a date that does not exist (31/2)", vi: "thời gian có ngày không tồn tại (31/2)"),
        severity: .error, scope: .item,
        triggering: [
            .item("timeframe: ↓Trước ngày 31/2/2022"), .item("timeframe: ↓Tháng 13/2021"),
            .item("timeframe: ↓Quý V/2022"), .item("timeframe: ↓Quý V"),
            .item("timeframe: ↓Hoàn thành trước ngày 31/2/2025 và vận hành thường xuyên"),
        ],
        nonTriggering: [.item("timeframe: Trước ngày 28/2/2022"), .item("timeframe: Trước ngày 29/2/2024")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard case .failure(.invalidDate(let written))? = facts.timeframe, let s = facts.item.timeframe else {
            return []
        }
        return [Finding(facts.item.document.location(of: s), Message(.timeframeInvalidDate, Catalogue.quote(written)))]
    }
}

public struct TimeframeReversedRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-reversed",
        summary: Localized(en: "a timeframe that starts after it ends", vi: "thời gian bắt đầu sau khi kết thúc"),
        severity: .error, scope: .item,
        triggering: [.item("timeframe: ↓Từ tháng 12/2021 đến tháng 9/2021")],
        nonTriggering: [.item("timeframe: Từ tháng 9/2021 đến tháng 12/2021")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard case .failure(.reversed(let a, let b))? = facts.timeframe, let s = facts.item.timeframe else { return [] }
        return [Finding(facts.item.document.location(of: s), Message(.timeframeReversed, a.description, b.description))]
    }
}

public struct TimeframeOutOfPeriodRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-out-of-period",
        summary: Localized(
            en: "a timeframe outside the plan's period", vi: "thời gian nằm ngoài giai đoạn của kế hoạch"),
        severity: .error, scope: .item,
        triggering: [.item("timeframe: ↓Tháng 9/2027"), .item("timeframe: ↓Thường xuyên, từ năm 2019 - 2025")],
        nonTriggering: [.item("timeframe: Tháng 9/2025"), .item("timeframe: Thường xuyên")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard case .success(let tf)? = facts.timeframe, let period = facts.period, let s = facts.item.timeframe else {
            return []
        }
        let outside = [tf.start, tf.end].compactMap { $0 }.contains { !period.contains($0) }
        guard outside else { return [] }
        return [
            Finding(
                facts.item.document.location(of: s),
                Message(
                    .timeframeOutOfPeriod, Catalogue.quote(s.value), period.start.description, period.end.description))
        ]
    }
}

public struct TimeframeOverdueRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-overdue",
        summary: Localized(
            en: "an item past its deadline that is not done (--today sets the date)",
            vi: "nhiệm vụ đã quá hạn mà chưa hoàn thành (--today để đặt ngày)"),
        severity: .warning, scope: .item,
        triggering: [
            .item("timeframe: ↓Tháng 9/2021", "status: in-progress"),
            .item("timeframe: Sau khi Nghị định được ban hành", "due: ↓2021-12-31", "status: planned"),
        ],
        nonTriggering: [
            .item("timeframe: Tháng 9/2021", "status: done"), .item("timeframe: Tháng 9/2025", "status: planned"),
            .item("timeframe: Tháng 9/2021", "due: 2022-06-30", "status: planned"),
            .item("timeframe: Sau khi Nghị định được ban hành", "status: planned"),
        ])

    static let finished: Set<String> = ["done", "cancelled"]

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        // The office's `due:` is the deadline when it set one; the finding points at it then.
        guard let deadline = facts.deadline, deadline < context.today,
            let s = facts.due != nil ? facts.item.due : facts.item.timeframe
        else { return [] }
        let status = facts.item.status?.value ?? ""
        guard !Self.finished.contains(status) else { return [] }
        return [
            Finding(
                facts.item.document.location(of: s),
                Message(
                    .timeframeOverdue, deadline.description, String(deadline.days(until: context.today)),
                    status, deadline.vietnamese))
        ]
    }
}
