/// The years a plan runs over (`2021-2025`): items may not fall outside it.
public struct PlanPeriod: Hashable, Sendable, CustomStringConvertible {
    public let start: CivilDate
    public let end: CivilDate

    public init(start: CivilDate, end: CivilDate) {
        self.start = start
        self.end = end
    }

    /// `2021-2025`, `2021 - 2025`, `giai đoạn 2021-2025`, `2021-01-01/2025-12-31`.
    public init?(text: String) {
        let t = text.replacingOccurrences(of: "/", with: " - ")
        guard case .success(let tf) = TimeframeParser.parse(t.contains("-") || t.contains("đến") ? t : "năm " + t),
            let end = tf.end
        else { return nil }
        let start = tf.start ?? CivilDate(year: end.year, month: 1, day: 1)!
        self.init(start: start, end: end)
    }

    public func contains(_ d: CivilDate) -> Bool { d >= start && d <= end }

    public var description: String {
        if start.month == 1, start.day == 1, end.month == 12, end.day == 31 { return "\(start.year)-\(end.year)" }
        return "\(start)/\(end)"
    }
}
