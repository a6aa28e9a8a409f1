/// The period a report an office sends covers, with its two dates from the plan's header: the data
/// cut-off (ngày chốt số liệu) and the sending deadline. A periodic report covers a year, a half, a
/// quarter or a month; the final report (tổng kết) covers the plan's whole period.
public struct ReportingPeriod: Sendable, Hashable {
    public enum Kind: String, Sendable { case periodic, final }

    public let kind: Kind
    /// `2024-H1`, `2024`, or `final`.
    public let label: String
    public let start: CivilDate
    public let end: CivilDate
    /// Progress is counted as it stood on this day.
    public let cutoff: CivilDate
    /// The day the report must be sent, when the plan says.
    public let due: CivilDate?
    /// The report's name in the plan (`Báo cáo 6 tháng`), when the plan lists it.
    public let name: String?

    public init(
        kind: Kind, label: String, start: CivilDate, end: CivilDate, cutoff: CivilDate, due: CivilDate?,
        name: String?
    ) {
        self.kind = kind
        self.label = label
        self.start = start
        self.end = end
        self.cutoff = cutoff
        self.due = due
        self.name = name
    }

    public static let finalLabels: Set<String> = ["final", "tong-ket", "tổng kết", "tổng-kết"]

    /// `--period 2024-H1` (or `2024`, `2024-Q2`, `2024-06`, `final`) against the plan's `reports:`
    /// entries. An entry says what it covers with `covers: H1 | H2 | year | final`; without it a
    /// deadline in the first half covers the first half, a later one the year. `cutoff:` is a day and
    /// month (`31/5`), or a full date for the final report; without it the data are counted up to the
    /// sending deadline, or to the period's end when the plan names no report for it.
    public static func resolve(_ text: String, header: PlanHeader?) -> ReportingPeriod? {
        let entries = header?.reportEntries ?? []
        if finalLabels.contains(VietnameseText.nfc(text).lowercased()) {
            guard let period = header?.period else { return nil }
            let entry = entries.first { $0.covers == "final" }
            let due = entry.flatMap { e in e.dueText.flatMap(ProgressDate.parse) }
            let cutoff = entry?.cutoffText.flatMap(ProgressDate.parse) ?? due ?? period.end
            return ReportingPeriod(
                kind: .final, label: "final", start: period.start, end: period.end, cutoff: cutoff, due: due,
                name: entry?.name)
        }
        guard let p = ReportPeriod(text) else { return nil }
        let parts = p.label.split(separator: "-")
        let year = p.start.year
        let covers: String? =
            parts.count == 1 ? "year" : (parts[1] == "H1" ? "H1" : (parts[1] == "H2" ? "H2" : nil))
        var chosen: ReportEntry?
        var due: CivilDate?
        if let covers {
            for e in entries where e.covers != "final" {
                guard let d = e.due(in: year) else { continue }
                let says = e.covers ?? (d.month <= 6 ? "H1" : "year")
                if says == covers || (covers == "H2" && says == "year") {
                    chosen = e
                    due = d
                    break
                }
            }
        }
        var cutoff = min(due ?? p.end, p.end)
        if let c = chosen?.cutoffText {
            if let d = ProgressDate.parse(c) {
                cutoff = d
            } else {
                let n = c.split(separator: "/").compactMap { Int($0) }
                if n.count == 2, let d = CivilDate(year: year, month: n[1], day: n[0]) { cutoff = d }
            }
        }
        return ReportingPeriod(
            kind: .periodic, label: p.label, start: p.start, end: p.end, cutoff: cutoff, due: due,
            name: chosen?.name)
    }

    /// "6 tháng đầu năm 2024", "năm 2024", "giai đoạn 2021 - 2025".
    public var title: String {
        if kind == .final { return "giai đoạn \(start.year) - \(end.year)" }
        return ReportPeriod(label)?.title(.vi) ?? label
    }

    /// "Sơ kết 6 tháng đầu năm 2024", "Tổng kết năm 2024", "Tổng kết giai đoạn 2021 - 2025".
    public var heading: String {
        if kind == .final { return "Tổng kết " + title }
        return (label.contains("-") ? "Sơ kết " : "Tổng kết ") + title
    }

    /// The next period of the same length, for "tasks of the next period".
    public var next: (start: CivilDate, end: CivilDate) {
        let days = start.days(until: end)
        let nextStart = cutoff.adding(days: 1)
        let candidate = end.adding(days: 1)
        let nextEnd = candidate.adding(days: days)
        return (nextStart, kind == .final ? nextStart.adding(days: 365) : nextEnd)
    }
}

/// One `reports:` entry of a plan's header.
public struct ReportEntry: Sendable, Hashable {
    public let name: String
    public let dueText: String?
    public let cutoffText: String?
    public let covers: String?

    /// The sending deadline in a year: a yearly date (`trước ngày 10/6 hằng năm`) in that year, or a
    /// full date when it is in that year.
    public func due(in year: Int) -> CivilDate? {
        guard let dueText else { return nil }
        if case .success(let tf) = TimeframeParser.parse(dueText) {
            if let every = tf.every, let day = every.day, let month = every.month {
                return CivilDate(year: year, month: month, day: min(day, CivilDate.daysIn(month: month, year: year)))
            }
            if let d = tf.end, d.year == year { return d }
        }
        return nil
    }
}

extension PlanHeader {
    public var reportEntries: [ReportEntry] {
        guard let items = fields?["reports"]?.items else { return [] }
        return items.map { node in
            ReportEntry(
                name: node["name"]?.scalar?.value ?? "", dueText: node["due"]?.scalar?.value,
                cutoffText: node["cutoff"]?.scalar?.value, covers: node["covers"]?.scalar?.value)
        }
    }
}
