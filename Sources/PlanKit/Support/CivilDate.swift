import Foundation

/// A calendar date without time or zone: plan deadlines are days, and reading them as instants
/// shifts them by a day in UTC+7.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil when the date does not exist (31/2, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func endOf(month: Int, year: Int) -> CivilDate? {
        guard (1...12).contains(month) else { return nil }
        return CivilDate(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `2021-09-30`
    public var description: String {
        var out = ""
        out.reserveCapacity(10)
        let y = String(year)
        out += String(repeating: "0", count: max(0, 4 - y.count)) + y
        out += month < 10 ? "-0\(month)" : "-\(month)"
        out += day < 10 ? "-0\(day)" : "-\(day)"
        return out
    }

    /// Parses `YYYY-MM-DD` exactly. Returns nil for other shapes; `.invalid` results are not produced
    /// here: callers that need to tell "not a date" from "impossible date" use `parseISOParts`.
    public init?(iso: some StringProtocol) {
        guard let parts = CivilDate.parseISOParts(iso),
            let date = CivilDate(year: parts.0, month: parts.1, day: parts.2)
        else { return nil }
        self = date
    }

    /// The numeric parts of a `YYYY-MM-DD` string, whether or not the date exists.
    public static func parseISOParts(_ s: some StringProtocol) -> (Int, Int, Int)? {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return (y, m, d)
    }

    /// Today in the machine's time zone.
    public static func today(in timeZone: TimeZone = .current) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// `30/9/2021`, the way the plans write dates.
    public var vietnamese: String { "\(day)/\(month)/\(year)" }
}
