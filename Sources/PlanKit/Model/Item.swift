/// An action item: a document under `plans/<plan-id>/` read as the plan's fields.
///
/// It keeps the YAML nodes (with positions) of the fields the rules look at; the whole front-matter
/// is `json` for the schema and for the item diff.
public struct Item: Sendable {
    public let document: Document
    /// The plan folder it lives in.
    public let planID: String
    public let json: JSONValue

    public var path: String { document.path }
    public var fields: YAMLNode? { document.frontMatter }

    public init(document: Document, planID: String) {
        self.document = document
        self.planID = planID
        json = document.frontMatter?.json ?? .null
    }

    public var id: YAMLScalar? { fields?["id"]?.scalar }
    public var title: YAMLScalar? { fields?["title"]?.scalar }
    public var status: YAMLScalar? { fields?["status"]?.scalar }
    public var timeframe: YAMLScalar? { fields?["timeframe"]?.scalar }
    /// The deadline the office sets when the timeframe names none (`due: 2026-06-30`).
    public var due: YAMLScalar? { fields?["due"]?.scalar }
    public var lead: YAMLNode? { fields?["lead"] }

    /// `support` as a list of scalars; a single scalar counts as a list of one.
    public var support: [YAMLScalar] { Item.scalarList(fields?["support"]) }
    public var dependsOn: [YAMLScalar] { Item.scalarList(fields?["depends_on"]) }

    /// The rule ids of `plan-disable` (a single id or a list).
    public var disabledRules: [YAMLScalar] { Item.scalarList(fields?["plan-disable"]) }

    static func scalarList(_ node: YAMLNode?) -> [YAMLScalar] {
        switch node {
        case .scalar(let s)?: s.json == .null ? [] : [s]
        case .sequence(let items, _, _)?: items.compactMap(\.scalar)
        default: []
        }
    }

    /// The id as written, else nil.
    public var idValue: String? { id.flatMap { $0.json == .null ? nil : $0.value } }
}

/// A plan's header, `plans/<plan-id>/plan.md`: what the document says about itself.
public struct PlanHeader: Sendable {
    public let document: Document
    public let planID: String

    public init(document: Document, planID: String) {
        self.document = document
        self.planID = planID
    }

    public var fields: YAMLNode? { document.frontMatter }
    public var title: String? { fields?["title"]?.scalar?.value }
    public var issuer: String? { fields?["issuer"]?.scalar?.value }
    public var periodNode: YAMLScalar? { fields?["period"]?.scalar }
    public var period: PlanPeriod? { periodNode.flatMap { PlanPeriod(text: $0.value) } }

    /// The periodic reports the plan asks for (`reports:` entries with `name` and `due`). A report
    /// that names no span of its own runs over the plan's period: a 2021–2025 plan has no report due
    /// in 2027.
    public var reports: [(name: String, due: Timeframe)] {
        guard let items = fields?["reports"]?.items else { return [] }
        let period = self.period
        return items.compactMap { node in
            guard let due = node["due"]?.scalar?.value,
                case .success(var tf) = TimeframeParser.parse(due, period: period.map { $0.start.year...$0.end.year })
            else {
                return nil
            }
            if let period, tf.start == nil, tf.end == nil {
                tf.start = period.start
                tf.end = period.end
            }
            return (node["name"]?.scalar?.value ?? due, tf)
        }
    }
}
