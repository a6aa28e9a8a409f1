/// Reads `schemas/units.yaml`:
///
///     units:
///       - id: ptt-bc-xb
///         name: Phòng Tuyên truyền - Báo chí - Xuất bản
///         aliases: [Phòng Tuyên truyền - Báo chí và Xuất bản]
///         kind: internal          # internal | external | group
public enum UnitRegistryFile {
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
            for p in pairs where !["id", "name", "aliases", "kind", "note"].contains(p.key.value) {
                let near = VietnameseText.suggestions(
                    for: p.key.value, among: ["id", "name", "aliases", "kind", "note"], count: 1)
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
            var aliases: [String] = []
            switch entry["aliases"] {
            case .sequence(let items, _, _)?: aliases = items.compactMap(\.scalar?.value)
            case .scalar(let s)? where s.json != .null: aliases = [s.value]
            default: break
            }
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
            units.append(Unit(id: id, name: name, aliases: aliases, kind: kind))
        }
        return UnitRegistry(units: units)
    }
}
