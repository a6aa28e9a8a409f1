/// The normalised meaning of a timeframe phrase. The phrase itself is kept as written in the item;
/// this is derived from it.
public struct Timeframe: Hashable, Sendable {
    /// What the phrase promises: a deadline (`due`, with a start when it names a span), work that goes
    /// on (`ongoing`, bounded or not), a repeating deadline (`periodic`), work from a date with no end
    /// (`openEnded`), or work tied to an event the calendar cannot know (`event`: "sau khi …",
    /// "theo tiến độ …", "15 ngày làm việc kể từ …", "khi có yêu cầu").
    public enum Kind: String, Sendable, CaseIterable {
        case due, ongoing, periodic
        case openEnded = "open-ended"
        case event
    }

    /// How precisely the end was written, so a report can say "tháng 9/2021" rather than a day.
    public enum Granularity: String, Sendable { case day, month, quarter, half, year }

    public var kind: Kind
    public var start: CivilDate?
    public var end: CivilDate?
    public var endGranularity: Granularity?
    public var every: Recurrence?
    /// Written as a span with two ends ("từ tháng 9 đến tháng 12/2021", "2026 - 2030"), not one point.
    public var isRange: Bool
    /// How long after its event an `event` timeframe runs ("15 ngày làm việc kể từ …").
    public var duration: TimeframeDuration?
    /// The phrase is a form with blanks still to fill in ("từ .../.../... đến .../.../...").
    public var hasBlanks: Bool
    /// The year the phrase left out and the plan's period supplied ("Quý IV" in a 2026–2030 plan).
    public var assumedYear: Int?

    public init(
        kind: Kind, start: CivilDate? = nil, end: CivilDate? = nil,
        endGranularity: Granularity? = nil, every: Recurrence? = nil, isRange: Bool = false,
        duration: TimeframeDuration? = nil, hasBlanks: Bool = false, assumedYear: Int? = nil
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.endGranularity = endGranularity
        self.every = every
        self.isRange = isRange
        self.duration = duration
        self.hasBlanks = hasBlanks
        self.assumedYear = assumedYear
    }

    /// The date work is due by, for overdue and upcoming checks: the end of a due or ongoing span.
    /// Open-ended, periodic and event timeframes have none (an item's `due:` can set one).
    public var deadline: CivilDate? {
        switch kind {
        case .due, .ongoing: end
        case .periodic, .openEnded, .event: nil
        }
    }

    /// The next time a periodic timeframe falls due on or after `date`, within its span: a plan's
    /// reports stop with the plan's period. Nil when it names no day or has ended.
    public func nextOccurrence(onOrAfter date: CivilDate) -> CivilDate? {
        guard let every else { return nil }
        guard let next = every.next(onOrAfter: max(date, start ?? date)) else { return nil }
        if let end, next > end { return nil }
        return next
    }

    /// The kind a person would name, for coverage counts and listings.
    public var classification: TimeframeKind {
        switch kind {
        case .due: isRange ? .range : .date
        case .ongoing: .continuous
        case .periodic: .recurring
        case .openEnded: .openEnded
        case .event: .event
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

/// The kind of a timeframe phrase, by name: a stable interface (`make corpus` counts by it).
public enum TimeframeKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// One point: a day, a month, a quarter, a year ("Tháng 12/2025", "Trước ngày 15/11/2025").
    case date
    /// Two ends ("Từ ngày 01/01/2026 đến ngày 31/3/2026", "Giai đoạn 2026 - 2030").
    case range
    /// A repeating deadline ("Hằng năm", "trước ngày 15/11 hằng năm", "Định kỳ 6 tháng").
    case recurring
    /// Work that goes on ("Thường xuyên", "Thực hiện thường xuyên, liên tục", "Thường xuyên, hằng năm").
    case continuous
    /// From a date with no end ("Từ năm 2026 và các năm tiếp theo", "Triển khai từ năm 2026").
    case openEnded = "open-ended"
    /// Tied to an event ("Sau khi …", "Theo tiến độ …", "15 ngày làm việc kể từ …", "Khi có yêu cầu").
    case event
    /// Text the grammar does not know.
    case unknown
    /// A date that cannot exist (31/2/2025, quý V) or a span that ends before it starts.
    case invalid
}

/// A length of time counted from an event: `15 ngày làm việc`, `36 tháng`, `3,5 ngày`.
public struct TimeframeDuration: Hashable, Sendable {
    public enum Unit: String, Sendable { case hour, day, workingDay = "working-day", week, month, year }
    /// The amount, or the larger of two ("6-8 ngày làm việc"); nil when left blank ("…… tháng").
    public var amount: Double?
    public var unit: Unit

    public init(amount: Double?, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }
}

/// A repeating deadline: every `months` months, on `day`/`month` when the phrase names one; or every
/// `days` days ("hàng tuần" is 7), when `months` is 0.
public struct Recurrence: Hashable, Sendable {
    public var months: Int
    public var day: Int?
    public var month: Int?
    public var days: Int?

    public init(months: Int, day: Int? = nil, month: Int? = nil) {
        self.months = months
        self.day = day
        self.month = month
    }

    public init(days: Int) {
        months = 0
        self.days = days
    }

    /// The next occurrence on or after `date`, when the phrase names a day.
    public func next(onOrAfter date: CivilDate) -> CivilDate? {
        guard let day, months > 0 else { return nil }
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
