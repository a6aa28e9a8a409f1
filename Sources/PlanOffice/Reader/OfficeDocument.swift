/// A word-processing document as the importer needs it: paragraphs with the numbering label a reader
/// sees, and tables with their real cells. The same model for .docx and .odt.
public struct OfficeDocument: Sendable, Equatable {
    public var blocks: [OfficeBlock] = []
    /// Footnote and endnote bodies, in the order of the notes part; rendered after the body.
    public var footnotes: [OfficeParagraph] = []

    public init(blocks: [OfficeBlock] = [], footnotes: [OfficeParagraph] = []) {
        self.blocks = blocks
        self.footnotes = footnotes
    }

    /// Every paragraph, in tables too, in document order (footnotes last).
    public var paragraphs: [OfficeParagraph] {
        var out: [OfficeParagraph] = []
        for b in blocks {
            switch b {
            case .paragraph(let p): out.append(p)
            case .table(let t): for row in t.rows { for c in row.cells { out += c.paragraphs } }
            }
        }
        return out + footnotes
    }
}

public enum OfficeBlock: Sendable, Equatable {
    case paragraph(OfficeParagraph)
    case table(OfficeTable)
}

public struct OfficeParagraph: Sendable, Equatable {
    /// The automatic numbering label as displayed ("1.", "a)", "1.2.", "-"), or nil when the paragraph
    /// is not numbered. Typed numbers stay in `text`.
    public var label: String?
    /// The text with runs joined; `\t` for tabs and `\n` for line breaks.
    public var text: String
    /// All of its visible text is bold.
    public var bold: Bool
    /// 1 for "Heading 1" (or outline level 0), and so on; nil for body text.
    public var headingLevel: Int?
    /// The paragraph style's name ("heading 1", "List Paragraph"), when it has one.
    public var style: String?

    public init(
        label: String? = nil, text: String, bold: Bool = false, headingLevel: Int? = nil, style: String? = nil
    ) {
        self.label = label
        self.text = text
        self.bold = bold
        self.headingLevel = headingLevel
        self.style = style
    }

    /// The label and the text as one line of reading.
    public var labelled: String {
        guard let label, !label.isEmpty else { return text }
        return label + " " + text
    }
}

public struct OfficeTable: Sendable, Equatable {
    public var rows: [OfficeRow]

    public init(rows: [OfficeRow]) { self.rows = rows }

    /// The cells with vertical merges filled in: a continuation cell takes the paragraphs of the cell
    /// it continues, for callers that group rows by a merged value.
    public var resolvedRows: [[OfficeCell]] {
        var above: [Int: OfficeCell] = [:]
        var out: [[OfficeCell]] = []
        for row in rows {
            var column = 0
            var cells: [OfficeCell] = []
            for var c in row.cells {
                if c.continuesAbove, let a = above[column] {
                    c.paragraphs = a.paragraphs
                } else {
                    above[column] = c
                }
                cells.append(c)
                column += max(1, c.columnSpan)
            }
            out.append(cells)
        }
        return out
    }
}

public struct OfficeRow: Sendable, Equatable {
    public var cells: [OfficeCell]

    public init(cells: [OfficeCell]) { self.cells = cells }
}

public struct OfficeCell: Sendable, Equatable {
    public var paragraphs: [OfficeParagraph]
    /// How many grid columns the cell covers (`w:gridSpan`, `table:number-columns-spanned`).
    public var columnSpan: Int
    /// A continuation of the cell above (`w:vMerge` without "restart", a covered ODF cell under a row span).
    public var continuesAbove: Bool

    public init(paragraphs: [OfficeParagraph], columnSpan: Int = 1, continuesAbove: Bool = false) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
        self.continuesAbove = continuesAbove
    }

    /// The cell's paragraphs, labels in front, joined by a space.
    public var text: String {
        paragraphs.map(\.labelled).filter { !$0.isEmpty }.joined(separator: " ")
    }
}
