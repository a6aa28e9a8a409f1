/// An event-relative timeframe ("Sau khi Nghị định … được ban hành", "15 ngày làm việc kể từ …") says
/// nothing the calendar knows: the item has no deadline until the office sets one with `due:`.
public struct TimeframeNoDeadlineRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-no-deadline",
        summary: Localized(
            en: "an event-relative timeframe with no deadline (‘due:’ sets one)",
            vi: "thời gian tính theo sự kiện, chưa có hạn (‘due:’ để đặt hạn)"),
        severity: .info, scope: .item,
        triggering: [
            .item("timeframe: ↓Sau khi Nghị định được ban hành"),
            .item("timeframe: ↓Theo tiến độ của cơ quan chủ trì soạn thảo"),
            .item("timeframe: ↓15 ngày làm việc kể từ ngày nhận đủ hồ sơ"),
            .item("timeframe: ↓Khi có yêu cầu"),
        ],
        nonTriggering: [
            .item("timeframe: Sau khi Nghị định được ban hành", "due: 2022-06-30"),
            .item("timeframe: Tháng 9/2021"), .item("timeframe: Thường xuyên"),
            .item("timeframe: Từ năm 2022 và các năm tiếp theo"),
            // A form not filled in is the blank rule's.
            .item("timeframe: từ .../.../... đến .../.../..."),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard case .success(let tf)? = facts.timeframe, tf.kind == .event, !tf.hasBlanks, facts.item.due == nil,
            let s = facts.item.timeframe
        else { return [] }
        return [Finding(facts.item.document.location(of: s), Message(.timeframeNoDeadline, Catalogue.quote(s.value)))]
    }
}
