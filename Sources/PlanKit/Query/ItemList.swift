import Foundation

/// `plan list`: the items that match a query, as a table that fits the terminal, JSON or CSV.
public struct ItemRow: Sendable, Hashable {
    public let state: ItemState
    public let planID: String
    /// Coordinating units, by registered name when registered.
    public let support: [String]
    public let overdue: Bool
}

public struct ItemFilter: Sendable {
    public var plan: String?
    /// A unit (id, name or alias): items it leads.
    public var lead: String?
    public var status: String?
    /// Items whose deadline is before this day.
    public var dueBefore: CivilDate?
    public var overdueOnly = false
    public var today: CivilDate

    public init(today: CivilDate) { self.today = today }
}

public enum ItemList {
    /// The matching items, ordered by id in document order (2.b before 10.a).
    public static func rows(_ snapshot: Snapshot, _ filter: ItemFilter) throws(PlanError) -> [ItemRow] {
        var leadName: String?
        if let lead = filter.lead {
            guard let unit = snapshot.registry.resolve(lead).unit else {
                throw PlanError.other(snapshot.registry.unknownMessage(lead))
            }
            leadName = unit.name
        }
        var rows: [ItemRow] = []
        for item in snapshot.items {
            if let plan = filter.plan, item.planID != plan { continue }
            let state = ItemState(
                fields: item.json, path: item.path, registry: snapshot.registry, period: snapshot.period(of: item))
            if let leadName, state.lead != leadName { continue }
            if let status = filter.status, state.status != status { continue }
            if let before = filter.dueBefore {
                guard let d = state.deadline, d < before else { continue }
            }
            let overdue = state.isOverdue(on: filter.today)
            if filter.overdueOnly, !overdue { continue }
            let support = item.support.map { snapshot.registry.resolve($0.value).unit?.name ?? $0.value }
            rows.append(ItemRow(state: state, planID: item.planID, support: support, overdue: overdue))
        }
        return rows.sorted { naturalLess($0.state.id, $1.state.id) }
    }

    /// "2.b" before "10.a": runs of digits compare as numbers, the rest by Vietnamese letter order.
    public static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = chunks(a)
        let y = chunks(b)
        for (p, q) in zip(x, y) where p != q {
            switch (Int(p), Int(q)) {
            case (let m?, let n?): return m < n
            default:
                let letters = VietnameseText.itemLetters
                if let i = letters.firstIndex(of: p), let j = letters.firstIndex(of: q) { return i < j }
                return p < q
            }
        }
        return x.count < y.count
    }

    private static func chunks(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var digits = false
        for c in s {
            let d = c.isASCII && c.isNumber
            if c == "." || c == "/" || c == "-" {
                if !current.isEmpty { out.append(current) }
                current = ""
                continue
            }
            if !current.isEmpty, d != digits {
                out.append(current)
                current = ""
            }
            current.append(c)
            digits = d
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    // MARK: Rendering

    static func statusText(_ row: ItemRow, _ language: Language) -> String {
        let label = StatusName.label(row.state.status, language)
        return row.overdue ? label + ", " + Message(.listOverdue).render(language) : label
    }

    /// Columns id, status, due date, lead and title; the lead and then the title are cut with "…" so a
    /// line fits `width` terminal columns (nil: no limit).
    public static func table(_ rows: [ItemRow], width: Int?, language: Language) -> String {
        func t(_ id: MessageID) -> String { Message(id).render(language) }
        let header = [t(.listID), t(.listStatus), t(.listDue), t(.listLead), t(.listTitle)]
        var cells = rows.map { r in
            [r.state.id, statusText(r, language), r.state.deadline?.description ?? "—", r.state.lead, r.state.title]
        }
        cells.insert(header, at: 0)
        var widths = (0..<5).map { c in cells.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        if let width {
            // Too wide: the title gives way first, then the lead, then the status; never the id or date.
            widths[3] = min(widths[3], max(DisplayWidth.of(header[3]), 32))
            var excess = widths.reduce(0, +) + 2 * 4 - width
            for (column, least) in [(4, 16), (3, 10), (1, 10), (4, 8), (3, 6)] where excess > 0 {
                let give = min(
                    excess, max(0, widths[column] - max(least, min(widths[column], DisplayWidth.of(header[column])))))
                widths[column] -= give
                excess -= give
            }
        }
        var out = ""
        for row in cells {
            var line = ""
            for c in 0..<5 {
                let text = DisplayWidth.truncate(row[c], to: widths[c])
                line += c == 4 ? text : DisplayWidth.pad(text, to: widths[c]) + "  "
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        out += Message(.listSummary, String(rows.count), String(rows.count { $0.overdue })).render(language) + "\n"
        return out
    }

    public static func json(_ rows: [ItemRow]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("version")
        w.value(1)
        w.key("items")
        w.beginArray()
        for r in rows {
            w.beginObject()
            w.key("id")
            w.value(r.state.id)
            w.key("plan")
            w.value(r.planID)
            w.key("title")
            w.value(r.state.title)
            w.key("lead")
            w.value(r.state.lead)
            w.key("support")
            w.beginArray()
            for s in r.support { w.value(s) }
            w.endArray()
            w.key("status")
            w.value(r.state.status)
            w.key("timeframe")
            w.value(r.state.timeframe)
            w.key("deadline")
            w.value(JSONValue(r.state.deadline?.description))
            w.key("overdue")
            w.value(JSONValue.bool(r.overdue))
            w.key("path")
            w.value(r.state.path)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    /// RFC 4180 CSV (CRLF line ends, fields quoted where needed), with a UTF-8 byte order mark on
    /// request so spreadsheet programs read the diacritics as UTF-8.
    public static func csv(_ rows: [ItemRow], bom: Bool, language: Language) -> String {
        func t(_ id: MessageID) -> String { Message(id).render(language) }
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [
            [
                t(.listID), t(.listTitle), t(.listLead), t(.listSupport), t(.listStatus), t(.listTimeframe),
                t(.listDue), t(.listPath),
            ]
        ]
        for r in rows {
            lines.append([
                r.state.id, r.state.title, r.state.lead, r.support.joined(separator: "; "), statusText(r, language),
                r.state.timeframe, r.state.deadline?.description ?? "", r.state.path,
            ])
        }
        return (bom ? "\u{FEFF}" : "") + lines.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }
}
