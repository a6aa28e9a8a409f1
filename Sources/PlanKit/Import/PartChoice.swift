/// Which parts give the plan's items: the first of task tables (rank 1), a task section whose entries
/// carry leads, timeframes or unit headings (rank 2), duties listed unit by unit ("Phân công nhiệm vụ",
/// rank 3; the closing "Tổ chức thực hiện", rank 4) that the document has; a task section without any
/// assignment (rank 5) only when there is nothing else. Unit duties beside a better part are standing
/// duties: left out unless asked for. `--section` overrides the guess.
struct PartChoice {
    typealias Head = (entry: Int, numeral: String?, heading: String, kind: PartKind)

    let derivations: [ItemRules.Derivation]
    let heads: [Head]
    /// Indexes of the parts whose items are imported.
    private(set) var imported: Set<Int> = []
    private(set) var standing: Set<Int> = []
    private(set) var best: Int?

    init(derivations: [ItemRules.Derivation], heads: [Head], options: ImportOptions) {
        self.derivations = derivations
        self.heads = heads
        if !options.sections.isEmpty {
            imported = Set(heads.indices.filter { k in options.sections.contains { matches($0, k) } })
            return
        }
        best = derivations.compactMap(\.rank).min()
        guard let best else { return }
        imported = Set(derivations.indices.filter { derivations[$0].rank == best })
        if best < 4 {
            standing = Set(
                derivations.indices.filter { [3, 4].contains(derivations[$0].rank) && derivations[$0].rank! > best })
            if options.standingDuties {
                imported.formUnion(standing)
            }
        }
    }

    /// "IV", "PL" (any appendix), "PL2" (the second appendix) or a word of the part's title.
    private func matches(_ selector: String, _ k: Int) -> Bool {
        let s = selector.trimmedSpaces
        if let n = heads[k].numeral, n.caseInsensitiveCompare(s) == .orderedSame { return true }
        if s.uppercased().hasPrefix("PL"), heads[k].kind == .appendix {
            let rest = s.dropFirst(2)
            if rest.isEmpty { return true }
            let appendixes = heads.indices.filter { heads[$0].kind == .appendix }
            return Int(rest).map { $0 >= 1 && $0 <= appendixes.count && appendixes[$0 - 1] == k } ?? false
        }
        let key = VietnameseText.foldedKey(s)
        return !key.isEmpty && s.count >= 3 && VietnameseText.foldedKey(heads[k].heading).contains(key)
    }

    func apply(to outline: inout Outline, plan: inout ImportedPlan) {
        for (k, d) in derivations.enumerated() {
            let part = heads[k].entry
            let left = !imported.contains(k)
            outline.entries[part].role = .part
            for (i, role) in d.roles {
                outline.entries[i].role = role.0
                outline.entries[i].rule = role.1
                if left, role.0 == .item {
                    outline.entries[i].role = .skipped
                    outline.entries[i].rule =
                        standing.contains(k)
                        ? "standing duty, left out (--standing-duties)" : "another part ranks higher"
                }
            }
            if let rank = d.rank { outline.entries[part].rule += ", rank \(rank)" + (left ? ", not imported" : "") }
            guard imported.contains(k) else {
                if standing.contains(k) { plan.standingParts.append((heads[k].heading, d.items.count)) }
                continue
            }
            var items = d.items
            if standing.contains(k) { items = items.map { standingItem($0, head: heads[k]) } }
            plan.items += items
            plan.notes += d.notes
            if let layout = d.layout { plan.layouts.insert(layout) }
        }
    }

    /// A standing duty as an item of a section of its own: the part's numeral before its number.
    private func standingItem(_ item: ImportedItem, head: Head) -> ImportedItem {
        var item = item
        item.standing = true
        let label = head.numeral ?? "PL"
        if !item.number.hasPrefix(label + ".") { item.number = label + "." + item.number }
        item.sectionNumber = label
        item.section = ImportText.part(head.heading)?.title ?? head.heading
        return item
    }
}

extension PartKind: CustomStringConvertible {
    var description: String {
        switch self {
        case .duties: "part: duties by unit"
        case .closing: "part: closing duties by unit"
        case .tasks: "part: tasks"
        case .appendix: "part: appendix"
        case .excluded(let why): "part: \(why), never items"
        case .other: "part"
        }
    }
}
