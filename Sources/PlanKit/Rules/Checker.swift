/// Options of one check run.
public struct CheckOptions: Sendable {
    /// "Today" for overdue findings; fixed in tests and with `--today`.
    public var today: CivilDate
    public var load: LoadOptions
    /// Only report files whose path is in this set (all when nil). Cross-file rules still see every file.
    public var onlyPaths: Set<String>?

    public init(today: CivilDate = .today(), load: LoadOptions = LoadOptions(), onlyPaths: Set<String>? = nil) {
        self.today = today
        self.load = load
        self.onlyPaths = onlyPaths
    }
}

public struct CheckResult: Sendable {
    public let diagnostics: [Diagnostic]
    public let files: Int
    public let items: Int

    public var errors: Int { diagnostics.count { $0.severity == .error } }
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }
}

/// Runs every rule over a snapshot: file findings, item and document rules in parallel, workspace
/// rules, then per-file suppressions, each finding given its configured severity.
public enum Checker {
    public static func check(source: any FileSource, options: CheckOptions = CheckOptions()) throws(PlanError) -> CheckResult {
        let snapshot = try WorkspaceLoader.load(from: source, options: options.load)
        return check(snapshot, options: options)
    }

    public static func check(_ snapshot: Snapshot, options: CheckOptions = CheckOptions()) -> CheckResult {
        let context = RuleContext(config: snapshot.config, registry: snapshot.registry, schema: snapshot.schema,
                                  headers: snapshot.headers, today: options.today)
        let config = snapshot.config
        let active = Active(config: config)
        var diagnostics: [Diagnostic] = []

        for f in snapshot.fileFindings {
            guard let d = RuleRegistry.description(of: f.rule), let severity = config.severity(of: d) else { continue }
            diagnostics.append(Diagnostic(location: f.location, rule: f.rule, severity: severity, message: f.message))
        }

        let itemByPath = Dictionary(snapshot.items.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let perDocument: [[Diagnostic]] = (try? Parallel.map(count: snapshot.documents.count, makeState: { () }) { _, i in
            let doc = snapshot.documents[i]
            var found: [(RuleDescription, Finding)] = []
            if let item = itemByPath[doc.path] {
                let facts = ItemFacts(item: item, context: context)
                for rule in active.itemRules {
                    for f in rule.check(facts, context) { found.append((type(of: rule).description, f)) }
                }
            }
            for rule in active.documentRules {
                for f in rule.check(doc, context) { found.append((type(of: rule).description, f)) }
            }
            return found.compactMap { d, f in
                config.severity(of: d).map {
                    Diagnostic(location: f.location, rule: d.id, severity: $0, message: f.message, fix: f.fix,
                               item: itemByPath[doc.path]?.idValue)
                }
            }
        }) ?? []
        for d in perDocument { diagnostics += d }

        for rule in active.workspaceRules {
            let d = type(of: rule).description
            guard let severity = config.severity(of: d) else { continue }
            for f in rule.check(snapshot, context) {
                diagnostics.append(Diagnostic(location: f.location, rule: d.id, severity: severity, message: f.message,
                                              fix: f.fix, item: itemByPath[f.location.path]?.idValue))
            }
        }

        diagnostics = Suppressions.apply(diagnostics, items: snapshot.items, config: config)
        if let only = options.onlyPaths { diagnostics = diagnostics.filter { only.contains($0.location.path) } }
        diagnostics.sort()
        return CheckResult(diagnostics: diagnostics, files: snapshot.fileCount, items: snapshot.items.count)
    }

    /// The rules that are not turned off, instantiated once per run.
    struct Active {
        let itemRules: [any ItemRule]
        let documentRules: [any DocumentRule]
        let workspaceRules: [any WorkspaceRule]

        init(config: WorkspaceConfig) {
            func on(_ t: any Rule.Type) -> Bool { config.severity(of: t.description) != nil }
            itemRules = RuleRegistry.itemRules.filter { on($0) }.map { $0.init() }
            documentRules = RuleRegistry.documentRules.filter { on($0) }.map { $0.init() }
            workspaceRules = RuleRegistry.workspaceRules.filter { on($0) }.map { $0.init() }
        }
    }
}

/// `plan-disable: rule-id` (or a list) in an item's front-matter turns rules off for that file. A
/// suppression that suppresses nothing is itself reported, so stale ones do not pile up.
enum Suppressions {
    static func apply(_ diagnostics: [Diagnostic], items: [Item], config: WorkspaceConfig) -> [Diagnostic] {
        var disabled: [String: [(id: String, scalar: YAMLScalar)]] = [:]
        let ids = WorkspaceLoader.ruleIDs
        var extra: [Diagnostic] = []
        let unusedRule = SuppressionUnusedRule.description
        for item in items {
            for s in item.disabledRules {
                guard let id = ids[s.value] else {
                    if let sev = config.severity(of: unusedRule) {
                        extra.append(Diagnostic(location: item.document.location(of: s), rule: unusedRule.id, severity: sev,
                                                message: Message(.suppressionUnknownRule, Catalogue.quote(s.value)),
                                                item: item.idValue))
                    }
                    continue
                }
                disabled[item.path, default: []].append((id, s))
            }
        }
        guard !disabled.isEmpty else { return diagnostics + extra }
        var used = Set<String>()
        var kept: [Diagnostic] = []
        for d in diagnostics {
            if let list = disabled[d.location.path], list.contains(where: { $0.id == d.rule }) {
                used.insert(d.location.path + "\u{0}" + d.rule)
                continue
            }
            kept.append(d)
        }
        for item in items {
            for (id, s) in disabled[item.path] ?? [] where !used.contains(item.path + "\u{0}" + id) {
                if let sev = config.severity(of: unusedRule) {
                    kept.append(Diagnostic(location: item.document.location(of: s), rule: unusedRule.id, severity: sev,
                                           message: Message(.suppressionUnused, Catalogue.quote(id)), item: item.idValue))
                }
            }
        }
        return kept + extra
    }
}
