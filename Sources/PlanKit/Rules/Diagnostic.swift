/// How much a finding matters. `off` exists only in configuration. `info` says something worth
/// knowing about valid data (an event-relative timeframe has no deadline); it never fails a check.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// The SARIF `level`: `note`, `warning`, `error`.
    public var sarifLevel: String { self == .info ? "note" : rawValue }
}

/// A certain rewrite of one span of a file's bytes.
public struct Fix: Hashable, Sendable {
    /// Byte offsets in the file as read (BOM included).
    public let range: Range<Int>
    public let replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// One finding of one rule at one place.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public var location: SourceLocation
    public var rule: String
    public var severity: Severity
    public var message: Message
    public var fix: Fix?
    /// The item the finding is about, when known: baselines match on it instead of the line.
    public var item: String?

    public init(
        location: SourceLocation, rule: String, severity: Severity, message: Message,
        fix: Fix? = nil, item: String? = nil
    ) {
        self.location = location
        self.rule = rule
        self.severity = severity
        self.message = message
        self.fix = fix
        self.item = item
    }

    /// Sorted by path, line, column, then rule, so every run prints the same order.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message.render(.en) < b.message.render(.en)
    }
}

/// What a rule reports, before the engine gives it its configured severity.
public struct Finding: Sendable {
    public var location: SourceLocation
    public var message: Message
    public var fix: Fix?

    public init(_ location: SourceLocation, _ message: Message, fix: Fix? = nil) {
        self.location = location
        self.message = message
        self.fix = fix
    }
}
