extension ItemRules {
    /// The working state of one part's derivation: which entry owns which field, and the items made.
    struct Context {
        typealias Entry = Outline.Entry

        let rules: ItemRules
        let part: Int
        let numeral: String?
        let kind: PartKind
        let entries: [Int]
        /// Entries that own fields, in document order (the part's own fields are not among them).
        var owners: [Int] = []
        var owner: [Int: Int] = [:]
        /// Entries that are the value of a field written on the lines under its label.
        var valueOf: [Int: Int] = [:]
        var drafts: [Draft] = []
        var roles: [Int: (Role, String)] = [:]
        /// Units found at the start of entries, by entry and form: the rules ask more than once.
        let found = Found()

        final class Found {
            var units: [Int: (lead: String, support: [String])?] = [:]
        }

        struct Draft {
            var entry: Int
            var lead: String?
            var support: [String]
            var rule: String
        }

        init(rules: ItemRules, part: Int, kind: PartKind, numeral: String?, entries: [Int]) {
            self.rules = rules
            self.part = part
            self.kind = kind
            self.numeral = numeral
            self.entries = entries
        }

        var e: [Entry] { rules.outline.entries }

        func kids(_ i: Int) -> [Int] { rules.children[i] }

        /// Children that are not fields or field values.
        func structural(_ i: Int) -> [Int] {
            kids(i).filter { e[$0].field == nil && valueOf[$0] == nil && e[$0].marker != .row }
        }

        // MARK: Fields

        mutating func assignFields() {
            for i in entries {
                guard e[i].field != nil, let p = e[i].parent else { continue }
                if e[p].field != nil, let o = owner[p], e[p].field!.value.isEmpty {
                    owner[i] = o
                    continue
                }
                let o = findOwner(i, parent: p)
                owner[i] = o
                if o != part, !owners.contains(o) { owners.append(o) }
            }
            for i in entries where e[i].field == nil {
                guard let p = e[i].parent else { continue }
                if e[p].field != nil, e[p].field!.value.isEmpty || valueOf[p] != nil { valueOf[i] = p }
                if valueOf[p] != nil { valueOf[i] = valueOf[p] }
            }
            owners.sort()
        }

        private func findOwner(_ i: Int, parent p: Int) -> Int {
            if e[i].inline { return p }
            var previous: Int?
            var k = i - 1
            while k > p {
                if e[k].field == nil, !isFieldValue(k) {
                    previous = k
                    break
                }
                k -= 1
            }
            if let prev = previous, e[prev].parent == p, e[prev].marker == .none || isUnitHeading(p) {
                return prev
            }
            // A field after the last of several points that have none: it applies to their lead-in.
            if e[i].marker == .none, previous == nil, let q = e[p].parent, q != part,
                e[q].text.trimmedSpaces.hasSuffix(":")
            {
                let siblings = structural(q).filter { $0 < p && e[$0].marker.level == e[p].marker.level }
                if siblings.count >= 1, !siblings.contains(where: { owner.values.contains($0) }) { return q }
            }
            return p
        }

        private func isFieldValue(_ k: Int) -> Bool {
            var p = e[k].parent
            while let q = p, q != part {
                if e[q].field != nil { return true }
                p = e[q].parent
            }
            return false
        }

        /// The fields an entry owns, values under empty labels read, several fields on a line split.
        func ownedFields(_ o: Int) -> [(field: ImportField, label: String, value: String, entry: Int)] {
            var out: [(field: ImportField, label: String, value: String, entry: Int)] = []
            for (f, owned) in owner where owned == o {
                guard let field = e[f].field else { continue }
                let values = kids(f).filter { e[$0].field == nil }
                if field.value.isEmpty {
                    guard !values.isEmpty else { continue }
                    let text = values.map { e[$0].written }.joined(separator: " ")
                    out.append((field.field, field.label, text, f))
                    continue
                }
                for part in ImportText.inlineFields(field.value) {
                    out.append((part.field ?? field.field, part.label ?? field.label, part.value, f))
                }
            }
            return out.sorted { $0.entry < $1.entry }
        }

        // MARK: Units

        func isUnitHeading(_ i: Int) -> Bool {
            switch e[i].marker {
            case .number, .letter: break
            default: return false
            }
            guard e[i].field == nil, !kids(i).filter({ e[$0].field == nil }).isEmpty else { return false }
            let text = e[i].text.trimmedSpaces
            guard text.hasSuffix(":") || (!text.hasSuffix(".") && text.split(separator: " ").count <= 45) else {
                return false
            }
            return UnitNames.startsLikeUnit(text) || rules.registry.lookup(UnitText.name(text)) != nil
        }

        /// The lead a unit heading names, and the partners it names ("X chủ trì, phối hợp với Y:").
        func unitLead(_ i: Int) -> (lead: String, support: [String]) {
            let text = UnitText.name(e[i].text)
            // A sentence that gives the unit its duties: the unit is what comes before the first verb.
            let sentence =
                e[i].text.hasSuffix(":")
                && (UnitText.outsideBrackets(text).split(separator: " ").count > 20 || UnitNames.givesDuties(text))
            let before = sentence ? UnitNames.leading(text, registry: rules.registry)?.unit : nil
            if let lp = UnitNames.leadAndPartners(text), lp.lead.count <= (before?.count ?? Int.max) {
                return (lp.lead, lp.partners.map { SupportSplitter(registry: rules.registry).split($0) } ?? [])
            }
            return (before ?? text, [])
        }

        /// "Sở Y tế: tổ chức …" (any point), or "Sở Y tế chủ trì …" when `verbForm`.
        func inlineUnit(_ i: Int, verbForm: Bool) -> (lead: String, support: [String])? {
            let key = verbForm ? -1 - i : i
            if let known = found.units[key] { return known }
            let unit = findInlineUnit(i, verbForm: verbForm)
            found.units[key] = unit
            return unit
        }

        private func findInlineUnit(_ i: Int, verbForm: Bool) -> (lead: String, support: [String])? {
            guard let l = UnitNames.leading(e[i].text, registry: rules.registry) else { return nil }
            let colonForm = e[i].text.hasPrefix(l.unit) && e[i].text.dropFirst(l.unit.count).hasPrefix(":")
            guard colonForm || verbForm else { return nil }
            if !colonForm, let lp = UnitNames.leadAndPartners(e[i].text),
                lp.lead.count <= l.unit.count || lp.lead.split(separator: " ").count <= 20
            {
                return (lp.lead, lp.partners.map { SupportSplitter(registry: rules.registry).split($0) } ?? [])
            }
            if colonForm, let lp = UnitNames.leadAndPartners(l.unit) {
                return (lp.lead, lp.partners.map { SupportSplitter(registry: rules.registry).split($0) } ?? [])
            }
            return (l.unit, [])
        }

        /// A lead-in ("… thực hiện các nhiệm vụ sau:") whose points are items; not a duty whose points
        /// only list its objects ("… các dự án sau:").
        func isLeadIn(_ i: Int) -> Bool {
            let text = e[i].text.trimmedSpaces
            guard text.hasSuffix(":") else { return false }
            let points = structural(i)
            if points.contains(where: { inlineUnit($0, verbForm: false) != nil }) { return true }
            // Points that start with a verb are duties; points that start with a noun list the objects
            // of the one duty above them ("… quyết định:" / "- Phương án phân bổ vốn …").
            return pointsAreDuties(i)
        }

        /// Whether half the points under an entry or more start with a verb, as duties do.
        func pointsAreDuties(_ i: Int) -> Bool {
            let points = structural(i)
            // A point that starts with the units it assigns is a duty too ("- Sở Tài chính … tham mưu …").
            let duties = points.filter { p in
                UnitNames.dutyVerbs.contains { e[p].text.hasPrefix($0 + " ") } || UnitNames.startsLikeUnit(e[p].text)
            }
            return !points.isEmpty && duties.count * 2 >= points.count
        }
    }
}

/// A unit's name as a heading writes it: without its final ":" or ".".
enum UnitText {
    /// The text without what is in brackets: "Sở Nội vụ (cơ quan thường trực …)" is "Sở Nội vụ ".
    static func outsideBrackets(_ text: String) -> String {
        var depth = 0
        var out = ""
        for c in text {
            if c == "(" {
                depth += 1
            } else if c == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                out.append(c)
            }
        }
        return out
    }

    static func name(_ text: String) -> String {
        var name = text.trimmedSpaces
        while let last = name.last, last == ":" || last == "." || last == " " { name.removeLast() }
        return name
    }
}
