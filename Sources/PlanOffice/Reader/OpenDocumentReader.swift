/// Reads an OpenDocument text package (.odt) into the same `OfficeDocument` as a .docx: `content.xml`
/// streamed, list labels computed from the list styles of `content.xml` and `styles.xml`, row and column
/// spans resolved, notes at the end, deleted text (kept in `text:tracked-changes`) and annotations left out.
public struct OpenDocumentReader: Sendable {
    public init() {}

    public func read(_ bytes: [UInt8], path: String) throws(OfficeError) -> OfficeDocument {
        var package = try OfficePackage(bytes: bytes, path: path)
        return try read(&package)
    }

    func read(_ package: inout OfficePackage) throws(OfficeError) -> OfficeDocument {
        let styles = ODFStyles()
        if let b = try package.read("styles.xml") {
            try XMLStream.parse(b, part: "styles.xml", path: package.path, into: styles)
        }
        guard let content = try package.read("content.xml") else { throw .notADocument(path: package.path) }
        let handler = ODFContentHandler(styles: styles)
        try XMLStream.parse(content, part: "content.xml", path: package.path, into: handler)
        return OfficeDocument(blocks: handler.blocks, footnotes: handler.footnotes)
    }
}

/// Paragraph, text and list styles, from `styles.xml` and the automatic styles of `content.xml`.
final class ODFStyles: XMLEventHandler {
    struct Style {
        var parent: String?
        var bold: Bool?
        var listStyle: String?
    }

    var styles: [String: Style] = [:]
    var lists: [String: [Int: ListLevel]] = [:]
    private var style: String?
    private var list: String?

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "style":
            style = a["name"]
            if let s = style {
                styles[s] = Style(parent: a["parent-style-name"], listStyle: a["list-style-name"])
            }
        case "text-properties":
            if let s = style, let w = a["font-weight"] { styles[s]?.bold = w == "bold" || (Int(w) ?? 400) >= 600 }
        case "list-style":
            list = a["name"]
            if let l = list { lists[l] = [:] }
        case "list-level-style-number", "list-level-style-bullet":
            guard let l = list, let level = a["level"].flatMap({ Int($0) }), (1...10).contains(level) else { return }
            var lvl = ListLevel()
            if name == "list-level-style-bullet" {
                lvl.format = .bullet
                lvl.text = a["bullet-char"] ?? "-"
            } else {
                lvl.format = NumberFormat(odf: a["num-format"] ?? "")
                lvl.start = a["start-value"].flatMap { Int($0) } ?? 1
                let shown = min(max(a["display-levels"].flatMap { Int($0) } ?? 1, 1), level)
                let numbers = ((level - shown + 1)...level).map { "%\($0)" }.joined(separator: ".")
                lvl.text = (a["num-prefix"] ?? "") + numbers + (a["num-suffix"] ?? "")
            }
            if level <= 9 { lists[l]?[level - 1] = lvl }
        default: break
        }
    }

    func end(_ name: String) {
        if name == "style" { style = nil }
        if name == "list-style" { list = nil }
    }

    func text(_ text: String) {}

    func lookup<T>(_ name: String?, _ property: (Style) -> T?) -> T? {
        var next = name
        var seen = 0
        while let n = next, let s = styles[n], seen < 20 {
            if let v = property(s) { return v }
            next = s.parent
            seen += 1
        }
        return nil
    }
}

final class ODFContentHandler: XMLEventHandler {
    let styles: ODFStyles
    var blocks: [OfficeBlock] = []
    var footnotes: [OfficeParagraph] = []

    private struct Paragraph {
        var text = ""
        var style: String?
        var heading: Int?
        var label: String?
        var anyText = false
        var allBold = true
    }

    private struct List {
        var style: String?
        var counter: ListCounter
        var id: String?
    }

    private struct Table {
        var rows: [OfficeRow] = []
        var cells: [OfficeCell] = []
        var cell: OfficeCell?
        var column = 0
        /// Column → (rows of the span not yet ended, this one included; column where the spanning cell starts).
        var spans: [Int: (rows: Int, origin: Int)] = [:]
    }

    private var skipping = 0
    private var inAutomaticStyles = 0
    private var paragraphs: [Paragraph] = []
    private var spans: [String?] = []
    /// The open lists, outermost first; the nesting depth is the level.
    private var lists: [List] = []
    /// Whether the current list item has had its numbered paragraph.
    private var itemLabelled: [Bool] = []
    private var itemStart: [Int?] = []
    private var finished: [String: ListCounter] = [:]
    private var lastList: (style: String?, counter: ListCounter)?
    private var tables: [Table] = []
    private var noteBody = 0

    private static let skipped: Set<String> = [
        "tracked-changes", "annotation", "note-citation", "frame", "sequence-decls", "forms", "change",
    ]

    init(styles: ODFStyles) {
        self.styles = styles
    }

    func start(_ name: String, _ a: [String: String]) {
        if skipping > 0 || Self.skipped.contains(name) {
            skipping += 1
            return
        }
        if name == "automatic-styles" { inAutomaticStyles += 1 }
        if inAutomaticStyles > 0 {
            styles.start(name, a)
            return
        }
        switch name {
        case "p", "h":
            var p = Paragraph(style: a["style-name"])
            if name == "h" { p.heading = a["outline-level"].flatMap { Int($0) } ?? 1 }
            if !lists.isEmpty, itemLabelled.last == false, paragraphs.isEmpty, noteBody == 0 {
                itemLabelled[itemLabelled.count - 1] = true
                p.label = nextLabel(paragraphStyle: p.style)
            }
            paragraphs.append(p)
        case "span":
            spans.append(a["style-name"])
        case "s":
            append(String(repeating: " ", count: min(max(a["c"].flatMap { Int($0) } ?? 1, 1), 1000)))
        case "tab":
            append("\t")
        case "line-break":
            append("\n")
        case "note-body":
            noteBody += 1
        case "list":
            let style = a["style-name"] ?? lists.last?.style
            var counter = ListCounter()
            if lists.isEmpty {
                if let other = a["continue-list"], let c = finished[other] {
                    counter = c
                } else if a["continue-numbering"] == "true", let last = lastList, last.style == style || style == nil {
                    counter = last.counter
                }
            } else {
                counter = lists[lists.count - 1].counter
            }
            lists.append(List(style: style, counter: counter, id: a["id"]))
        case "list-item":
            itemLabelled.append(false)
            itemStart.append(a["start-value"].flatMap { Int($0) })
        case "list-header":
            itemLabelled.append(true)
            itemStart.append(nil)
        case "table":
            tables.append(Table())
        case "table-cell":
            let span = min(max(a["number-columns-spanned"].flatMap { Int($0) } ?? 1, 1), 64)
            let rows = min(max(a["number-rows-spanned"].flatMap { Int($0) } ?? 1, 1), 10_000)
            tables.modifyLast { t in
                t.cell = OfficeCell(paragraphs: [], columnSpan: span)
                if rows > 1 { for c in t.column..<(t.column + span) { t.spans[c] = (rows, t.column) } }
                t.column += span
            }
        case "covered-table-cell":
            tables.modifyLast { t in
                let c = t.column
                if let s = t.spans[c], s.rows > 0 {
                    if s.origin == c {
                        var width = 1
                        while let next = t.spans[c + width], next.origin == c { width += 1 }
                        t.cells.append(OfficeCell(paragraphs: [], columnSpan: width, continuesAbove: true))
                    }
                }
                t.column += 1
            }
        default: break
        }
    }

    func end(_ name: String) {
        if skipping > 0 {
            skipping -= 1
            return
        }
        if inAutomaticStyles > 0 {
            if name == "automatic-styles" { inAutomaticStyles -= 1 } else { styles.end(name) }
            return
        }
        switch name {
        case "p", "h": finishParagraph()
        case "span": _ = spans.popLast()
        case "note-body": noteBody -= 1
        case "list-item", "list-header":
            _ = itemLabelled.popLast()
            _ = itemStart.popLast()
        case "list":
            guard let l = lists.popLast() else { return }
            if lists.isEmpty {
                lastList = (l.style, l.counter)
                if let id = l.id { finished[id] = l.counter }
            } else {
                // The nested list's counting is the outer list's counting at a deeper level.
                lists[lists.count - 1].counter = l.counter
            }
        case "table-cell":
            tables.modifyLast { t in
                if let c = t.cell { t.cells.append(c) }
                t.cell = nil
            }
        case "table-row":
            tables.modifyLast { t in
                if !t.cells.isEmpty { t.rows.append(OfficeRow(cells: t.cells)) }
                t.cells = []
                t.column = 0
                for (k, v) in t.spans {
                    t.spans[k] = v.rows > 1 ? (v.rows - 1, v.origin) : nil
                }
            }
        case "table":
            guard let t = tables.popLast() else { return }
            if tables.isEmpty {
                if !t.rows.isEmpty { blocks.append(.table(OfficeTable(rows: t.rows))) }
            } else {
                let rows = t.rows.map { row in
                    OfficeParagraph(text: row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " "))
                }
                tables.modifyLast { $0.cell?.paragraphs += rows.filter { !$0.text.isEmpty } }
            }
        default: break
        }
    }

    func text(_ text: String) {
        guard skipping == 0, inAutomaticStyles == 0 else { return }
        // Whitespace in ODF text is collapsed (text:s stands for the spaces that are meant).
        append(text.replacingOccurrences(of: "\n", with: " "))
    }

    private func nextLabel(paragraphStyle: String?) -> String? {
        let level = lists.count - 1
        let listStyle = lists[level].style ?? styles.lookup(paragraphStyle, \.listStyle)
        guard let name = listStyle, let levels = styles.lists[name], level < 9 else { return nil }
        if let start = itemStart.last ?? nil { lists[level].counter.restart(level: level, at: start) }
        let label = lists[level].counter.next(level: level, levels: levels)
        return label.isEmpty ? nil : label
    }

    private func append(_ s: String) {
        guard skipping == 0, !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text += s
        if s.contains(where: { !$0.isWhitespace }) {
            paragraphs[paragraphs.count - 1].anyText = true
            let span = spans.last ?? nil
            let bold =
                styles.lookup(span, \.bold) ?? styles.lookup(paragraphs[paragraphs.count - 1].style, \.bold) ?? false
            if !bold { paragraphs[paragraphs.count - 1].allBold = false }
        }
    }

    private func finishParagraph() {
        guard let p = paragraphs.popLast() else { return }
        let paragraph = OfficeParagraph(
            label: p.label, text: p.text, bold: p.anyText && p.allBold, headingLevel: p.heading, style: p.style)
        if noteBody > 0 {
            footnotes.append(paragraph)
        } else if !paragraphs.isEmpty {
            paragraphs[paragraphs.count - 1].text += paragraph.labelled
        } else if !tables.isEmpty, tables[tables.count - 1].cell != nil {
            tables.modifyLast { $0.cell?.paragraphs.append(paragraph) }
        } else if tables.isEmpty {
            blocks.append(.paragraph(paragraph))
        }
    }
}
