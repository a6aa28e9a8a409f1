/// What every item rule needs about one item, computed once: the parsed timeframe, the resolved
/// units and the schema's verdict. Rules read these instead of redoing the work.
public struct ItemFacts: Sendable {
    public let item: Item
    public let timeframe: Result<Timeframe, TimeframeError>?
    /// The deadline the office set with `due:` (an ISO date), when it did.
    public let due: CivilDate?
    /// The lead as written (one scalar, or each entry of a list) and how each resolves.
    public let lead: [(scalar: YAMLScalar, resolution: UnitResolution)]
    public let leadIsList: Bool
    public let support: [(scalar: YAMLScalar, resolution: UnitResolution)]
    public let violations: [SchemaViolation]
    /// The period the item must fall in: its plan's, else the workspace's.
    public let period: PlanPeriod?
    public let progress: ItemProgress

    /// The date the item is due by: `due:` when set, else its timeframe's deadline.
    public var deadline: CivilDate? {
        if let due { return due }
        if case .success(let tf)? = timeframe { return tf.deadline }
        return nil
    }

    public init(item: Item, context: RuleContext) {
        self.item = item
        let period = context.period(forPlan: item.planID)
        if let tf = item.timeframe, tf.json != .null {
            timeframe = TimeframeParser.parse(tf.value, period: period.map { $0.start.year...$0.end.year })
        } else {
            timeframe = nil
        }
        due = item.due.flatMap { CivilDate(iso: $0.value) }
        let registry = context.registry
        switch item.lead {
        case .scalar(let s)? where s.json != .null:
            lead = [(s, registry.resolve(s.value))]
            leadIsList = false
        case .sequence(let items, _, _)?:
            lead = items.compactMap(\.scalar).map { ($0, registry.resolve($0.value)) }
            leadIsList = true
        default:
            lead = []
            leadIsList = false
        }
        support = item.support.filter { !$0.value.isEmpty }.map { ($0, registry.resolve($0.value)) }
        violations = context.schema.validate(item.json)
        self.period = period
        progress = ItemProgress(document: item.document)
    }
}

/// The workspace facts shared by all rules of one run.
public struct RuleContext: Sendable {
    public let config: WorkspaceConfig
    public let registry: UnitRegistry
    public let schema: JSONSchema
    public let headers: [String: PlanHeader]
    public let today: CivilDate
    /// Each plan's period, read once from its header.
    private let periods: [String: PlanPeriod]

    public init(
        config: WorkspaceConfig, registry: UnitRegistry, schema: JSONSchema,
        headers: [String: PlanHeader], today: CivilDate
    ) {
        self.config = config
        self.registry = registry
        self.schema = schema
        self.headers = headers
        self.today = today
        periods = headers.compactMapValues(\.period)
    }

    public func period(forPlan id: String) -> PlanPeriod? {
        periods[id] ?? config.period
    }
}
