/// Reads `schemas/units.yaml`:
///
///     units:
///       - id: ptt-bc-xb
///         name: Phòng Tuyên truyền - Báo chí - Xuất bản
///         aliases: [Phòng Tuyên truyền - Báo chí và Xuất bản]
///         kind: internal          # internal | external | group
///         from: 2021-01-01        # optional: the first day it exists
///         until: 2025-06-30       # optional: its last day
///         successor: ban-tgdv     # optional: the unit that took over (merger or rename)
///         members: [nguyenvana, b@example.org]   # optional: who may report for it
public enum UnitRegistryFile {
    static let keys = ["id", "name", "aliases", "kind", "note", "from", "until", "successor", "members"]

    public static func parse(path: String, bytes: [UInt8]) throws(PlanError) -> UnitRegistry {
        guard let root = try ConfigYAML.load(path: path, bytes: bytes) else { return .empty }
        func error(_ node: YAMLNode, _ message: Message) -> PlanError {
            .config(path: path, line: node.line, column: node.column, message)
        }
        guard let list = root["units"] else { throw error(root, Message(.unitsMissingList)) }
        if case .scalar(let s) = list, s.json == .null { return .empty }
        guard let entries = list.items else { throw error(list, Message(.unitsMissingList)) }
        var units: [Unit] = []
        var seenIDs: [String: Int] = [:]
        var seenNames: [String: String] = [:]
        for entry in entries {
            guard let pairs = entry.pairs else { throw error(entry, Message(.unitsBadEntry)) }
            for p in pairs where !keys.contains(p.key.value) {
                let near = VietnameseText.suggestions(for: p.key.value, among: keys, count: 1)
                throw PlanError.config(
                    path: path, line: p.key.line, column: p.key.column,
                    near.first.map { Message(.configUnknownKeySuggest, p.key.value, $0) }
                        ?? Message(.configUnknownKey, p.key.value))
            }
            guard let name = entry["name"]?.scalar?.value, !name.isEmpty else {
                throw error(entry, Message(.unitsMissingName))
            }
            let id = entry["id"]?.scalar?.value ?? VietnameseText.slug(name, maxWords: 12)
            if let line = seenIDs[id] {
                throw error(entry["id"] ?? entry, Message(.unitsDuplicateID, id, String(line)))
            }
            seenIDs[id] = entry.line
            let aliases = strings(entry["aliases"])
            for text in [name] + aliases {
                let key = VietnameseText.basicKey(text)
                if let other = seenNames[key], other != id {
                    throw error(entry, Message(.unitsDuplicateName, text, other))
                }
                seenNames[key] = id
            }
            var kind: Unit.Kind?
            if let k = entry["kind"]?.scalar {
                guard let parsed = Unit.Kind(rawValue: k.value) else {
                    throw error(.scalar(k), Message(.configBadValue, "kind"))
                }
                kind = parsed
            }
            func date(_ key: String) throws(PlanError) -> CivilDate? {
                guard let s = entry[key]?.scalar, s.json != .null else { return nil }
                guard let d = ProgressDate.parse(s.value) else {
                    throw error(.scalar(s), Message(.unitsBadDate, key, Catalogue.quote(s.value)))
                }
                return d
            }
            let from = try date("from")
            let until = try date("until")
            if let from, let until, until < from {
                throw error(entry["until"] ?? entry, Message(.unitsEndsBeforeStart, until.vietnamese, from.vietnamese))
            }
            let successor = entry["successor"]?.scalar.flatMap { $0.json == .null ? nil : $0.value }
            units.append(
                Unit(
                    id: id, name: name, aliases: aliases, kind: kind, from: from, until: until, successor: successor,
                    members: strings(entry["members"])))
        }
        try checkSuccessors(units, entries: entries, error: error)
        return UnitRegistry(units: units)
    }

    private static func strings(_ node: YAMLNode?) -> [String] {
        switch node {
        case .sequence(let items, _, _)?: items.compactMap(\.scalar?.value).filter { !$0.isEmpty }
        case .scalar(let s)? where s.json != .null && !s.value.isEmpty: [s.value]
        default: []
        }
    }

    /// Every `successor:` names another registered unit, and following them never comes back.
    private static func checkSuccessors(
        _ units: [Unit], entries: [YAMLNode], error: (YAMLNode, Message) -> PlanError
    ) throws(PlanError) {
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (unit, entry) in zip(units, entries) {
            guard let next = unit.successor else { continue }
            let node = entry["successor"] ?? entry
            guard byID[next] != nil, next != unit.id else {
                throw error(node, Message(.unitsUnknownSuccessor, Catalogue.quote(next)))
            }
            var seen: Set<String> = [unit.id]
            var at = byID[next]
            while let u = at {
                guard seen.insert(u.id).inserted else {
                    throw error(node, Message(.unitsSuccessorCycle, Catalogue.quote(unit.id)))
                }
                at = u.successor.flatMap { byID[$0] }
            }
        }
    }
}
