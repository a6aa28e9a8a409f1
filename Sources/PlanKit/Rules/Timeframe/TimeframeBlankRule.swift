/// A timeframe copied from a form without its blanks filled ("từ .../.../... đến .../.../...").
public struct TimeframeBlankRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-blank",
        summary: Localized(
            en: "a timeframe with blanks still to fill in (…/…/…)", vi: "thời gian còn chỗ trống chưa điền (…/…/…)"),
        severity: .warning, scope: .item,
        triggering: [
            .item("timeframe: ↓từ .../.../... đến .../.../..."), .item("timeframe: ↓…… tháng (kể từ ngày ký hợp đồng)"),
        ],
        nonTriggering: [.item("timeframe: 36 tháng kể từ ngày ký hợp đồng"), .item("timeframe: Tháng 9/2021")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard case .success(let tf)? = facts.timeframe, tf.hasBlanks, let s = facts.item.timeframe else { return [] }
        return [Finding(facts.item.document.location(of: s), Message(.timeframeBlank, Catalogue.quote(s.value)))]
    }
}
