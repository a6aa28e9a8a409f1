/// A plan document read once into its structure, before any item is made: every paragraph or table row
/// with its marker ("II.", "1.1.", "a)", "-", "+"), its place in the hierarchy, and, once the item rules
/// have run, the role it plays and the rule that decided it.
///
/// Any reader can make one: the text reader from a plain-text export, a Word reader from paragraphs and
/// tables. Its input is a sequence of `Block`s, paragraphs and table rows, each with its source line.
public struct Outline: Sendable, Equatable {
    /// What a reader hands over: one paragraph, or one table row as its cells.
    public enum Block: Sendable, Equatable {
        case paragraph(line: Int, text: String)
        case row(line: Int, cells: [String])

        public var line: Int {
            switch self {
            case .paragraph(let line, _), .row(let line, _): line
            }
        }
    }

    /// How an entry is marked at its start.
    public enum Marker: Sendable, Equatable, Hashable {
        /// A part: a Roman numeral ("II."), "Phần thứ nhất", or an appendix ("PHỤ LỤC").
        case part(String)
        /// A number at any depth: "1." is [1], "1.2.3." is [1, 2, 3].
        case number([Int])
        /// A capital letter heading a group of numbered entries inside a part: "A. NHIỆM VỤ CHUNG".
        case capital(String)
        /// A lettered point in Vietnamese order: "a)", "đ)".
        case letter(String)
        /// A dash or plus bullet ("-", "–", "•" and "*" count as dashes).
        case dash, plus
        /// A table row.
        case row
        /// A plain paragraph.
        case none

        /// Markers of one kind are siblings; a new kind nests under the last one.
        var level: String {
            switch self {
            case .part: "part"
            case .number(let n): "number\(n.count)"
            case .capital: "capital"
            case .letter: "letter"
            case .dash: "dash"
            case .plus: "plus"
            case .row: "row"
            case .none: "none"
            }
        }

        var label: String {
            switch self {
            case .part(let p): p
            case .number(let n): n.map(String.init).joined(separator: ".")
            case .capital(let c): c + "."
            case .letter(let l): l + ")"
            case .dash: "-"
            case .plus: "+"
            case .row: "|"
            case .none: ""
            }
        }
    }

    /// What an entry turned out to be.
    public enum Role: String, Sendable, CaseIterable {
        case part, group, item, field, body, unit, skipped
    }

    /// A labelled field: "Chủ trì: Sở A", "b) Cơ quan thực hiện:", "+ Thời hạn ban hành: 2026".
    public struct Field: Sendable, Equatable {
        public var field: ImportField
        public var label: String
        public var value: String
    }

    public struct Entry: Sendable, Equatable {
        /// 1-based line of the source where it starts.
        public var line: Int
        public var marker: Marker
        /// The text after the marker (the whole text for a plain paragraph).
        public var text: String
        /// The paragraph as the document writes it, marker included.
        public var source: String = ""
        /// The cells, for a table row.
        public var cells: [String]?
        public var field: Field?
        /// A field written inside the paragraph of the entry it belongs to (its parent).
        public var inline = false
        /// The index of the entry it nests under, if any.
        public var parent: Int?
        public var depth: Int
        public var role: Role = .skipped
        /// Why the entry has its role, for `--explain`.
        public var rule: String = ""

        /// The entry as the document writes it.
        public var written: String {
            if let cells { return "| " + cells.joined(separator: " | ") + " |" }
            if !source.isEmpty { return source }
            let label = marker.label
            return label.isEmpty ? text : label + " " + text
        }

        public init(
            line: Int, marker: Marker, text: String, cells: [String]? = nil, field: Field? = nil, parent: Int?,
            depth: Int
        ) {
            self.line = line
            self.marker = marker
            self.text = text
            self.cells = cells
            self.field = field
            self.parent = parent
            self.depth = depth
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The children of each entry, by index.
    public var children: [[Int]] {
        var out = [[Int]](repeating: [], count: entries.count)
        for (i, e) in entries.enumerated() {
            if let p = e.parent { out[p].append(i) }
        }
        return out
    }

    /// The outline as `plan import --explain` prints it: line, role, rule, then the text indented by depth.
    public func explained(width: Int = 90) -> String {
        var out = ""
        for e in entries {
            var text = e.written
            if text.count > width { text = String(text.prefix(width - 1)) + "…" }
            let role = e.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let rule = e.rule + String(repeating: " ", count: max(0, 24 - e.rule.count))
            let line = String(e.line)
            out += String(repeating: " ", count: max(0, 5 - line.count)) + line + "  " + role + rule + " "
            out += String(repeating: "  ", count: e.depth) + text + "\n"
        }
        return out
    }
}
