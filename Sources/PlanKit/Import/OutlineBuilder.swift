/// Makes outline entries from blocks: recognises each block's marker and field label, and nests it.
///
/// Nesting follows the markers: a marker of a kind already open closes everything opened after it and
/// becomes its sibling; a new kind nests under the last marked entry. Plain paragraphs nest under the
/// last marked entry without opening anything.
struct OutlineBuilder {
    private(set) var entries: [Outline.Entry] = []
    private var stack: [(level: String, index: Int)] = []
    private var lastNumber: [Int]?
    private var lastLetter: Int?
    private var lastCapital: Int?

    /// Starts a part: a heading entry at depth 0 (or none, for the text before the first part).
    mutating func startPart(line: Int, numeral: String?, title: String, role: Outline.Role, rule: String) {
        stack = []
        lastNumber = nil
        lastLetter = nil
        lastCapital = nil
        var e = Outline.Entry(line: line, marker: .part(numeral ?? ""), text: title, parent: nil, depth: 0)
        e.role = role
        e.rule = rule
        entries.append(e)
        stack.append(("part", entries.count - 1))
    }

    /// Adds entries that only go to `plan.md` (preamble, closing), flat under no part.
    mutating func addSkipped(_ blocks: [Outline.Block], rule: String) {
        for b in blocks {
            var e: Outline.Entry
            switch b {
            case .paragraph(let line, let text):
                e = Outline.Entry(line: line, marker: .none, text: text, parent: nil, depth: 0)
                e.source = text
            case .row(let line, let cells):
                e = Outline.Entry(line: line, marker: .row, text: "", cells: cells, parent: nil, depth: 0)
            }
            e.rule = rule
            entries.append(e)
        }
    }

    mutating func add(_ block: Outline.Block) {
        switch block {
        case .row(let line, let cells):
            let parent = stack.first?.index
            entries.append(
                Outline.Entry(
                    line: line, marker: .row, text: "", cells: cells, parent: parent, depth: parent == nil ? 0 : 1))
        case .paragraph(let line, let text):
            addParagraph(line: line, text: text)
        }
    }

    private mutating func addParagraph(line: Int, text: String) {
        let closed =
            entries.last.map { last in
                switch last.marker {
                case .number, .part, .capital: return true
                default: return ImportText.endsClause(last.text) || last.field != nil
                }
            } ?? true
        var (marker, content) = recognise(text, closed: closed)
        // A heading the source broke into two paragraphs ("3. Đề nghị Ủy ban …, Hội Liên hiệp" / "Phụ nữ …").
        if marker == .none, ImportText.field(content) == nil, let last = entries.last, case .number = last.marker,
            last.field == nil,
            !ImportText.endsClause(last.text), !ImportText.endsClause(content), content.count < 120,
            entries.count - 1 == stack.last?.index
        {
            entries[entries.count - 1].text = last.text + "\n\n" + content
            entries[entries.count - 1].source = last.source + "\n\n" + text
            return
        }
        var field: Outline.Field?
        if let f = ImportText.field(content), f.colon || marker != .none || closed {
            field = Outline.Field(field: f.field, label: f.label, value: f.value)
        }
        // A task with its fields in its own paragraph: the fields become entries below it. A paragraph
        // that only assigns the task above ("Sở A chủ trì, phối hợp với Sở B; hoàn thành năm 2026") is
        // a field line, the fields after its first inline.
        var inline: InlineFields.Split?
        if field == nil, marker != .none, let split = InlineFields.split(content) {
            inline = split
            content = split.text
        } else if field == nil, marker == .none, let fields = InlineFields.paragraph(content) {
            field = fields[0]
            if fields.count > 1 { inline = InlineFields.Split(text: content, fields: Array(fields.dropFirst())) }
        }
        var parent: Int?
        if marker == .none {
            // Under the last marked entry, unless that is a field with its value: a label holds only the
            // lines of a value it does not give on its own line.
            var k = stack.count - 1
            while k > 0, let f = entries[stack[k].index].field, !f.value.isEmpty { k -= 1 }
            // A label of its own comes back from the values of the label before it.
            if field != nil {
                while k > 0, entries[stack[k].index].field != nil || isFieldValue(stack[k].index) { k -= 1 }
            }
            parent = k >= 0 ? stack[k].index : nil
        } else {
            while let top = stack.last, let f = entries[top.index].field,
                !(f.value.isEmpty && top.level != marker.level && (marker == .dash || marker == .plus || field != nil))
            {
                stack.removeLast()
            }
            if let k = stack.lastIndex(where: { $0.level == marker.level }) { stack.removeSubrange(k...) }
            parent = stack.last?.index
        }
        let depth = parent.map { entries[$0].depth + 1 } ?? 0
        var entry = Outline.Entry(line: line, marker: marker, text: content, field: field, parent: parent, depth: depth)
        entry.source = text
        entries.append(entry)
        // A label with its value on the lines below holds them, marked or not.
        if marker != .none || field?.value.isEmpty == true {
            stack.append((marker == .none ? "label" : marker.level, entries.count - 1))
        }
        if let inline {
            // Under the task, or beside the field line that wrote them, under its task.
            let owner = entry.field == nil ? entries.count - 1 : parent
            for f in inline.fields {
                var e = Outline.Entry(
                    line: line, marker: .none, text: f.label + ": " + f.value, field: f, parent: owner,
                    depth: owner.map { entries[$0].depth + 1 } ?? 0)
                e.inline = true
                entries.append(e)
            }
        }
    }

    private func isFieldValue(_ i: Int) -> Bool {
        var p = entries[i].parent
        while let q = p {
            if entries[q].field != nil { return true }
            p = entries[q].parent
        }
        return false
    }

    /// The marker a paragraph starts with, checked against the numbering so far: a number must follow
    /// the last one (or come after a finished sentence), a letter must come next in order.
    private mutating func recognise(_ text: String, closed: Bool) -> (Outline.Marker, String) {
        // "A. NHIỆM VỤ CHUNG", then "B.": numbering starts again under each.
        if closed, let c = ImportText.capital(text), c.index == (lastCapital ?? -1) + 1 {
            lastCapital = c.index
            lastNumber = nil
            lastLetter = nil
            return (.capital(c.letter), c.text)
        }
        if let l = ImportText.letter(text), let index = VietnameseText.itemLetters.firstIndex(of: l.letter) {
            let expected = (lastLetter ?? -1) + 1
            if index == expected || (closed && index > expected && index <= expected + 3) || index == 0 {
                lastLetter = index
                return (.letter(l.letter), l.text)
            }
        }
        if let s = ImportText.section(text) {
            let number = s.number.split(separator: ".").compactMap { Int($0) }
            let accept =
                closed
                ? (lastNumber.map { ListOrder.greater(number, $0) || number.count > 1 } ?? true)
                : (lastNumber.map { ListOrder.successors(of: $0).contains(number) } ?? (number == [1]))
            if accept {
                lastNumber = number
                lastLetter = nil
                return (.number(number), s.title)
            }
        }
        if let b = ImportText.bullet(text) {
            return (text.first == "+" ? .plus : .dash, b)
        }
        return (.none, text)
    }
}

/// The order of numbered headings.
enum ListOrder {
    static func greater(_ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x > y }
        return a.count > b.count
    }

    /// The numbers that may follow `n`: the next at any level, or the first below it.
    static func successors(of n: [Int]) -> [[Int]] {
        var out: [[Int]] = [n + [1]]
        for k in 0..<n.count { out.append(Array(n[..<k]) + [n[k] + 1]) }
        return out
    }
}
