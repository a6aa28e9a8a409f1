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

    public init(_ snapshot: Snapshot) {
        var entries = snapshot.registry.units.map { Entry(unit: $0) }
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
            for u in units {
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
        var rows = [[t(.unitsID), t(.unitsName), t(.unitsKind), t(.unitsLeads), t(.unitsSupports)]]
        for e in entries {
            rows.append([
                e.unit.id,
                e.unit.name + (e.unit.aliases.isEmpty ? "" : " (" + e.unit.aliases.joined(separator: "; ") + ")"),
                e.unit.kind?.rawValue ?? "", String(e.leads), String(e.supports),
            ])
        }
        let widths = (0..<5).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = ""
            for c in 0..<5 {
                let right = c >= 3
                let pad = String(repeating: " ", count: widths[c] - DisplayWidth.of(row[c]))
                line += (right ? pad + row[c] : row[c] + pad) + (c < 4 ? "  " : "")
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

    public func json() -> String {
        let units: [JSONValue] = entries.map { e in
            [
                "id": .string(e.unit.id), "name": .string(e.unit.name),
                "aliases": .array(e.unit.aliases.map { .string($0) }),
                "kind": JSONValue(e.unit.kind?.rawValue), "leads": JSONValue(e.leads),
                "supports": JSONValue(e.supports),
            ]
        }
        let root: JSONValue = [
            "version": 1, "units": .array(units),
            "unknown": .array(unknown.map { ["name": .string($0.name), "items": JSONValue($0.count)] }),
        ]
        return root.serialized() + "\n"
    }
}
