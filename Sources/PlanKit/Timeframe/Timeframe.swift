/// The normalised meaning of a timeframe phrase. The phrase itself is kept as written in the item;
/// this is derived from it.
public struct Timeframe: Hashable, Sendable {
    public enum Kind: String, Sendable { case due, ongoing, periodic, unspecified }

    /// How precisely the end was written, so a report can say "tháng 9/2021" rather than a day.
    public enum Granularity: String, Sendable { case day, month, quarter, half, year }

    public var kind: Kind
    public var start: CivilDate?
    public var end: CivilDate?
    public var endGranularity: Granularity?
    public var every: Recurrence?

    public init(
        kind: Kind, start: CivilDate? = nil, end: CivilDate? = nil,
        endGranularity: Granularity? = nil, every: Recurrence? = nil
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.endGranularity = endGranularity
        self.every = every
    }

    /// The date work is due by, for overdue and upcoming checks: the end of a due or ongoing range.
    public var deadline: CivilDate? {
        switch kind {
        case .due, .ongoing: end
        case .periodic, .unspecified: nil
        }
    }

    /// The end as people write it: `tháng 9/2021`, `quý III/2022`, `ngày 30/6/2022`, `năm 2022`.
    public func endLabel(_ language: Language) -> String? {
        guard let end, let g = endGranularity else { return nil }
        let vi = language == .vi
        switch g {
        case .day: return vi ? "ngày \(end.vietnamese)" : end.description
        case .month:
            return vi ? "tháng \(end.month)/\(end.year)" : "\(end.year)-\(end.month < 10 ? "0" : "")\(end.month)"
        case .quarter:
            let q = (end.month - 1) / 3 + 1
            return vi ? "quý \(["I", "II", "III", "IV"][q - 1])/\(end.year)" : "Q\(q) \(end.year)"
        case .half:
            let h = end.month <= 6 ? 1 : 2
            return vi ? "6 tháng \(h == 1 ? "đầu" : "cuối") năm \(end.year)" : "H\(h) \(end.year)"
        case .year: return vi ? "năm \(end.year)" : String(end.year)
        }
    }
}

/// A repeating deadline: every `months` months, on `day`/`month` when the phrase names one.
public struct Recurrence: Hashable, Sendable {
    public var months: Int
    public var day: Int?
    public var month: Int?

    public init(months: Int, day: Int? = nil, month: Int? = nil) {
        self.months = months
        self.day = day
        self.month = month
    }

    /// The next occurrence on or after `date`, when the phrase names a day.
    public func next(onOrAfter date: CivilDate) -> CivilDate? {
        guard let day else { return nil }
        if months == 12, let month {
            for y in date.year...(date.year + 1) {
                if let d = CivilDate(year: y, month: month, day: min(day, CivilDate.daysIn(month: month, year: y))),
                    d >= date
                {
                    return d
                }
            }
            return nil
        }
        // Monthly or every few months from January: the first matching month.
        var y = date.year
        var m = date.month
        for _ in 0..<24 {
            if (m - 1) % max(1, months) == 0,
                let d = CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y))), d >= date
            {
                return d
            }
            m += 1
            if m > 12 {
                m = 1
                y += 1
            }
        }
        return nil
    }
}

public enum TimeframeError: Error, Hashable, Sendable {
    /// The phrase is not one `plan` understands.
    case unparseable
    /// A date that does not exist, as written (`31/2/2022`).
    case invalidDate(String)
    /// A range whose start is after its end.
    case reversed(start: CivilDate, end: CivilDate)
}
