/// What happened to one item in one commit.
public struct ItemChange: Sendable, Hashable {
    public enum Kind: String, Sendable { case added, removed, moved, modified }

    public let kind: Kind
    /// The item's id (the new one when it changed), or its path when it has none.
    public let item: String
    /// Where it is now (where it was, when removed).
    public let path: String
    /// Where it was, when moved.
    public let fromPath: String?
    /// Its title (the new one), for readers.
    public let title: String?
    /// The lead unit's registered name (after the change; before, when removed).
    public let lead: String?
    public let fields: [FieldChange]

    public init(
        kind: Kind, item: String, path: String, fromPath: String? = nil, title: String? = nil,
        lead: String? = nil, fields: [FieldChange] = []
    ) {
        self.kind = kind
        self.item = item
        self.path = path
        self.fromPath = fromPath
        self.title = title
        self.lead = lead
        self.fields = fields
    }

    /// The short label of the item: `2.a` for `dvk-2021/2.a`.
    public var shortItem: String {
        guard let slash = item.lastIndex(of: "/"), !item.hasSuffix(".md") else { return item }
        return String(item[item.index(after: slash)...])
    }
}

/// A field that changed, with what the report needs to say it in words.
public struct FieldChange: Sendable, Hashable {
    public enum Detail: Sendable, Hashable {
        case value
        /// A unit field whose units are the same, only spelled otherwise (`lead`), or whose units were
        /// added or removed (`support`).
        case units(added: [String], removed: [String], respelled: Bool)
        /// The timeframe, with how far the deadline moved (nil when either side has none).
        case timeframe(shiftDays: Int?, fromLabel: String?, toLabel: String?, fromLabelEN: String?, toLabelEN: String?)
        /// The body, as lines added and removed.
        case body(added: Int, removed: Int)
    }

    public let field: String
    public let from: JSONValue?
    public let to: JSONValue?
    public let detail: Detail

    public init(field: String, from: JSONValue?, to: JSONValue?, detail: Detail = .value) {
        self.field = field
        self.from = from
        self.to = to
        self.detail = detail
    }
}
