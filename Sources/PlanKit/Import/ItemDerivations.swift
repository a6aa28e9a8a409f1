extension ItemRules.Context {
    typealias Derivation = ItemRules.Derivation

    // MARK: The three ways a part gives items

    /// A task list: the entries that carry fields are items; an entry holding such entries is a group.
    mutating func fieldList(rank: Int, rule: String) -> Derivation {
        let ownerSet = Set(owners)
        for o in owners {
            let inner = descendants(o).contains { ownerSet.contains($0) }
            if inner {
                roles[o] = (.group, "holds entries with fields")
            } else {
                drafts.append(Draft(entry: o, lead: nil, support: [], rule: rule))
            }
        }
        return finish(rank: rank, layout: .list, unlettered: true)
    }

    /// Duties listed unit by unit.
    mutating func unitDerivation() -> Derivation {
        walk(structural(part))
        let units = roles.values.filter { $0.0 == .unit }.count
        let inline = drafts.filter { $0.rule.hasPrefix("duty names") }.count
        guard units >= 1 || inline >= 2 else { return Derivation() }
        return finish(rank: nil, layout: .byUnit, unlettered: false)
    }

    /// A task section without fields: every point is a task with no lead.
    mutating func leadless() -> Derivation {
        collect(structural(part), unit: nil, underHeading: false)
        return finish(rank: nil, layout: .list, unlettered: false)
    }

    private mutating func walk(_ list: [Int]) {
        // Duties that name their unit in their sentence ("3. Sở Y tế chủ trì …") only count among unit
        // headings, or when half the numbered points or more name one.
        let numbered = list.filter(isNumbered)
        let headings = list.contains { isUnitHeading($0) || inlineUnit($0, verbForm: false) != nil }
        let sentences = numbered.filter { inlineUnit($0, verbForm: true) != nil }.count
        // In a task section too, when most of its points are such sentences ("a) Bộ Tài chính tiếp tục xuất
        // cấp …", as resolutions write them).
        let verbForm =
            kind.isDuties && (headings || sentences * 2 >= numbered.count)
            || sentences >= 2 && sentences * 2 > numbered.count
        let unitSiblings = headings || (verbForm && sentences > 0)
        // "Ủy ban nhân dân các tỉnh, thành phố:" as a paragraph of its own: the unit of the points after it.
        var paragraphUnit: (lead: String, support: [String])?
        for c in list {
            if e[c].marker == .none, structural(c).isEmpty, let u = leadInUnits(c) {
                roles[c] = (.unit, "paragraph names a unit")
                paragraphUnit = u
                continue
            }
            if let u = paragraphUnit, isNumbered(c), structural(c).allSatisfy({ e[$0].marker == .none }),
                inlineUnit(c, verbForm: verbForm) == nil
            {
                drafts.append(Draft(entry: c, lead: u.lead, support: u.support, rule: "point under a unit"))
                continue
            }
            if isUnitHeading(c) {
                let u = unitLead(c)
                roles[c] = (.unit, "heading names a unit")
                collect(structural(c), unit: u, underHeading: true)
            } else if isNumbered(c), structural(c).allSatisfy({ e[$0].marker == .none }),
                let u = inlineUnit(c, verbForm: verbForm)
            {
                drafts.append(Draft(entry: c, lead: u.lead, support: u.support, rule: "duty names its unit"))
            } else if unitSiblings, isNumbered(c), structural(c).allSatisfy({ e[$0].marker == .none }) {
                drafts.append(Draft(entry: c, lead: nil, support: [], rule: "duty among units, none named"))
            } else if !structural(c).isEmpty {
                let before = drafts.count
                walk(structural(c))
                roles[c] = drafts.count > before ? (.group, "holds units") : (.skipped, "no unit named under it")
            } else {
                roles[c] = (.skipped, "text outside any unit")
            }
        }
    }

    /// The points under a unit (or under a task heading): items, lead-ins as groups.
    private mutating func collect(_ list: [Int], unit: (lead: String, support: [String])?, underHeading: Bool) {
        var shared: [String] = []
        for (k, c) in list.enumerated() {
            if unit != nil, isUnitHeading(c) {
                roles[c] = (.unit, "heading names a unit")
                collect(structural(c), unit: unitLead(c), underHeading: true)
                continue
            }
            let points = structural(c)
            if let unit, pointsAreDuties(c), let partners = roleLeadIn(c) {
                roles[c] = (.group, "the unit's role over points")
                let before = drafts.count
                collect(points, unit: (unit.lead, unit.support + partners), underHeading: true)
                // Under "Chủ trì, phối hợp": a point that starts with units names the partners of this duty.
                for k in before..<drafts.count
                where e[drafts[k].entry].parent == c && drafts[k].rule == "point under a unit" {
                    guard let u = UnitNames.leading(e[drafts[k].entry].text, registry: rules.registry) else { continue }
                    drafts[k].support += SupportSplitter(registry: rules.registry).split(u.unit)
                }
                continue
            }
            // "Chủ trì, phối hợp với …:" as a paragraph of its own before the points it leads in.
            if points.isEmpty, e[c].marker == .none, e[c].text.trimmedSpaces.hasSuffix(":"), k + 1 < list.count,
                e[list[k + 1]].marker != .none
            {
                roles[c] = (.group, "lead-in ending in ':'")
                shared = roleLeadIn(c) ?? []
                continue
            }
            let heading = unit == nil && isNumbered(c) && !points.isEmpty
            if !points.isEmpty, isLeadIn(c) || heading {
                // Under a unit, a lead-in that names units of its own gives them the points below it
                // ("m) UBND các tỉnh …" / "- UBND thành phố Hà Nội và UBND Thành phố Hồ Chí Minh cần …:").
                if unit != nil, !heading, let own = leadInUnits(c) {
                    roles[c] = (.group, "lead-in naming its units")
                    collect(points, unit: own, underHeading: true)
                    continue
                }
                roles[c] = (.group, heading ? "heading over points" : "lead-in ending in ':'")
                collect(points, unit: unit, underHeading: true)
                continue
            }
            if !underHeading, e[c].marker == .none {
                roles[c] = (.skipped, "text before the points")
                continue
            }
            if let u = inlineUnit(c, verbForm: false) {
                drafts.append(Draft(entry: c, lead: u.lead, support: u.support, rule: "point names its unit"))
            } else {
                let rule = unit == nil ? "point of a task list" : "point under a unit"
                drafts.append(Draft(entry: c, lead: unit?.lead, support: (unit?.support ?? []) + shared, rule: rule))
            }
        }
    }

    /// The units a lead-in's sentence starts with, and the partners it names: "UBND thành phố Hà Nội và
    /// UBND Thành phố Hồ Chí Minh cần tập trung …:", "Sở A chủ trì, phối hợp với Sở B thực hiện …:".
    func leadInUnits(_ i: Int) -> (lead: String, support: [String])? {
        let text = e[i].text.trimmedSpaces
        guard text.hasSuffix(":") else { return nil }
        let sentence = String(text.dropLast()).trimmedSpaces
        // A name alone ("Ủy ban nhân dân các tỉnh, thành phố:") has no verb to end at.
        let bare =
            UnitNames.namesOnly(sentence, lenient: false) && sentence.split(separator: " ").count <= 12
                && !sentence.contains(":")
            ? (unit: sentence, rest: "") : nil
        guard let l = UnitNames.leading(sentence, registry: rules.registry) ?? bare else { return nil }
        if let lp = UnitNames.leadAndPartners(sentence), lp.lead.split(separator: " ").count <= 20 {
            return (lp.lead, lp.partners.map { SupportSplitter(registry: rules.registry).split($0) } ?? [])
        }
        return (l.unit, [])
    }

    /// "a) Chủ trì, phối hợp với Y …", "b) Phối hợp với Y": the unit's role over the points below, and
    /// the partners it names.
    func roleLeadIn(_ i: Int) -> [String]? {
        let text = e[i].text
        let lower = text.lowercased()
        guard lower.hasPrefix("chủ trì") || lower.hasPrefix("phối hợp") else { return nil }
        guard
            let r = text.range(of: "phối hợp với ", options: .caseInsensitive)
                ?? text.range(of: "phối hợp ", options: .caseInsensitive)
        else { return [] }
        let partners = UnitNames.partnersText(String(text[r.upperBound...]))
        return SupportSplitter(registry: rules.registry).split(partners)
    }

    func isNumbered(_ i: Int) -> Bool {
        switch e[i].marker {
        case .number, .letter: true
        default: false
        }
    }

    func descendants(_ i: Int) -> [Int] {
        var out: [Int] = []
        var stack = kids(i).reversed().map { $0 }
        while let k = stack.popLast() {
            out.append(k)
            stack += kids(k).reversed()
        }
        return out
    }

    // MARK: Items

    /// The items of the drafts, numbered, and the role of every entry of the part.
    private mutating func finish(rank: Int?, layout: ImportLayout, unlettered: Bool) -> Derivation {
        var d = Derivation(rank: drafts.isEmpty ? nil : rank, layout: drafts.isEmpty ? nil : layout)
        let numbers = ItemNumbers.assign(drafts.map(\.entry), outline: rules.outline, numeral: numeral)
        for (k, draft) in drafts.enumerated() {
            roles[draft.entry] = (.item, draft.rule)
            d.items.append(makeItem(draft, number: numbers[k].number, notes: &d.notes))
            if unlettered, numbers[k].assigned {
                d.notes.append(ImportNote(line: e[draft.entry].line, kind: .unlettered(number: numbers[k].number)))
            }
            for k in descendants(draft.entry) where roles[k] == nil {
                roles[k] = e[k].field != nil ? (.field, "label: " + e[k].field!.label) : (.body, "under an item")
            }
        }
        for (f, o) in owner where roles[f] == nil {
            roles[f] = o == part ? (.field, "field of the whole part") : (.field, "label: " + e[f].field!.label)
        }
        for i in entries where roles[i] == nil {
            if valueOf[i] != nil {
                roles[i] = (.field, "value under a label")
            } else if descendants(i).contains(where: { roles[$0]?.0 == .item }) {
                roles[i] = (.group, "holds items")
            } else {
                roles[i] = (.skipped, "no item here")
            }
        }
        d.roles = roles
        return d
    }

    private func inherited(_ i: Int) -> [(field: ImportField, label: String, value: String, entry: Int)] {
        var out = ownedFields(i)
        var p = e[i].parent
        while let q = p, q != part {
            out += ownedFields(q).filter { f in !out.contains { $0.field == f.field } }
            p = e[q].parent
        }
        return out
    }

    private func makeItem(_ d: Draft, number: String, notes: inout [ImportNote]) -> ImportedItem {
        let i = d.entry
        let splitter = SupportSplitter(registry: rules.registry)
        var fields: [ImportField: String] = [:]
        var extra: [String] = []
        let own = ownedFields(i)
        for f in own + inherited(i).filter({ f in !own.contains { $0.entry == f.entry } }) {
            let v = ImportText.fieldValue(f.value)
            if f.field == .content {
                extra.append(v)
            } else if fields[f.field] == nil {
                fields[f.field] = v
            } else if own.contains(where: { $0.entry == f.entry }) {
                extra.append(f.label + ": " + v)
                notes.append(ImportNote(line: e[f.entry].line, kind: .repeatedField(number: number, label: f.label)))
            }
        }
        var lead = d.lead
        var support = d.support
        if let l = fields[.lead] {
            let parsed = LeadValue.parse(l, registry: rules.registry)
            lead = parsed.lead
            support = parsed.support
            if parsed.several { notes.append(ImportNote(line: e[i].line, kind: .severalLeads(number: number))) }
        }
        if let s = fields[.support] { support = splitter.split(s) + support.filter { !splitter.split(s).contains($0) } }
        var timeframe = fields[.timeframe]
        if timeframe == nil {
            timeframe = ImportText.inlineTimeframe(e[i].text, brackets: d.rule.contains("unit"))
        }
        let section = sectionOf(i)
        var body = [e[i].text] + extra
        body += descendants(i).filter { e[$0].field == nil && valueOf[$0] == nil }.map { e[$0].written }
        var item = ImportedItem(
            number: number, sectionNumber: section?.number, section: section?.title,
            title: ImportText.title(of: e[i].text), lead: lead, support: support, timeframe: timeframe, body: body,
            line: e[i].line)
        item.product = fields[.product]
        return item
    }

    /// The numbered heading an item is under: its number and its text.
    private func sectionOf(_ i: Int) -> (number: String, title: String)? {
        var p = e[i].parent
        while let q = p, q != part {
            switch e[q].marker {
            case .number(let n): return (n.map(String.init).joined(separator: "."), UnitText.name(e[q].text))
            case .capital(let c): return (c, UnitText.name(e[q].text))
            default: break
            }
            p = e[q].parent
        }
        return nil
    }
}

/// A lead slot's value: "X chủ trì, phối hợp với Y" gives lead X and partners Y; points under an empty
/// label ("+ X chủ trì …", "+ Y đăng tải …") give the first's lead and the others' units as partners;
/// several bodies with none named the lead are kept together, and said.
enum LeadValue {
    static func parse(_ value: String, registry: UnitRegistry) -> (lead: String, support: [String], several: Bool) {
        let splitter = SupportSplitter(registry: registry)
        let points = value.components(separatedBy: "+ ").map(\.trimmedSpaces).filter { !$0.isEmpty }
        if points.count > 1, value.hasPrefix("+ ") {
            let first = parse(points[0], registry: registry)
            var support = first.support
            for p in points.dropFirst() {
                if let u = UnitNames.leading(p, registry: registry) { support.append(u.unit) }
            }
            return (first.lead, support, first.several)
        }
        if let lp = UnitNames.leadAndPartners(value) {
            return (lp.lead, lp.partners.map(splitter.split) ?? [], false)
        }
        let v = ImportText.fieldValue(value)
        return (v, [], splitter.split(v).count > 1)
    }
}
