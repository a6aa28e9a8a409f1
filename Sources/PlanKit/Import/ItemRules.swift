/// Derives a part's items from the outline by explicit rules, and records for every entry the role it
/// plays and the rule that decided it.
///
/// - Fields belong to the entry they follow: the paragraph or heading above them (a marked field under a
///   unit heading belongs to the duty just before it); a field after the last of several points that
///   have none applies to the lead-in of all of them.
/// - A part whose entries carry a lead field is a task list: the entries that carry fields are items,
///   what is under them is their body, what holds them is a group. A lead written inside a paragraph
///   counts only when the part lists no duties unit by unit.
/// - Otherwise a part with unit headings ("2. Sở Y tế:") or duties that name their unit ("3. Sở Nội vụ:
///   …") lists duties unit by unit: every point under a unit is an item led by it, a lead-in ending in
///   ":" is a group unless what follows only lists objects.
/// - Otherwise entries with timeframe fields are items; a task section with none is a list of tasks
///   without leads, used only when nothing else in the document assigns work.
struct ItemRules {
    typealias Role = Outline.Role

    let registry: UnitRegistry
    let outline: Outline
    let children: [[Int]]

    /// A part's derivation.
    struct Derivation {
        var rank: Int?
        var layout: ImportLayout?
        var items: [ImportedItem] = []
        var roles: [Int: (Role, String)] = [:]
        var notes: [ImportNote] = []
    }

    init(registry: UnitRegistry, outline: Outline) {
        self.registry = registry
        self.outline = outline
        children = outline.children
    }

    /// The part's entries below its heading, in order.
    func descendants(of p: Int) -> [Int] {
        var out: [Int] = []
        var stack = children[p].reversed().map { $0 }
        while let i = stack.popLast() {
            out.append(i)
            stack += children[i].reversed()
        }
        return out
    }

    func derive(part p: Int, kind: PartKind, numeral: String?) -> Derivation {
        let all = descendants(of: p)
        let rows = all.filter { outline.entries[$0].marker == .row }
        if !rows.isEmpty {
            let table = TableReader(registry: registry).read(
                rows.map { ($0, outline.entries[$0].line, outline.entries[$0].cells ?? []) })
            if table.hasLeadColumn, !table.items.isEmpty {
                var d = Derivation(rank: 1, layout: .table, items: table.items, roles: table.roles)
                for i in all where d.roles[i] == nil { d.roles[i] = (.skipped, "outside the task table") }
                return d
            }
        }
        if case .excluded(let why) = kind {
            var d = Derivation()
            for i in all { d.roles[i] = (.skipped, "never items: \(why)") }
            return d
        }
        var context = Context(rules: self, part: p, kind: kind, numeral: numeral, entries: all)
        context.assignFields()
        // Lead fields on lines of their own make a task list; leads written inside a duty's paragraph
        // ("(Sở A chủ trì; hằng năm)") give way to the unit headings the duties are listed under.
        func leads(inline: Bool) -> Bool {
            context.owners.contains {
                context.ownedFields($0).contains { $0.field == .lead && (inline || !outline.entries[$0.entry].inline) }
            }
        }
        if leads(inline: false) {
            return context.fieldList(rank: kind.fieldRank, rule: "entry carries fields")
        }
        let units = context.unitDerivation()
        if !units.items.isEmpty {
            var d = units
            d.rank = kind.fieldRank
            d.layout = .byUnit
            return d
        }
        if leads(inline: true) {
            return context.fieldList(rank: kind.fieldRank, rule: "entry carries fields")
        }
        if context.owners.contains(where: { context.ownedFields($0).contains { $0.field == .timeframe } }) {
            return context.fieldList(rank: kind.fieldRank, rule: "entry carries a timeframe")
        }
        if kind == .tasks {
            var d = context.leadless()
            if !d.items.isEmpty {
                d.rank = 5
                d.layout = .list
            }
            return d
        }
        var d = Derivation()
        for i in all { d.roles[i] = (.skipped, "no task assigned here") }
        return d
    }
}
