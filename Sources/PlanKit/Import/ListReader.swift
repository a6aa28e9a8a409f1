/// Reads the items of a part written as a list: numbered sections ("1-", "1.", "1.1."), lettered items
/// ("a)", "đ)"), each followed by field lines ("- Chủ trì: …"); or, in a section headed by a unit's name,
/// one item per paragraph, led by that unit.
struct ListReader {
    typealias Line = PlanText.Line

    let registry: UnitRegistry
    /// The part's numeral, for items outside any numbered section.
    let partNumeral: String?

    enum Token {
        case section(number: String, lines: [Line])
        case letter(String, lines: [Line])
        case field(ImportField, label: String, value: String, lines: [Line])
        case paragraph([Line])

        var lines: [Line] {
            switch self {
            case .section(_, let l), .letter(_, let l), .field(_, _, _, let l), .paragraph(let l): l
            }
        }

        var firstLine: Int { lines.first?.number ?? 0 }
    }

    /// What reading a part gave.
    struct Result {
        var items: [ImportedItem] = []
        /// Text that is in no item, by its first line, in document order.
        var leftovers: [(line: Int, text: String, notable: Bool)] = []
        var notes: [ImportNote] = []
        var layouts: Set<ImportLayout> = []
    }

    // MARK: Lines to tokens

    func tokens(_ lines: [Line]) -> [Token] {
        var tokens: [Token] = []
        var lastSection: [Int]?
        var lastLetter: Int?

        func appendToLast(_ line: Line) {
            switch tokens.removeLast() {
            case .section(let n, let l): tokens.append(.section(number: n, lines: l + [line]))
            case .letter(let x, let l): tokens.append(.letter(x, lines: l + [line]))
            case .field(let f, let label, let v, let l):
                tokens.append(.field(f, label: label, value: PlanText.join([v, line.text]), lines: l + [line]))
            case .paragraph(let l): tokens.append(.paragraph(l + [line]))
            }
        }

        for (index, line) in lines.enumerated() {
            let text = line.text
            let previous = tokens.last
            let previousText: String = {
                if case .field(_, _, let v, _)? = previous { return v }
                return previous?.lines.last?.text ?? ""
            }()
            var closed = previous == nil || ImportText.endsClause(previousText) || line.afterBlank
            if case .field? = previous { closed = true }
            if case .section? = previous { closed = true }

            if let f = ImportText.field(text), f.colon || f.bullet || closed {
                for part in ImportText.inlineFields(f.value) {
                    tokens.append(
                        .field(part.field ?? f.field, label: part.label ?? f.label, value: part.value, lines: [line]))
                }
                continue
            }
            if let l = ImportText.letter(text), let index = VietnameseText.itemLetters.firstIndex(of: l.letter) {
                let expected = (lastLetter ?? -1) + 1
                if index == expected || (closed && index > expected && index <= expected + 3) {
                    lastLetter = index
                    tokens.append(.letter(l.letter, lines: [line]))
                    continue
                }
            }
            if let s = ImportText.section(text) {
                let number = s.number.split(separator: ".").compactMap { Int($0) }
                let accept =
                    closed
                    ? (lastSection.map { ListReader.greater(number, $0) } ?? true)
                    : (lastSection.map { ListReader.successors(of: $0).contains(number) } ?? (number == [1]))
                if accept {
                    lastSection = number
                    lastLetter = nil
                    tokens.append(.section(number: s.number, lines: [line]))
                    continue
                }
            }
            if ImportText.bullet(text) != nil {
                tokens.append(.paragraph([line]))
                continue
            }
            switch previous {
            case .section?:
                let heading = PlanText.join(previous!.lines.map(\.text))
                if !ImportText.endsClause(heading), !line.afterBlank, ImportText.continues(heading, with: text) {
                    appendToLast(line)
                } else {
                    tokens.append(.paragraph([line]))
                }
            case .field(let field, _, let value, _)?:
                let goesOn =
                    !ImportText.endsClause(value) && !line.afterBlank
                    && (ImportText.continues(value, with: text)
                        || (field != .timeframe && text.count < 40 && !leadsToField(lines, after: index)))
                if goesOn { appendToLast(line) } else { tokens.append(.paragraph([line])) }
            case .letter?, .paragraph?:
                if line.afterBlank { tokens.append(.paragraph([line])) } else { appendToLast(line) }
            case nil:
                tokens.append(.paragraph([line]))
            }
        }
        return tokens
    }

    /// Whether the paragraph starting at `index` is followed by a field line before anything else starts.
    private func leadsToField(_ lines: [Line], after index: Int) -> Bool {
        for line in lines[(index + 1)...].prefix(40) {
            if let f = ImportText.field(line.text), f.colon || f.bullet { return true }
            if ImportText.letter(line.text) != nil || ImportText.section(line.text) != nil
                || ImportText.bullet(line.text) != nil
            {
                return false
            }
        }
        return false
    }

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

    // MARK: Tokens to items

    private struct Draft {
        var letter: String?
        var sectionItem = false
        var line: Int
        var body: [String]
        var fields: [ImportField: String] = [:]
        var extraBody: [String] = []
        /// Labels given a second time, with their lines.
        var repeated: [(label: String, line: Int)] = []
        var lead: String?

        var hasFields: Bool { !fields.isEmpty }
    }

    func read(_ lines: [Line]) -> Result {
        let tokens = tokens(lines)
        var result = Result()
        // Split into sections: the tokens before the first heading form a section of their own.
        var sections: [(number: String?, heading: Token?, body: [Token])] = [(nil, nil, [])]
        for t in tokens {
            if case .section(let n, _) = t {
                sections.append((n, t, []))
            } else {
                sections[sections.count - 1].body.append(t)
            }
        }
        for section in sections {
            let headingText = section.heading.map { PlanText.join($0.lines.map(\.text)) }
            let title = headingText.map { ImportText.section($0)?.title ?? $0 }
            var produced: [ImportedItem] = []
            var used = Set<Int>()
            if let title, let unit = unitHeading(title, section.body) {
                produced = readByUnit(
                    section.body, unit: unit, number: section.number!, section: unit, used: &used, notes: &result.notes)
                if !produced.isEmpty { result.layouts.insert(.byUnit) }
            } else {
                produced = readList(
                    section.body, number: section.number, heading: title,
                    headingLine: section.heading?.firstLine, used: &used, notes: &result.notes)
                if !produced.isEmpty { result.layouts.insert(.list) }
            }
            // A heading whose section gave items lives on in their `section` field.
            if let heading = section.heading, produced.isEmpty {
                result.leftovers.append((heading.firstLine, PlanText.join(heading.lines.map(\.text)), false))
            }
            for (i, t) in section.body.enumerated() where !used.contains(i) {
                result.leftovers.append((t.firstLine, PlanText.join(t.lines.map(\.text)), true))
            }
            result.items += produced
        }
        return result
    }

    /// The unit a section's heading names, when its paragraphs are tasks that unit leads.
    private func unitHeading(_ title: String, _ body: [Token]) -> String? {
        var name = title.trimmedSpaces
        while let last = name.last, last == ":" || last == "." { name.removeLast() }
        for prefix in ["Đối với ", "đối với "] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        guard !body.isEmpty else { return nil }
        for t in body {
            if case .field(.lead, _, _, _) = t { return nil }
        }
        guard body.contains(where: { if case .field = $0 { return false } else { return true } }) else { return nil }
        if registry.lookup(name) != nil || registry.segmentText(name) != nil { return name }
        let words = name.split(separator: " ").count
        return ImportText.looksLikeUnit(name) && words <= 14 && !name.contains(";") ? name : nil
    }

    private func itemNumber(_ section: String?, _ letter: String) -> String {
        if let section { return section + "." + letter }
        if let partNumeral { return partNumeral + "." + letter }
        return letter
    }

    private func readList(
        _ body: [Token], number: String?, heading: String?, headingLine: Int?,
        used: inout Set<Int>, notes: inout [ImportNote]
    ) -> [ImportedItem] {
        var drafts: [Draft] = []
        var current: Draft?
        var pending: [Int] = []

        func close() {
            if let c = current { drafts.append(c) }
            current = nil
        }
        for (i, token) in body.enumerated() {
            switch token {
            case .section:
                break
            case .letter(let letter, let lines):
                close()
                pending = []
                var text = PlanText.join(lines.map(\.text))
                text = ImportText.letter(text)?.text ?? text
                current = Draft(letter: letter, line: token.firstLine, body: [text])
                used.insert(i)
            case .paragraph(let lines):
                if current != nil, !current!.hasFields {
                    current!.body.append(PlanText.join(lines.map(\.text)))
                    used.insert(i)
                } else {
                    pending.append(i)
                }
            case .field(let field, let label, let value, _):
                if current == nil || (current!.hasFields && !pending.isEmpty) {
                    close()
                    if !pending.isEmpty {
                        current = Draft(
                            letter: nil, line: body[pending[0]].firstLine,
                            body: pending.map { PlanText.join(body[$0].lines.map(\.text)) })
                        used.formUnion(pending)
                        pending = []
                    } else if drafts.isEmpty, number != nil, let heading {
                        current = Draft(
                            letter: nil, sectionItem: true, line: headingLine ?? token.firstLine, body: [heading])
                    } else {
                        continue
                    }
                }
                used.insert(i)
                let v = ImportText.fieldValue(value)
                if current!.fields[field] == nil {
                    current!.fields[field] = v
                } else {
                    current!.extraBody.append(label + ": " + v)
                    current!.repeated.append((label, token.firstLine))
                }
            }
        }
        close()
        // Letters for the items the document gave none: the first free one after the item before.
        let taken = Set(drafts.compactMap(\.letter))
        var assigned = taken
        var previous = -1
        var items: [ImportedItem] = []
        for var d in drafts {
            var itemNumberText: String
            if d.sectionItem, let number {
                itemNumberText = number
            } else {
                if d.letter == nil {
                    var k = previous + 1
                    while k < VietnameseText.itemLetters.count, assigned.contains(VietnameseText.itemLetters[k]) {
                        k += 1
                    }
                    let letter = k < VietnameseText.itemLetters.count ? VietnameseText.itemLetters[k] : "x\(k)"
                    d.letter = letter
                    assigned.insert(letter)
                    notes.append(ImportNote(line: d.line, kind: .unlettered(number: itemNumber(number, letter))))
                }
                previous = VietnameseText.itemLetters.firstIndex(of: d.letter!) ?? previous
                itemNumberText = itemNumber(number, d.letter!)
            }
            items.append(
                makeItem(
                    d, number: itemNumberText, sectionNumber: d.sectionItem ? nil : number,
                    section: d.sectionItem ? nil : heading, notes: &notes))
        }
        return items
    }

    private func readByUnit(
        _ body: [Token], unit: String, number: String, section: String,
        used: inout Set<Int>, notes: inout [ImportNote]
    ) -> [ImportedItem] {
        var drafts: [Draft] = []
        for (i, token) in body.enumerated() {
            switch token {
            case .section:
                break
            case .letter(let letter, let lines):
                let text = PlanText.join(lines.map(\.text))
                drafts.append(
                    Draft(
                        letter: letter, line: token.firstLine, body: [ImportText.letter(text)?.text ?? text], lead: unit
                    ))
                used.insert(i)
            case .paragraph(let lines):
                let text = PlanText.join(lines.map(\.text))
                drafts.append(
                    Draft(letter: nil, line: token.firstLine, body: [ImportText.bullet(text) ?? text], lead: unit))
                used.insert(i)
            case .field(let field, let label, let value, _):
                guard !drafts.isEmpty else { continue }
                used.insert(i)
                let v = ImportText.fieldValue(value)
                if drafts[drafts.count - 1].fields[field] == nil {
                    drafts[drafts.count - 1].fields[field] = v
                } else {
                    drafts[drafts.count - 1].extraBody.append(label + ": " + v)
                    drafts[drafts.count - 1].repeated.append((label, token.firstLine))
                }
            }
        }
        var taken = Set(drafts.compactMap(\.letter))
        var next = 0
        return drafts.map { d in
            var d = d
            if d.letter == nil {
                while next < VietnameseText.itemLetters.count, taken.contains(VietnameseText.itemLetters[next]) {
                    next += 1
                }
                d.letter = next < VietnameseText.itemLetters.count ? VietnameseText.itemLetters[next] : "x\(next)"
                taken.insert(d.letter!)
            }
            if d.fields[.timeframe] == nil, let found = ImportText.inlineTimeframe(d.body.joined(separator: " ")) {
                d.fields[.timeframe] = found
            }
            return makeItem(d, number: number + "." + d.letter!, sectionNumber: number, section: section, notes: &notes)
        }
    }

    private func makeItem(
        _ d: Draft, number: String, sectionNumber: String?, section: String?,
        notes: inout [ImportNote]
    ) -> ImportedItem {
        for r in d.repeated {
            notes.append(ImportNote(line: r.line, kind: .repeatedField(number: number, label: r.label)))
        }
        let text = d.body.first ?? ""
        return ImportedItem(
            number: number, sectionNumber: sectionNumber, section: section,
            title: ImportText.title(of: text), lead: d.fields[.lead] ?? d.lead,
            support: d.fields[.support].map { SupportSplitter(registry: registry).split($0) } ?? [],
            timeframe: d.fields[.timeframe], body: d.body + d.extraBody, line: d.line)
    }
}
