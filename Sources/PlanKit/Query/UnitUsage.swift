/// `plan units`: the registry, with how many items each unit leads and supports, and the names items
/// use that the registry does not know.
public struct UnitUsage: Sendable {
    public struct Entry: Sendable, Hashable {
        public let unit: Unit
        public var leads = 0
        public var supports = 0
    }

    public let entries: [Entry]
    /// Names not in the registry, with how many items use them.
    public let unknown: [(name: String, count: Int)]

    /// The day the registry is shown as it stood on (`plan units --at`), if any.
    public let day: CivilDate?

    /// `day`: show only the units that existed then, and count an item naming a unit that had ended by
    /// then under the unit that carried its work (its successor).
    public init(_ snapshot: Snapshot, on day: CivilDate? = nil) {
        self.day = day
        let registry = snapshot.registry
        var entries = (day.map { registry.units(on: $0) } ?? registry.units).map { Entry(unit: $0) }
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() { index[e.unit.id] = i }
        var unknownCounts: [String: (name: String, count: Int)] = [:]
        var order: [String] = []
        func count(_ text: String, lead: Bool) {
            let units: [Unit]
            switch snapshot.registry.resolve(text) {
            case .several(let list): units = list
            case .unknown:
                let key = VietnameseText.foldedKey(text)
                if unknownCounts[key] == nil {
                    order.append(key)
                    unknownCounts[key] = (text, 0)
                }
                unknownCounts[key]!.count += 1
                return
            case let r: units = r.unit.map { [$0] } ?? []
            }
            let current = day.map { d in units.map { registry.current($0, on: d) } } ?? units
            for u in current {
                guard let i = index[u.id] else { continue }
                if lead { entries[i].leads += 1 } else { entries[i].supports += 1 }
            }
        }
        for item in snapshot.items {
            switch item.lead {
            case .scalar(let s)?: count(s.value, lead: true)
            case .sequence(let list, _, _)?: for s in list.compactMap(\.scalar) { count(s.value, lead: true) }
            default: break
            }
            for s in item.support { count(s.value, lead: false) }
        }
        self.entries = entries
        unknown = order.map { unknownCounts[$0]! }
    }

    public func table(_ language: Language) -> String {
        func t(_ id: MessageID) -> String { Message(id).render(language) }
        // The lifetime column only when some unit has one.
        let dated = entries.contains { $0.unit.from != nil || $0.unit.until != nil || $0.unit.successor != nil }
        var header = [t(.unitsID), t(.unitsName), t(.unitsKind), t(.unitsLeads), t(.unitsSupports)]
        if dated { header.append(t(.unitsLifetime)) }
        var rows = [header]
        for e in entries {
            var row = [
                e.unit.id,
                e.unit.name + (e.unit.aliases.isEmpty ? "" : " (" + e.unit.aliases.joined(separator: "; ") + ")"),
                e.unit.kind?.rawValue ?? "", String(e.leads), String(e.supports),
            ]
            if dated { row.append(Self.lifetime(e.unit)) }
            rows.append(row)
        }
        let columns = header.count
        let widths = (0..<columns).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var out = day.map { Message(.unitsOn, $0.vietnamese).render(language) + "\n\n" } ?? ""
        for row in rows {
            var line = ""
            for c in 0..<columns {
                let right = c == 3 || c == 4
                let pad = String(repeating: " ", count: widths[c] - DisplayWidth.of(row[c]))
                line += (right ? pad + row[c] : row[c] + pad) + (c < columns - 1 ? "  " : "")
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        if !unknown.isEmpty {
            out += "\n" + t(.unitsUnknown) + "\n"
            for u in unknown { out += "  " + u.name + " (" + String(u.count) + ")\n" }
        }
        return out
    }

    /// "1/1/2021 – 30/6/2025 → ban-tgdv": when the unit existed and who took over.
    static func lifetime(_ u: Unit) -> String {
        guard u.from != nil || u.until != nil || u.successor != nil else { return "" }
        let span = (u.from?.vietnamese ?? "…") + " – " + (u.until?.vietnamese ?? "…")
        return span + (u.successor.map { " → " + $0 } ?? "")
    }

    public func json() -> String {
        let units: [JSONValue] = entries.map { e in
            [
                "id": .string(e.unit.id), "name": .string(e.unit.name),
                "aliases": .array(e.unit.aliases.map { .string($0) }),
                "kind": JSONValue(e.unit.kind?.rawValue), "leads": JSONValue(e.leads),
                "supports": JSONValue(e.supports), "from": JSONValue(e.unit.from?.description),
                "until": JSONValue(e.unit.until?.description), "successor": JSONValue(e.unit.successor),
                "members": .array(e.unit.members.map { .string($0) }),
            ]
        }
        let root: JSONValue = [
            "version": 1, "units": .array(units), "at": JSONValue(day?.description),
            "unknown": .array(unknown.map { ["name": .string($0.name), "items": JSONValue($0.count)] }),
        ]
        return root.serialized() + "\n"
    }
}
