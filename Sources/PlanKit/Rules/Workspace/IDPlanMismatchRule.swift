public struct IDPlanMismatchRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "id-plan-mismatch",
        summary: Localized(
            en: "an item id that does not start with its plan folder's id",
            vi: "mã nhiệm vụ không bắt đầu bằng mã kế hoạch (thư mục chứa tệp)"),
        severity: .error, scope: .item,
        triggering: [.item("id: ↓khac/1.a")],
        nonTriggering: [.item("id: demo/1.a")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard let id = facts.item.id, let value = facts.item.idValue, value.contains("/"),
            !value.hasPrefix(facts.item.planID + "/")
        else { return [] }
        return [
            Finding(
                facts.item.document.location(of: id),
                Message(.idPlanMismatch, Catalogue.quote(value), facts.item.planID))
        ]
    }
}
