/// "Tháng 12" or "Quý IV" in a plan over several years: the year comes from the plan's period (its
/// first year), which is worth saying, since the plan may have meant another.
public struct TimeframeYearAssumedRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "timeframe-year-assumed",
        summary: Localized(
            en: "a timeframe with no year, read in the first year of a plan over several years",
            vi: "thời gian không ghi năm, hiểu là năm đầu của kế hoạch nhiều năm"),
        severity: .info, scope: .item,
        triggering: [.item("timeframe: ↓Tháng 12"), .item("timeframe: ↓Quý IV")],
        nonTriggering: [.item("timeframe: Tháng 12/2021"), .item("timeframe: Tháng 12 hằng năm")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard case .success(let tf)? = facts.timeframe, let year = tf.assumedYear, let period = facts.period,
            period.end.year > period.start.year, let s = facts.item.timeframe
        else { return [] }
        return [
            Finding(
                facts.item.document.location(of: s),
                Message(.timeframeYearAssumed, Catalogue.quote(s.value), String(year), period.description))
        ]
    }
}
