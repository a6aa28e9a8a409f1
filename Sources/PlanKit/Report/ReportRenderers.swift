import Foundation

/// The report as stable JSON (the README's "plan report" section):
///
///     {"version": 1, "commits": [{"id", "author", "email", "date", "message",
///       "changes": [{"item", "path", "kind", "from_path"?, "fields": [{"field", "from", "to", "shift_days"?}]}]}]}
///
/// A body edit is the field `body` with `added` and `removed` line counts instead of values; unit
/// fields also list the units `added` and `removed`, and say `respelled` when only spellings changed.
public enum JSONReportRenderer {
    public static func render(_ commits: [CommitReport]) -> String {
        String(decoding: bytes(commits), as: UTF8.self)
    }

    /// `render`'s text as UTF-8 bytes.
    public static func bytes(_ commits: [CommitReport]) -> [UInt8] {
        // Commits are written in runs on every core, each run into its own bytes, then joined in order.
        let run = 64
        let runs =
            (try? Parallel.map(count: (commits.count + run - 1) / run, makeState: {}) { _, k -> [UInt8] in
                var part = JSONWriter(elementsAt: 2, first: k == 0, capacity: run * 1600)
                for c in commits[(k * run)..<min(commits.count, (k + 1) * run)] { write(c, &part) }
                return part.written()
            }) ?? []
        var w = JSONWriter(capacity: runs.reduce(64) { $0 + $1.count })
        w.beginObject()
        w.field("version", 1)
        w.key("commits")
        w.beginArray()
        for r in runs { w.appendElements(r) }
        w.endArray()
        w.endObject()
        return w.line()
    }

    static func write(_ c: CommitReport, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", c.id)
        w.field("author", c.author)
        w.field("email", c.email)
        w.field("date", c.date)
        w.field("message", c.message)
        w.key("changes")
        w.beginArray()
        for ch in c.changes { write(ch, &w) }
        w.endArray()
        w.endObject()
    }

    static func write(_ ch: ItemChange, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("item", ch.item)
        w.field("path", ch.path)
        w.field("kind", ch.kind.rawValue)
        if let from = ch.fromPath { w.field("from_path", from) }
        w.key("fields")
        w.beginArray()
        for f in ch.fields { w.value(field(f)) }
        w.endArray()
        w.endObject()
    }

    public static func commit(_ c: CommitReport) -> JSONValue {
        [
            "id": .string(c.id), "author": .string(c.author), "email": .string(c.email), "date": .string(c.date),
            "message": .string(c.message), "changes": .array(c.changes.map(change)),
        ]
    }

    public static func change(_ ch: ItemChange) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("item", .string(ch.item)), ("path", .string(ch.path)), ("kind", .string(ch.kind.rawValue)),
        ]
        if let from = ch.fromPath { o.append(("from_path", .string(from))) }
        o.append(("fields", .array(ch.fields.map(field))))
        return .object(.init(uniqueKeysWithValues: o))
    }

    static func field(_ f: FieldChange) -> JSONValue {
        var o: [(String, JSONValue)] = [("field", .string(f.field))]
        switch f.detail {
        case .body(let added, let removed):
            o += [("added", JSONValue(added)), ("removed", JSONValue(removed))]
            return .object(.init(uniqueKeysWithValues: o))
        default:
            o += [("from", f.from ?? .null), ("to", f.to ?? .null)]
        }
        switch f.detail {
        case .timeframe(let shift, _, _, _, _):
            if let shift { o.append(("shift_days", JSONValue(shift))) }
        case .units(let added, let removed, let respelled):
            o += [("added", .array(added.map { .string($0) })), ("removed", .array(removed.map { .string($0) }))]
            if respelled { o.append(("respelled", true)) }
        default:
            break
        }
        return .object(.init(uniqueKeysWithValues: o))
    }
}

/// The report as Markdown that reads well pasted into a progress report: per commit (a heading with
/// date and subject, the author, one line per item change), per lead unit, or per item.
public struct MarkdownReportRenderer: Sendable {
    public let language: Language
    public let grouping: ReportGrouping

    public init(language: Language, grouping: ReportGrouping = .commit) {
        self.language = language
        self.grouping = grouping
    }

    func date(_ c: CommitReport) -> String { language == .vi ? c.day.vietnamese : c.day.description }

    public func render(_ commits: [CommitReport]) -> String {
        guard !commits.isEmpty else { return Message(.reportEmpty).render(language) + "\n" }
        switch grouping {
        case .commit: return commits.map(commitSection).joined(separator: "\n")
        case .unit: return byUnit(commits)
        case .item: return byItem(commits)
        }
    }

    public func commitSection(_ c: CommitReport) -> String {
        var out = "## \(date(c)) — \(c.subject.isEmpty ? c.shortID : c.subject)\n\n"
        out += "\(c.author) · `\(c.shortID)`\n\n"
        for ch in c.changes { out += "- " + ChangeText.line(ch, language) + "\n" }
        return out
    }

    private func byUnit(_ commits: [CommitReport]) -> String {
        var groups: [String: [String]] = [:]
        var order: [String] = []
        let noLead = Message(.reportNoLead).render(language)
        for c in commits {
            for ch in c.changes {
                let unit = ch.lead ?? noLead
                if groups[unit] == nil { order.append(unit) }
                groups[unit, default: []].append(
                    "- \(date(c)) · " + ChangeText.line(ch, language) + " (`\(c.shortID)`)")
            }
        }
        return order.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            .map { "## \($0)\n\n" + groups[$0]!.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }

    private func byItem(_ commits: [CommitReport]) -> String {
        var groups: [String: [String]] = [:]
        var titles: [String: String] = [:]
        for c in commits {
            for ch in c.changes {
                if titles[ch.item] == nil, let t = ch.title { titles[ch.item] = t }
                groups[ch.item, default: []].append(
                    "- \(date(c)): " + ChangeText.describe(ch, language) + " (`\(c.shortID)`, \(c.author))")
            }
        }
        return groups.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map { item in
            let label = item.split(separator: "/").last.map(String.init) ?? item
            return "## \(label)" + (titles[item].map { " — \($0)" } ?? "") + "\n\n"
                + groups[item]!.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }
}
