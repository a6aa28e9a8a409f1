import Foundation

/// The lead and support entries of an item, with their resolutions.
extension ItemFacts {
    var allUnits: [(scalar: YAMLScalar, resolution: UnitResolution, isLead: Bool)] {
        lead.map { ($0.scalar, $0.resolution, true) } + support.map { ($0.scalar, $0.resolution, false) }
    }
}

public struct UnitUnknownRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-unknown",
        summary: Localized(
            en: "a lead or support unit that is not in the registry (with suggestions)",
            vi: "đơn vị chủ trì hoặc phối hợp không có trong danh mục (kèm gợi ý)"),
        severity: .error, scope: .item,
        triggering: [
            .item("lead: ↓Phòng Tuyên truyền Báo chí"),
            .item("support:\n  - ↓Sở Thông tin Truyền thông"),
            .item("lead: ↓Phòng Quản trị"),
        ],
        nonTriggering: [
            .item("lead: Phòng Tuyên truyền - Báo chí - Xuất bản"),
            .item("lead: ptt-bc-xb"),
            .item("lead: phòng tuyên truyền - báo chí - xuất bản"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        facts.allUnits.compactMap { scalar, resolution, _ in
            guard case .unknown(let suggestions) = resolution else { return nil }
            let message =
                suggestions.isEmpty
                ? Message(.unitUnknown, Catalogue.quote(scalar.value))
                : Message(.unitUnknownSuggest, Catalogue.quote(scalar.value), Catalogue.quoteList(suggestions))
            return Finding(facts.item.document.location(of: scalar), message)
        }
    }
}

public struct UnitAliasRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-alias",
        summary: Localized(
            en: "a unit written with another name or spelling than the registry's (fixable)",
            vi: "đơn vị được ghi bằng tên gọi hoặc cách viết khác với danh mục (sửa tự động được)"),
        severity: .warning, scope: .item, fixable: true,
        triggering: [
            .item("lead: ↓Phòng Tuyên truyền - Báo chí và Xuất bản"),
            .item("support:\n  - ↓Phòng Văn hoá, Văn nghệ - Khoa giáo và Tổng hợp"),
        ],
        nonTriggering: [.item("lead: Phòng Tuyên truyền - Báo chí - Xuất bản")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        let doc = facts.item.document
        return facts.allUnits.compactMap { scalar, resolution, _ in
            let message: Message
            let unit: Unit
            switch resolution {
            case .alias(let u, _):
                unit = u
                message = Message(.unitAlias, Catalogue.quote(scalar.value), Catalogue.quote(u.name))
            case .respelled(let u):
                unit = u
                message = Message(.unitRespelled, Catalogue.quote(scalar.value), Catalogue.quote(u.name))
            default:
                return nil
            }
            let fix =
                Self.canWrite(unit.name, as: scalar.style)
                ? doc.verbatimRange(of: scalar).map { Fix(range: $0, replacement: unit.name) } : nil
            return Finding(doc.location(of: scalar), message, fix: fix)
        }
    }
}

extension UnitAliasRule {
    /// Whether a name can stand where a scalar of this style was without changing the YAML around it.
    static func canWrite(_ name: String, as style: YAMLScalar.Style) -> Bool {
        switch style {
        case .plain:
            guard let first = name.first, !"-?:,[]{}#&*!|>'\"%@`".contains(first) else { return false }
            return !name.contains(": ") && !name.contains(" #") && !name.hasSuffix(":") && !name.contains("\n")
        case .doubleQuoted: return !name.contains("\"") && !name.contains("\\") && !name.contains("\n")
        case .singleQuoted: return !name.contains("'") && !name.contains("\n")
        default: return false
        }
    }
}

public struct UnitLeadCountRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-lead-count",
        summary: Localized(
            en: "the lead is empty or names more than one unit",
            vi: "mục chủ trì để trống hoặc ghi nhiều hơn một đơn vị"),
        severity: .error, scope: .item,
        triggering: [
            .item("lead: ↓Phòng Tuyên truyền - Báo chí - Xuất bản, Sở Thông tin và Truyền thông"),
            .item("lead:↓"),
            .item("lead:\n  - ↓Sở Thông tin và Truyền thông\n  - Phòng Tuyên truyền - Báo chí - Xuất bản"),
        ],
        nonTriggering: [
            .item("lead: Phòng Tuyên truyền - Báo chí - Xuất bản"),
            .item("lead:\n  - Sở Thông tin và Truyền thông"),
            .item("lead: Sở Văn hóa, Thể thao và Du lịch"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        let doc = facts.item.document
        guard let node = facts.item.lead else { return [] }  // missing: schema-required says so
        if facts.leadIsList {
            guard facts.lead.count != 1 else { return check(single: facts.lead[0], doc) }
            if facts.lead.isEmpty { return [Finding(doc.location(of: node), Message(.unitLeadEmpty))] }
            return [
                Finding(doc.location(of: node.items?.first ?? node), Message(.unitLeadList, String(facts.lead.count)))
            ]
        }
        guard let first = facts.lead.first, !first.scalar.value.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else {
            let at = node.scalar.map { doc.location(of: $0) } ?? doc.location(of: node)
            // An empty plain scalar has the position where its line ends.
            return [Finding(at, Message(.unitLeadEmpty))]
        }
        return check(single: first, doc)
    }

    private func check(single: (scalar: YAMLScalar, resolution: UnitResolution), _ doc: Document) -> [Finding] {
        guard case .several(let units) = single.resolution else { return [] }
        return [
            Finding(
                doc.location(of: single.scalar),
                Message(.unitLeadSeveral, String(units.count), Catalogue.quoteList(units.map(\.name))))
        ]
    }
}

public struct UnitTrailingTextRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-trailing-text",
        summary: Localized(
            en: "a unit name followed by other text (a role, a note) in lead or support",
            vi: "tên đơn vị kèm nội dung khác (vai trò, ghi chú) trong mục chủ trì hoặc phối hợp"),
        severity: .warning, scope: .item,
        triggering: [.item("lead: ↓Phòng Tuyên truyền - Báo chí - Xuất bản là đơn vị tham mưu tổng hợp")],
        nonTriggering: [.item("lead: Phòng Tuyên truyền - Báo chí - Xuất bản")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        facts.allUnits.compactMap { scalar, resolution, _ in
            guard case .withTrailingText(let unit, let trailing) = resolution else { return nil }
            return Finding(
                facts.item.document.location(of: scalar),
                Message(.unitTrailingText, Catalogue.quote(unit.name), Catalogue.quote(Self.abbreviate(trailing))))
        }
    }

    static func abbreviate(_ s: String) -> String {
        let words = s.split(separator: " ")
        return words.count <= 8 ? s : words.prefix(8).joined(separator: " ") + " …"
    }
}

public struct UnitSeveralInOneRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-several-in-one",
        summary: Localized(en: "one support entry names several units", vi: "một mục phối hợp ghi nhiều đơn vị"),
        severity: .warning, scope: .item,
        triggering: [.item("support:\n  - ↓Sở Thông tin và Truyền thông, Các phòng chức năng thuộc Ban")],
        nonTriggering: [
            .item("support:\n  - Sở Thông tin và Truyền thông\n  - Các phòng chức năng thuộc Ban"),
            .item("support:\n  - Sở Văn hóa, Thể thao và Du lịch"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        facts.support.compactMap { scalar, resolution in
            guard case .several(let units) = resolution else { return nil }
            return Finding(
                facts.item.document.location(of: scalar),
                Message(.unitSupportSeveral, String(units.count), Catalogue.quoteList(units.map(\.name))))
        }
    }
}

public struct UnitLeadInSupportRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-lead-in-support",
        summary: Localized(en: "the lead unit is listed in support too", vi: "đơn vị chủ trì cũng được ghi ở phối hợp"),
        severity: .warning, scope: .item,
        triggering: [.item("support:\n  - ↓Phòng Tuyên truyền - Báo chí - Xuất bản")],
        nonTriggering: [.item()])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard facts.lead.count == 1, let lead = facts.lead[0].resolution.unit else { return [] }
        return facts.support.compactMap { scalar, resolution in
            guard resolution.unit == lead else { return nil }
            return Finding(
                facts.item.document.location(of: scalar), Message(.unitLeadInSupport, Catalogue.quote(lead.name)))
        }
    }
}

public struct UnitDuplicateRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-duplicate",
        summary: Localized(en: "the same unit listed twice in support", vi: "một đơn vị được ghi hai lần ở phối hợp"),
        severity: .warning, scope: .item,
        triggering: [.item("support:\n  - Sở Thông tin và Truyền thông\n  - ↓Sở Thông tin và Truyền thông")],
        nonTriggering: [.item("support:\n  - Sở Thông tin và Truyền thông\n  - Các phòng chức năng thuộc Ban")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        var seen = Set<String>()
        return facts.support.compactMap { scalar, resolution in
            guard let unit = resolution.unit else { return nil }
            if seen.insert(unit.id).inserted { return nil }
            return Finding(
                facts.item.document.location(of: scalar), Message(.unitDuplicate, Catalogue.quote(unit.name)))
        }
    }
}

public struct UnitEndedRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "unit-ended",
        summary: Localized(
            en: "an open item names a unit that no longer exists (fixable when the registry names its successor)",
            vi: "nhiệm vụ chưa xong ghi một đơn vị đã thôi hoạt động (sửa tự động được khi danh mục ghi đơn vị kế thừa)"
        ),
        severity: .warning, scope: .item, fixable: true,
        triggering: [
            .item("lead: ↓Phòng Tổng hợp", "status: in-progress", "-completed"),
            .item("support:\n  - ↓Tổ Thư ký", "status: planned", "-completed"),
        ],
        nonTriggering: [
            .item("lead: Phòng Tổng hợp"),
            .item("lead: Phòng Tổng hợp", "status: cancelled", "-completed", "reason: Không còn phù hợp"),
            .item("lead: Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp", "status: in-progress", "-completed"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        let status = facts.item.json["status"]?.stringValue ?? ""
        guard status != "done", !ItemProgress.stoppedStatuses.contains(status) else { return [] }
        let today = context.today
        let doc = facts.item.document
        return facts.allUnits.compactMap { scalar, resolution, _ in
            guard let unit = resolution.unit, let until = unit.until, until < today else { return nil }
            let next = context.registry.current(unit, on: today)
            guard next.id != unit.id, next.exists(on: today) else {
                return Finding(
                    doc.location(of: scalar), Message(.unitEnded, Catalogue.quote(unit.name), until.vietnamese))
            }
            let fix =
                UnitAliasRule.canWrite(next.name, as: scalar.style)
                ? doc.verbatimRange(of: scalar).map { Fix(range: $0, replacement: next.name) } : nil
            return Finding(
                doc.location(of: scalar),
                Message(.unitEndedSuccessor, Catalogue.quote(unit.name), until.vietnamese, Catalogue.quote(next.name)),
                fix: fix)
        }
    }
}
