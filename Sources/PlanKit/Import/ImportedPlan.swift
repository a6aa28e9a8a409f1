/// What `plan import` read from a plan document: its header, its items, the text that goes into
/// `plan.md`, and what it could not place.
public struct ImportedPlan: Sendable {
    public var header = ImportedHeader()
    /// The document read into its structure, each entry with its role and the rule that decided it.
    public var outline = Outline(entries: [])
    /// The parts whose unit duties were left out as standing duties (`--standing-duties` imports them).
    public var standingParts: [(part: String, items: Int)] = []
    /// The body of `plan.md`: the preamble and the parts that hold no items, in document order.
    public var blocks: [ImportBlock] = []
    public var items: [ImportedItem] = []
    public var notes: [ImportNote] = []
    /// The parts' headings, for a message that lists them.
    public var partNames: String {
        outline.entries.filter { $0.role == .part && !$0.text.isEmpty }.map(\.text).joined(separator: "; ")
    }
    /// Which layouts the items came in, for the summary.
    public var layouts: Set<ImportLayout> = []
}

public enum ImportLayout: String, Sendable, CaseIterable, Comparable {
    case list, table
    case byUnit = "by-unit"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What the document says about itself.
public struct ImportedHeader: Sendable, Equatable {
    /// "Kế hoạch", "Chương trình" …
    public var kind: String?
    public var title: String?
    public var issuer: String?
    /// The document's number ("123-KH/BTGTU").
    public var number: String?
    /// Its date, ISO (`2021-09-15`).
    public var date: String?
    public var period: String?
    public var legalBases: [String] = []
    public var reports: [ImportedReport] = []
}

public struct ImportedReport: Sendable, Equatable {
    public var name: String
    public var due: String
}

/// A piece of `plan.md`'s body.
public enum ImportBlock: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
    /// Short bullet lines kept together ("Nơi nhận:" and the like).
    case list([String])
    /// Where a part's items were: they are files now.
    case itemsMoved(part: String)
}

public struct ImportedItem: Sendable, Equatable {
    /// The document's own numbering: "1.a", "7.a", "3", "I.2".
    public var number: String
    /// The section's number and heading, when the item is in one.
    public var sectionNumber: String?
    public var section: String?
    public var title: String
    public var lead: String?
    /// Coordinating units as written, split only where that is safe.
    public var support: [String] = []
    public var timeframe: String?
    /// What the item delivers ("Sản phẩm", "Kết quả"), as written.
    public var product: String?
    /// A unit's standing duty from a lower-ranked part, imported with `--standing-duties`.
    public var standing = false
    /// Paragraphs of the item's own text.
    public var body: [String] = []
    /// Line of the document the item starts at.
    public var line: Int

    public init(
        number: String, sectionNumber: String? = nil, section: String? = nil, title: String,
        lead: String? = nil, support: [String] = [], timeframe: String? = nil, body: [String] = [], line: Int
    ) {
        self.number = number
        self.sectionNumber = sectionNumber
        self.section = section
        self.title = title
        self.lead = lead
        self.support = support
        self.timeframe = timeframe
        self.body = body
        self.line = line
    }

    /// A title from an item's text: its first sentence or clause, cut at a word before 120 characters.
    public static func title(from text: String) -> String { ImportText.title(of: text) }

    /// The fields the document did not give.
    public var missing: [ImportField] {
        var out: [ImportField] = []
        if lead == nil { out.append(.lead) }
        if timeframe == nil { out.append(.timeframe) }
        return out
    }
}

/// Something the summary tells the user, at a line of the document.
public struct ImportNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Text in the items' part that belongs to no item (kept in plan.md).
        case unplaced(String)
        /// An item with no letter of its own, given the next free one.
        case unlettered(number: String)
        /// Two items with one number; the second was renamed.
        case duplicate(number: String, renamed: String)
        /// A field given twice for one item; the second is kept in the body.
        case repeatedField(number: String, label: String)
        /// Several implementing bodies and none named the lead: all are kept as the lead.
        case severalLeads(number: String)
    }

    public var line: Int
    public var kind: Kind
}
