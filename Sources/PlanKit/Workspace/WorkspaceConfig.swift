import Foundation

/// `plan.yaml`: the workspace's settings.
public struct WorkspaceConfig: Sendable {
    public enum RuleSetting: String, Sendable, CaseIterable { case error, warning, info, off }
    public enum CommitSummary: String, Sendable, CaseIterable { case append, comment, off }
    /// What a server's pre-receive hook does with a push that changes what the pusher may not change.
    public enum Authorization: String, Sendable, CaseIterable { case off, warn, enforce }

    public static let fileName = "plan.yaml"

    public var locale: Language?
    public var period: PlanPeriod?
    public var rules: [String: RuleSetting] = [:]
    public var ignore: [String] = []
    public var commitSummary: CommitSummary = .append
    public var authorization: Authorization = .off
    /// Identities (as the git server knows them) that may change anything.
    public var admins: [String] = []
    public var schemaPath = "schemas/plan-item.schema.json"
    public var unitsPath = "schemas/units.yaml"
    public var plansPath = "plans"

    public init() {}

    static let knownKeys = [
        "version", "locale", "period", "rules", "ignore", "commit_summary", "schema", "units", "plans",
        "authorization", "admins",
    ]

    /// Parses plan.yaml. Unknown keys, unknown rule ids and bad values are errors with a position and,
    /// where one is close, a suggestion. `ruleIDs` maps every accepted id (and old alias) to its current id.
    public static func parse(path: String = fileName, bytes: [UInt8], ruleIDs: [String: String]) throws(PlanError)
        -> WorkspaceConfig
    {
        var config = WorkspaceConfig()
        guard let root = try ConfigYAML.load(path: path, bytes: bytes) else { return config }
        guard case .mapping(let pairs, _, _) = root else {
            throw PlanError.config(path: path, line: root.line, column: root.column, Message(.configNotMapping))
        }
        func bad(_ node: YAMLNode, _ key: String) -> PlanError {
            .config(path: path, line: node.line, column: node.column, Message(.configBadValue, key))
        }
        for p in pairs {
            let key = p.key.value
            switch key {
            case "version":
                guard p.value.scalar?.value == "1" else { throw bad(p.value, key) }
            case "locale":
                guard let s = p.value.scalar, let l = Language(locale: s.value) else { throw bad(p.value, key) }
                config.locale = l
            case "period":
                guard let s = p.value.scalar, let period = PlanPeriod(text: s.value) else {
                    throw PlanError.config(
                        path: path, line: p.value.line, column: p.value.column,
                        Message(.planPeriodInvalid, Catalogue.quote(p.value.scalar?.value ?? "")))
                }
                config.period = period
            case "rules":
                guard case .mapping(let rulePairs, _, _) = p.value else {
                    if case .scalar(let s) = p.value, s.json == .null { continue }
                    throw bad(p.value, key)
                }
                for r in rulePairs {
                    guard let id = ruleIDs[r.key.value] else {
                        let near = VietnameseText.suggestions(
                            for: r.key.value, among: Array(Set(ruleIDs.values)), count: 1)
                        throw PlanError.config(
                            path: path, line: r.key.line, column: r.key.column,
                            near.first.map { Message(.configUnknownRuleSuggest, r.key.value, $0) }
                                ?? Message(.configUnknownRule, r.key.value))
                    }
                    guard let s = r.value.scalar, let setting = RuleSetting(rawValue: s.value.lowercased()) else {
                        throw PlanError.config(
                            path: path, line: r.value.line, column: r.value.column,
                            Message(.configBadSeverity, r.value.scalar?.value ?? ""))
                    }
                    config.rules[id] = setting
                }
            case "ignore", "admins":
                var list: [String] = []
                switch p.value {
                case .sequence(let items, _, _):
                    list = try items.map { (n: YAMLNode) throws(PlanError) -> String in
                        guard let s = n.scalar?.value, !s.isEmpty else { throw bad(n, key) }
                        return s
                    }
                case .scalar(let s) where s.json == .null: break
                default: throw bad(p.value, key)
                }
                if key == "ignore" { config.ignore = list } else { config.admins = list }
            case "authorization":
                guard let s = p.value.scalar, let mode = Authorization(rawValue: s.value) else {
                    throw bad(p.value, key)
                }
                config.authorization = mode
            case "commit_summary":
                guard let s = p.value.scalar, let mode = CommitSummary(rawValue: s.value) else {
                    throw bad(p.value, key)
                }
                config.commitSummary = mode
            case "schema", "units", "plans":
                guard let s = p.value.scalar?.value, WorkspacePath.isSafeRelative(s) else { throw bad(p.value, key) }
                switch key {
                case "schema": config.schemaPath = s
                case "units": config.unitsPath = s
                default: config.plansPath = s
                }
            default:
                let near = VietnameseText.suggestions(for: key, among: knownKeys, count: 1)
                throw PlanError.config(
                    path: path, line: p.key.line, column: p.key.column,
                    near.first.map { Message(.configUnknownKeySuggest, key, $0) } ?? Message(.configUnknownKey, key))
            }
        }
        return config
    }

    /// The severity of a rule here, or nil when it is off.
    public func severity(of rule: RuleDescription) -> Severity? {
        switch rules[rule.id] {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off: nil
        case nil: rule.severity
        }
    }

    public func isIgnored(_ path: String) -> Bool {
        ignore.contains { Glob.matches($0, path) }
    }
}

/// YAML files of the workspace's own (plan.yaml, units.yaml), read with the same guards as items.
enum ConfigYAML {
    static func load(path: String, bytes: [UInt8]) throws(PlanError) -> YAMLNode? {
        if let bad = UTF8Validation.firstInvalidByte(bytes) {
            let p = SourceText(bytes: bytes).position(ofByte: bad)
            throw PlanError.config(
                path: path, line: p.line, column: p.column,
                Message(.fileNotUTF8, String(bad), String(format: "0x%02X", bytes[bad])))
        }
        let source = SourceText(bytes: bytes)
        let text = source.string(source.bomLength..<bytes.count)
        do {
            return try YAMLReader.parse(text, firstLine: 1)
        } catch {
            throw PlanError.config(path: path, line: error.line, column: error.column, error.message)
        }
    }
}
