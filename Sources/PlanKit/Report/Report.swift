import Foundation

/// One commit of the plan's history and what it changed in which items.
public struct CommitReport: Sendable, Hashable {
    public let id: String
    public let author: String
    public let email: String
    /// Seconds since the epoch, and the author's offset from UTC in minutes.
    public let time: Int64
    public let offsetMinutes: Int
    public let message: String
    public let changes: [ItemChange]

    public init(
        id: String, author: String, email: String, time: Int64, offsetMinutes: Int, message: String,
        changes: [ItemChange]
    ) {
        self.id = id
        self.author = author
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
        self.message = message
        self.changes = changes
    }

    /// `2021-10-02T09:15:00+07:00`: the author's own clock.
    public var date: String { Self.iso8601(time: time, offsetMinutes: offsetMinutes) }

    /// The author's calendar day.
    public var day: CivilDate { CivilDate(dayNumber: Int((time + Int64(offsetMinutes) * 60).floorDivided(by: 86_400))) }

    public var subject: String {
        message.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first.map {
            Substring($0).trimmedSpaces
        } ?? ""
    }

    public var shortID: String { String(id.prefix(7)) }

    static func iso8601(time: Int64, offsetMinutes: Int) -> String {
        let local = time + Int64(offsetMinutes) * 60
        let days = local.floorDivided(by: 86_400)
        let seconds = Int(local - days * 86_400)
        let d = CivilDate(dayNumber: Int(days))
        let sign = offsetMinutes < 0 ? "-" : "+"
        let o = abs(offsetMinutes)
        return d.description + "T" + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
            + sign + two(o / 60) + ":" + two(o % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

extension Int64 {
    func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

/// How a report is grouped.
public enum ReportGrouping: String, Sendable, CaseIterable {
    case commit, unit, item
}
