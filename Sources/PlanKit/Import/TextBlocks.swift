/// The blocks of a plain-text export: the lines of a paragraph that an export hard-wrapped joined again,
/// and table rows (`| a | b |`, or tab-separated cells under a header row) one block each.
///
/// A line starts a new paragraph after a blank line (when blank lines mean something in this text),
/// at a marker the numbering expects ("2.", "b)", "-"), at a field label, or after a finished sentence;
/// otherwise it goes on the paragraph before.
struct TextBlocks {
    typealias Line = PlanText.Line

    private enum Kind { case section, letter, field(ImportField), paragraph }

    private var blocks: [(kind: Kind, lines: [Line], text: String)] = []
    private var lastSection: [Int]?
    private var lastLetter: Int?

    static func blocks(_ lines: [Line]) -> [Outline.Block] {
        var reader = TextBlocks()
        var out: [Outline.Block] = []
        var inTable = false
        func flush() {
            out += reader.blocks.map { .paragraph(line: $0.lines[0].number, text: $0.text) }
            reader.blocks = []
        }
        for line in lines {
            if let cells = TableReader.cells(line),
                line.text.hasPrefix("|") || inTable || TableReader.header(cells) != nil
            {
                flush()
                inTable = true
                out.append(.row(line: line.number, cells: cells))
                continue
            }
            inTable = false
            reader.add(line)
        }
        flush()
        return out
    }

    private mutating func append(_ kind: Kind, _ line: Line, text: String? = nil) {
        blocks.append((kind, [line], text ?? line.text))
    }

    private mutating func appendToLast(_ line: Line) {
        let k = blocks.count - 1
        blocks[k].lines.append(line)
        blocks[k].text = PlanText.join([blocks[k].text, line.text])
    }

    private mutating func add(_ line: Line) {
        let text = line.text
        let previous = blocks.last
        var closed = previous == nil || ImportText.endsClause(previous!.text) || line.afterBlank
        switch previous?.kind {
        case .field?, .section?: closed = true
        default: break
        }
        if let f = ImportText.field(text), f.colon || f.bullet || closed {
            append(.field(f.field), line)
            return
        }
        // A capital heading ("A. NHIỆM VỤ CHUNG"): numbering starts again under it.
        if closed, ImportText.capital(text) != nil {
            lastSection = nil
            lastLetter = nil
            append(.section, line)
            return
        }
        if let l = ImportText.letter(text), let index = VietnameseText.itemLetters.firstIndex(of: l.letter) {
            let expected = (lastLetter ?? -1) + 1
            if index == expected || (closed && index > expected && index <= expected + 3) {
                lastLetter = index
                append(.letter, line)
                return
            }
        }
        if let s = ImportText.section(text) {
            let number = s.number.split(separator: ".").compactMap { Int($0) }
            let accept =
                closed
                ? (lastSection.map { ListOrder.greater(number, $0) } ?? true)
                : (lastSection.map { ListOrder.successors(of: $0).contains(number) } ?? (number == [1]))
            if accept {
                lastSection = number
                lastLetter = nil
                append(.section, line)
                return
            }
        }
        if ImportText.bullet(text) != nil {
            append(.paragraph, line)
            return
        }
        guard let previous else {
            append(.paragraph, line)
            return
        }
        switch previous.kind {
        case .section:
            if !ImportText.endsClause(previous.text), !line.afterBlank, ImportText.continues(previous.text, with: text)
            {
                appendToLast(line)
            } else {
                append(.paragraph, line)
            }
        case .field(let field):
            let value = ImportText.field(previous.text)?.value ?? previous.text
            let goesOn =
                !ImportText.endsClause(value) && !line.afterBlank
                && (ImportText.continues(value, with: text) || (field != .timeframe && text.count < 40))
            if goesOn { appendToLast(line) } else { append(.paragraph, line) }
        case .letter, .paragraph:
            if line.afterBlank { append(.paragraph, line) } else { appendToLast(line) }
        }
    }
}
