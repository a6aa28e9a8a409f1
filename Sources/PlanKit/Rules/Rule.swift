/// What a rule is: its stable id, a summary in both languages, its default severity, and examples
/// that are at once its documentation and its tests.
public struct RuleDescription: Sendable {
    public enum Scope: String, Sendable { case file, item, document, workspace }

    public let id: String
    public let summary: Localized
    public let severity: Severity
    public let scope: Scope
    /// Whether the rule offers fixes that `--fix` applies.
    public let fixable: Bool
    /// Earlier ids of a renamed rule, still accepted in configuration.
    public let aliases: [String]
    // Examples are built when asked for: every run needs the rules, only tests and docs their examples.
    private let makeTriggering: @Sendable () -> [RuleExample]
    private let makeNonTriggering: @Sendable () -> [RuleExample]

    /// Each example must produce a finding of this rule exactly where its `↓` markers are.
    public var triggering: [RuleExample] { makeTriggering() }
    /// Each example must produce no finding of this rule.
    public var nonTriggering: [RuleExample] { makeNonTriggering() }

    public init(
        id: String, summary: Localized, severity: Severity, scope: Scope, fixable: Bool = false,
        triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
        nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample], aliases: [String] = []
    ) {
        self.id = id
        self.summary = summary
        self.severity = severity
        self.scope = scope
        self.fixable = fixable
        makeTriggering = triggering
        makeNonTriggering = nonTriggering
        self.aliases = aliases
    }
}

public protocol Rule: Sendable {
    static var description: RuleDescription { get }
}

/// A rule whose findings the document parser makes (a file that cannot be read as an item).
public protocol FileRule: Rule {}

/// A rule over one item, with the facts computed once for all item rules.
public protocol ItemRule: Rule {
    init()
    func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding]
}

/// A rule over any parsed document, items and plan headers alike (text rules).
public protocol DocumentRule: Rule {
    init()
    func check(_ document: Document, _ context: RuleContext) -> [Finding]
}

/// A rule across files (ids, dependencies, citations), over the facts of every file.
public protocol WorkspaceRule: Rule {
    init()
    func check(_ view: WorkspaceView, _ context: RuleContext) -> [Finding]
}

/// An example for a rule: one or more files, with `↓` where each finding must be reported.
/// Files the example does not give come from `ExampleWorkspace`.
public struct RuleExample: Sendable {
    public let files: [(path: String, text: String)]

    public init(files: [(String, String)]) {
        self.files = files.map { (path: $0.0, text: $0.1) }
    }

    /// An item file: the example workspace's standard item with some field lines replaced or added.
    /// `fields` are YAML lines, e.g. `"lead: ↓Phòng Không Có"` or `"support:\n  - A\n  - B"`.
    public static func item(
        _ fields: String..., body: String = "Nội dung nhiệm vụ.\n",
        path: String = ExampleWorkspace.itemPath
    ) -> RuleExample {
        RuleExample(files: [(path, ExampleWorkspace.item(fields, body: body))])
    }

    /// A file given whole.
    public static func file(_ text: String, path: String = ExampleWorkspace.itemPath) -> RuleExample {
        RuleExample(files: [(path, text)])
    }

    public static let marker: Character = "↓"
}
