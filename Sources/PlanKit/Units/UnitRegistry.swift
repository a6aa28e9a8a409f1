import Foundation

/// An organisational unit of `schemas/units.yaml`.
public struct Unit: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case internal_ = "internal"
        case external, group
    }

    public let id: String
    public let name: String
    public let aliases: [String]
    public let kind: Kind?
    /// The first day the unit exists (`from:`), when the registry says.
    public let from: CivilDate?
    /// The last day the unit exists (`until:`), when it has ended.
    public let until: CivilDate?
    /// The unit that took over its work (`successor:`, a unit id): the merged or renamed unit.
    public let successor: String?
    /// Who may report for it: identities as the git server knows them (user names, emails).
    public let members: [String]

    public init(
        id: String, name: String, aliases: [String] = [], kind: Kind? = nil, from: CivilDate? = nil,
        until: CivilDate? = nil, successor: String? = nil, members: [String] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.from = from
        self.until = until
        self.successor = successor
        self.members = members
    }

    /// Whether the unit exists on a day: on or after `from`, on or before `until`.
    public func exists(on day: CivilDate) -> Bool {
        if let from, day < from { return false }
        if let until, until < day { return false }
        return true
    }
}

/// How a written unit name relates to the registry.
public enum UnitResolution: Hashable, Sendable {
    /// Its canonical name (in any letter case) or its id.
    case canonical(Unit)
    /// Its canonical name with another tone placement, dash or spacing.
    case respelled(Unit)
    /// A registered alias.
    case alias(Unit, alias: String)
    /// A unit's name followed by more text ("… là đơn vị tham mưu …").
    case withTrailingText(Unit, trailing: String)
    /// Several units in one text ("Sở A, Sở B và Sở C"), in order.
    case several([Unit])
    case unknown(suggestions: [String])

    public var unit: Unit? {
        switch self {
        case .canonical(let u), .respelled(let u), .alias(let u, _), .withTrailingText(let u, _): u
        case .several, .unknown: nil
        }
    }
}

/// The registry of units, with lookups by folded keys.
public struct UnitRegistry: Sendable {
    public let units: [Unit]
    private var byBasicKey: [String: (unit: Unit, alias: String?)] = [:]
    private var byFoldedKey: [String: (unit: Unit, alias: String?)] = [:]
    private var byID: [String: Unit] = [:]
    /// Folded keys longest first, for prefix matches.
    private var prefixKeys: [(key: String, unit: Unit)] = []
    /// Resolutions already made: the same few names are written on thousands of items.
    private let cache = Locked<[String: UnitResolution]>([:])

    public init(units: [Unit]) {
        self.units = units
        for u in units {
            byID[u.id] = u
            for (text, alias) in [(u.name, nil as String?)] + u.aliases.map({ ($0, $0 as String?) }) {
                let b = VietnameseText.basicKey(text)
                if byBasicKey[b] == nil || alias == nil { byBasicKey[b] = (u, alias) }
                let f = VietnameseText.foldedKey(text)
                if byFoldedKey[f] == nil || alias == nil { byFoldedKey[f] = (u, alias) }
                prefixKeys.append((f, u))
            }
        }
        prefixKeys.sort { $0.key.count > $1.key.count }
    }

    public static let empty = UnitRegistry(units: [])

    public func unit(id: String) -> Unit? { byID[id] }

    /// The unit that carries a unit's work on a day: the unit itself while it exists, else its
    /// successor's (following renames and mergers along), else the unit itself when it has none.
    public func current(_ unit: Unit, on day: CivilDate) -> Unit {
        var u = unit
        var seen: Set<String> = [u.id]
        while let until = u.until, until < day, let next = u.successor.flatMap({ byID[$0] }),
            seen.insert(next.id).inserted
        {
            u = next
        }
        return u
    }

    /// A unit's name as it was called on a day: its successor's after a rename or a merger.
    public func name(of unit: Unit, on day: CivilDate) -> String { current(unit, on: day).name }

    /// The registered name of a written name as it was called on a day (nil: not one registered unit).
    public func name(_ text: String, on day: CivilDate?) -> String? {
        guard let u = resolve(text).unit else { return nil }
        return day.map { name(of: u, on: $0) } ?? u.name
    }

    /// The registry as it stood on a day: the units that existed then.
    public func units(on day: CivilDate) -> [Unit] { units.filter { $0.exists(on: day) } }

    /// Resolves one written name: exact, respelled, alias, several, name plus text, or unknown.
    public func resolve(_ text: String) -> UnitResolution {
        if let hit = cache.withLock({ $0[text] }) { return hit }
        let r = resolveUncached(text)
        cache.withLock { $0[text] = r }
        return r
    }

    private func resolveUncached(_ text: String) -> UnitResolution {
        if let r = resolveWhole(text) { return r }
        let parts = segment(text)
        if parts.count >= 2 { return .several(parts) }
        let folded = VietnameseText.foldedKey(text)
        for (key, unit) in prefixKeys where folded.count > key.count && folded.hasPrefix(key) {
            let next = folded[folded.index(folded.startIndex, offsetBy: key.count)]
            guard next == " " || next == "," || next == "(" || next == ";" || next == ":" else { continue }
            let trailing = trailingText(of: text, afterFoldedPrefixOf: key.count)
            return .withTrailingText(unit, trailing: trailing)
        }
        // A unit that has ended is no name to steer a writer to.
        let living = units.filter { $0.until == nil }
        let candidates = living.map(\.name) + living.flatMap(\.aliases)
        var seen = Set<String>()
        let names = VietnameseText.suggestions(for: VietnameseText.basicKey(text), among: candidates, count: 6)
            .compactMap { name -> String? in
                guard let u = resolveWhole(name)?.unit, seen.insert(u.name).inserted else { return nil }
                return u.name
            }
        if !names.isEmpty { return .unknown(suggestions: Array(names.prefix(3))) }
        // A name cut short ("Phòng Tuyên truyền"): the registered names it begins.
        let starts = living.filter { VietnameseText.foldedKey($0.name).hasPrefix(folded + " ") }.map(\.name)
        return .unknown(suggestions: Array(starts.prefix(3)))
    }

    private func resolveWhole(_ text: String) -> UnitResolution? {
        let trimmed = text.trimmedSpaces
        if let u = byID[trimmed] { return .canonical(u) }
        let b = VietnameseText.basicKey(text)
        if let hit = byBasicKey[b] {
            return hit.alias.map { .alias(hit.unit, alias: $0) } ?? .canonical(hit.unit)
        }
        let f = VietnameseText.foldedKey(text)
        if let hit = byFoldedKey[f] {
            return hit.alias.map { .alias(hit.unit, alias: $0) } ?? .respelled(hit.unit)
        }
        return nil
    }

    /// Splits a text naming several units at `,`, `;` and ` và `, but only where every part is a
    /// registered unit: names such as "Sở Văn hóa, Thể thao và Du lịch" contain the separators themselves.
    public func segment(_ text: String) -> [Unit] {
        segmentText(text)?.map(\.unit) ?? []
    }

    /// `segment` with each part's text as written (trimmed), or nil when the text is not two or more
    /// registered units.
    public func segmentText(_ text: String) -> [(text: String, unit: Unit)]? {
        let pieces = splitAtSeparators(text)
        guard pieces.count >= 2 else { return nil }
        // best[i]: a segmentation of pieces[0..<i] into registered units.
        var best: [[(text: String, unit: Unit)]?] = Array(repeating: nil, count: pieces.count + 1)
        best[0] = []
        for end in 1...pieces.count {
            for start in stride(from: end - 1, through: 0, by: -1) {
                guard let prefix = best[start] else { continue }
                let candidate = pieces[start..<end].enumerated()
                    .map { $0.offset == 0 ? $0.element.text : $0.element.separator + $0.element.text }.joined()
                if let unit = resolveWhole(candidate)?.unit {
                    best[end] = prefix + [(candidate.trimmedSpaces, unit)]
                    break
                }
            }
        }
        return best[pieces.count]
    }

    /// A message for a name the registry does not know, with the nearest registered names.
    public func unknownMessage(_ text: String) -> Message {
        guard case .unknown(let suggestions) = resolve(text), !suggestions.isEmpty else {
            return Message(.unitUnknown, Catalogue.quote(text))
        }
        return Message(.unitUnknownSuggest, Catalogue.quote(text), Catalogue.quoteList(suggestions))
    }

    /// The unit a whole text names (its id, name in any spelling, or an alias), or nil.
    public func lookup(_ text: String) -> Unit? { resolveWhole(text)?.unit }

    private func splitAtSeparators(_ text: String) -> [(separator: String, text: String)] {
        var result: [(String, String)] = []
        var current = ""
        var separator = ""
        var i = text.startIndex
        while i < text.endIndex {
            let rest = text[i...]
            if rest.hasPrefix(",") || rest.hasPrefix(";") {
                result.append((separator, current))
                separator = String(text[i])
                current = ""
                i = text.index(after: i)
                continue
            }
            if rest.hasPrefix(" và ") {
                result.append((separator, current))
                separator = " và "
                current = ""
                i = text.index(i, offsetBy: 4)
                continue
            }
            current.append(text[i])
            i = text.index(after: i)
        }
        result.append((separator, current))
        return result.filter { !$0.1.trimmedSpaces.isEmpty }
    }

    /// The original text after a prefix that has `count` characters in folded form.
    private func trailingText(of text: String, afterFoldedPrefixOf count: Int) -> String {
        // Folding keeps word boundaries, so count words instead of characters.
        let folded = VietnameseText.foldedKey(text)
        let prefixWords = folded.prefix(count).split(separator: " ").count
        var words = 0
        var i = text.startIndex
        var inWord = false
        while i < text.endIndex {
            if text[i].isWhitespace {
                if inWord {
                    words += 1
                    inWord = false
                }
                if words == prefixWords { break }
            } else {
                inWord = true
            }
            i = text.index(after: i)
        }
        return text[i...].trimmedSpaces
    }
}
