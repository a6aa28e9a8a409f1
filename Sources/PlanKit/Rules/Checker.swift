/// Options of one check run.
public struct CheckOptions: Sendable {
    /// "Today" for overdue findings; fixed in tests and with `--today`.
    public var today: CivilDate
    public var load: LoadOptions

    public init(today: CivilDate = .today(), load: LoadOptions = LoadOptions()) {
        self.today = today
        self.load = load
    }
}

public struct CheckResult: Sendable {
    /// Findings in the files in scope (all files when the snapshot has no scope).
    public let diagnostics: [Diagnostic]
    /// Findings of cross-file rules located outside the scope: a caller checking a change compares
    /// them with the findings before the change, to report the ones the change caused.
    public let outsideScope: [Diagnostic]
    public let files: Int
    public let items: Int

    public init(diagnostics: [Diagnostic], outsideScope: [Diagnostic] = [], files: Int, items: Int) {
        self.diagnostics = diagnostics
        self.outsideScope = outsideScope
        self.files = files
        self.items = items
    }

    public var errors: Int { diagnostics.count { $0.severity == .error } }
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }
    public var infos: Int { diagnostics.count { $0.severity == .info } }
}

/// Runs every rule over a snapshot: file findings, item and document rules in parallel, workspace
/// rules over every file's facts, then per-file suppressions, each finding with its configured severity.
public enum Checker {
    public static func check(source: any FileSource, options: CheckOptions = CheckOptions()) throws(PlanError)
        -> CheckResult
    {
        let snapshot = try WorkspaceLoader.load(from: source, options: options.load)
        return check(snapshot, options: options)
    }

    public static func check(_ snapshot: Snapshot, options: CheckOptions = CheckOptions()) -> CheckResult {
        let context = RuleContext(
            config: snapshot.config, registry: snapshot.registry, schema: snapshot.schema,
            headers: snapshot.headers, today: options.today)
        let config = snapshot.config
        let active = Active(config: config)
        let itemIDs = Dictionary(
            snapshot.view.files.map { ($0.path, $0.facts.id?.value) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []

        var byFile: [String: [Diagnostic]] = [:]
        for f in snapshot.fileFindings {
            guard let d = RuleRegistry.description(of: f.rule), let severity = config.severity(of: d) else { continue }
            let diagnostic = Diagnostic(location: f.location, rule: f.rule, severity: severity, message: f.message)
            diagnostics.append(diagnostic)
            byFile[f.location.path, default: []].append(diagnostic)
        }

        let itemByPath = Dictionary(snapshot.items.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let perDocument: [[Diagnostic]] =
            (try? Parallel.map(count: snapshot.documents.count, makeState: { () }) { _, i in
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
                        Diagnostic(
                            location: f.location, rule: d.id, severity: $0, message: f.message, fix: f.fix,
                            item: itemIDs[doc.path] ?? nil)
                    }
                }
            }) ?? []
        for d in perDocument { diagnostics += d }
        diagnostics += snapshot.knownDiagnostics
        Timing.mark("check: item and document rules")
        if let cache = options.load.fileFindings, !snapshot.findingKeys.isEmpty,
            perDocument.count == snapshot.documents.count
        {
            // What each file read in full gave, for the next run (its facts as the view holds them).
            for (i, doc) in snapshot.documents.enumerated() { byFile[doc.path, default: []] += perDocument[i] }
            for f in snapshot.view.files {
                guard let key = snapshot.findingKeys[f.path] else { continue }
                cache.set(key, FileFindingsCache.Entry(facts: f.facts, diagnostics: byFile[f.path] ?? []))
            }
        }

        var outside: [Diagnostic] = []
        for rule in active.workspaceRules {
            let d = type(of: rule).description
            guard let severity = config.severity(of: d) else { continue }
            for f in rule.check(snapshot.view, context) {
                let diagnostic = Diagnostic(
                    location: f.location, rule: d.id, severity: severity, message: f.message,
                    fix: f.fix, item: itemIDs[f.location.path] ?? nil)
                if snapshot.inScope(f.location.path) {
                    diagnostics.append(diagnostic)
                } else {
                    outside.append(diagnostic)
                }
            }
        }

        Timing.mark("check: workspace rules")
        diagnostics = Suppressions.apply(diagnostics, view: snapshot.view, scope: snapshot.scope, config: config)
        outside = Suppressions.apply(outside, view: snapshot.view, scope: [], config: config)
        diagnostics.sort()
        outside.sort()
        Timing.mark("check: sorted")
        return CheckResult(
            diagnostics: diagnostics, outsideScope: outside, files: snapshot.fileCount,
            items: snapshot.view.files.count { $0.isItem })
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
/// suppression that suppresses nothing is itself reported (for files in scope), so stale ones do not pile up.
enum Suppressions {
    static func apply(_ diagnostics: [Diagnostic], view: WorkspaceView, scope: Set<String>?, config: WorkspaceConfig)
        -> [Diagnostic]
    {
        let ids = WorkspaceLoader.ruleIDs
        let unusedRule = SuppressionUnusedRule.description
        let unusedSeverity = config.severity(of: unusedRule)
        var disabled: [String: [(id: String, at: DocumentFacts.Located)]] = [:]
        var extra: [Diagnostic] = []
        for file in view.files where !file.facts.disabled.isEmpty {
            let report = scope?.contains(file.path) ?? true
            for s in file.facts.disabled {
                if let id = ids[s.value] {
                    disabled[file.path, default: []].append((id, s))
                } else if report, let sev = unusedSeverity {
                    extra.append(
                        Diagnostic(
                            location: file.location(s), rule: unusedRule.id, severity: sev,
                            message: Message(.suppressionUnknownRule, Catalogue.quote(s.value)),
                            item: file.facts.id?.value))
                }
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
        for file in view.files where scope?.contains(file.path) ?? true {
            for (id, s) in disabled[file.path] ?? [] where !used.contains(file.path + "\u{0}" + id) {
                if let sev = unusedSeverity {
                    kept.append(
                        Diagnostic(
                            location: file.location(s), rule: unusedRule.id, severity: sev,
                            message: Message(.suppressionUnused, Catalogue.quote(id)), item: file.facts.id?.value))
                }
            }
        }
        return kept + extra
    }
}
