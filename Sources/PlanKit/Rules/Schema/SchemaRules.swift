/// The schema's findings, split by kind so each can be configured on its own. The schema is run once
/// per item (in `ItemFacts`); each rule reports the violations of its keywords.
enum SchemaFindings {
    static func rule(for keyword: String) -> String {
        switch keyword {
        case "required", "dependentRequired": SchemaRequiredRule.description.id
        case "type": SchemaTypeRule.description.id
        case "enum", "const": SchemaEnumRule.description.id
        case "additionalProperties", "unevaluatedProperties", "propertyNames": SchemaUnknownKeyRule.description.id
        case "pattern", "format": SchemaPatternRule.description.id
        default: SchemaConstraintRule.description.id
        }
    }

    static func findings(_ facts: ItemFacts, rule: String) -> [Finding] {
        let doc = facts.item.document
        return facts.violations.filter { self.rule(for: $0.keyword) == rule }.map { v in
            var message = v.message
            if v.keyword == "additionalProperties" || v.keyword == "unevaluatedProperties",
                case .key(let key)? = v.path.last,
                let near = VietnameseText.suggestions(for: key, among: v.allowedNames, count: 1).first
            {
                message = Message(.schemaUnknownKeySuggest, key, near)
            }
            let located = doc.frontMatter?.locate(v.path)
            let location: SourceLocation
            switch v.keyword {
            case "required", "dependentRequired":
                location =
                    v.path.isEmpty
                    ? doc.location(line: doc.openingLine, column: 1)
                    : located.map { doc.location(of: $0.node) } ?? doc.location(line: 1, column: 1)
            case "additionalProperties", "unevaluatedProperties", "propertyNames":
                location =
                    located?.key.map { doc.location(of: $0) } ?? located.map { doc.location(of: $0.node) }
                    ?? doc.location(line: 1, column: 1)
            default:
                location = located.map { doc.location(of: $0.node) } ?? doc.location(line: doc.openingLine, column: 1)
            }
            return Finding(location, message)
        }
    }
}

public struct SchemaRequiredRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "schema-required",
        summary: Localized(en: "a required field is missing", vi: "thiếu trường bắt buộc"),
        severity: .error, scope: .item,
        triggering: [.file("↓---\nid: demo/1.a\ntitle: Nhiệm vụ\ntimeframe: Tháng 9/2021\nstatus: planned\n---\n")],
        nonTriggering: [.item()])
    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        SchemaFindings.findings(facts, rule: Self.description.id)
    }
}

public struct SchemaTypeRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "schema-type",
        summary: Localized(en: "a field has a value of the wrong type", vi: "giá trị của trường sai kiểu"),
        severity: .error, scope: .item,
        triggering: [.item("title: ↓[một, hai]"), .item("depends_on: ↓demo/1.b")],
        nonTriggering: [.item("title: Một, hai"), .item("depends_on: [demo/1.b]")])
    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        SchemaFindings.findings(facts, rule: Self.description.id)
    }
}

public struct SchemaEnumRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "schema-enum",
        summary: Localized(
            en: "a field has a value outside its allowed list", vi: "giá trị không thuộc danh sách cho phép"),
        severity: .error, scope: .item,
        triggering: [.item("status: ↓đang làm")],
        nonTriggering: [.item("status: in-progress")])
    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        SchemaFindings.findings(facts, rule: Self.description.id)
    }
}

public struct SchemaUnknownKeyRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "schema-unknown-key",
        summary: Localized(
            en: "a field the schema does not know (with the nearest known name)",
            vi: "trường không có trong lược đồ (kèm gợi ý tên gần nhất)"),
        severity: .error, scope: .item,
        triggering: [.item("↓staus: done")],
        nonTriggering: [.item("status: done")])
    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        SchemaFindings.findings(facts, rule: Self.description.id)
    }
}

public struct SchemaPatternRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "schema-pattern",
        summary: Localized(
            en: "a value does not have the form the schema requires", vi: "giá trị không đúng dạng lược đồ yêu cầu"),
        severity: .error, scope: .item,
        triggering: [.item("id: ↓1.a"), .item("progress:\n  - date: ↓2021-02-30\n    note: Đã họp triển khai")],
        nonTriggering: [.item("id: demo/1.a"), .item("progress:\n  - date: 2021-02-28\n    note: Đã họp triển khai")])
    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        SchemaFindings.findings(facts, rule: Self.description.id)
    }
}

public struct SchemaConstraintRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "schema-constraint",
        summary: Localized(
            en: "a value breaks another schema constraint (length, count, uniqueness)",
            vi: "giá trị vi phạm ràng buộc khác của lược đồ (độ dài, số lượng, trùng lặp)"),
        severity: .error, scope: .item,
        triggering: [.item("title: ↓\"\""), .item("tags: [a, ↓a]")],
        nonTriggering: [.item("title: Có tên"), .item("tags: [a, b]")])
    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        SchemaFindings.findings(facts, rule: Self.description.id)
    }
}
