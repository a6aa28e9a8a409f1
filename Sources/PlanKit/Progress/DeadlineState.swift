/// The date an item is due by. The one place that decides it: an item's own `due:` when it has one
/// (it overrides the timeframe, e.g. for an event-relative timeframe), else the timeframe's deadline.
public enum ItemDeadline {
    /// `period`, the item's plan's, supplies the year a timeframe leaves out.
    public static func of(fields: JSONValue, period: PlanPeriod? = nil) -> CivilDate? {
        if let due = fields["due"]?.stringValue, let d = ProgressDate.parse(due) { return d }
        let written: String
        switch fields["timeframe"] {
        case .string(let s)?: written = s
        case .number(let n)?: written = JSONValue.format(number: n)
        default: return nil
        }
        let years = period.map { $0.start.year...$0.end.year }
        guard case .success(let tf) = TimeframeParser.parse(written, period: years) else { return nil }
        return tf.deadline
    }
}

/// The four states offices count, as of a cut-off date (ngày chốt số liệu).
public enum DeadlineState: String, CaseIterable, Sendable {
    /// Đã hoàn thành đúng hạn.
    case doneOnTime = "done-on-time"
    /// Đã hoàn thành quá hạn.
    case doneLate = "done-late"
    /// Đang thực hiện trong hạn.
    case openInTime = "open-in-time"
    /// Quá hạn chưa hoàn thành.
    case overdue

    /// Nil for none of the four: no deadline, stopped or cancelled, done without a completion date
    /// (`progress-completed-missing` reports it), or not started while its deadline has not passed.
    /// Work finished after the cut-off was still open on it. A deadline on the cut-off day itself is
    /// not yet missed. Work not started whose deadline has passed is overdue: it is not done in time.
    public static func of(status: String, deadline: CivilDate?, completed: CivilDate?, cutoff: CivilDate)
        -> DeadlineState?
    {
        guard let deadline, !ItemProgress.stoppedStatuses.contains(status) else { return nil }
        if status == "done" {
            guard let completed else { return nil }
            if completed <= cutoff { return completed <= deadline ? .doneOnTime : .doneLate }
        }
        if deadline < cutoff { return .overdue }
        return status == ItemProgress.notStarted ? nil : .openInTime
    }

    public func label(_ language: Language) -> String {
        let id: MessageID =
            switch self {
            case .doneOnTime: .stateDoneOnTime
            case .doneLate: .stateDoneLate
            case .openInTime: .stateOpenInTime
            case .overdue: .stateOverdue
            }
        return Message(id).render(language)
    }
}

/// The headline figures of a set of items: how many fall in each state, how many are due (done, or
/// past their deadline), and the share of those done on time.
public struct DeadlineFigures: Sendable, Hashable {
    public private(set) var counts: [DeadlineState: Int] = [:]
    /// Items in none of the four states.
    public private(set) var other = 0

    public init(_ states: [DeadlineState?]) {
        for s in states {
            if let s { counts[s, default: 0] += 1 } else { other += 1 }
        }
    }

    public subscript(state: DeadlineState) -> Int { counts[state] ?? 0 }

    public var due: Int { self[.doneOnTime] + self[.doneLate] + self[.overdue] }

    /// Percent of the due items done on time, rounded; nil when none is due.
    public var onTimePercent: Int? {
        guard due > 0 else { return nil }
        return Int((Double(self[.doneOnTime]) * 100 / Double(due)).rounded())
    }

    public var onTimeText: String { onTimePercent.map { "\($0)%" } ?? "—" }

    public var json: JSONValue {
        [
            "due": JSONValue(due), "done_on_time": JSONValue(self[.doneOnTime]),
            "done_late": JSONValue(self[.doneLate]), "open_in_time": JSONValue(self[.openInTime]),
            "overdue": JSONValue(self[.overdue]), "other": JSONValue(other),
            "on_time_percent": onTimePercent.map { JSONValue($0) } ?? .null,
        ]
    }

    /// A Markdown table: one row per unit, then the whole.
    public static func table(_ rows: [(String, DeadlineFigures)], total: DeadlineFigures, _ language: Language)
        -> String
    {
        func header(_ id: MessageID) -> String { Message(id).render(language) }
        var out =
            "| " + header(.statusUnit) + " | " + header(.figuresDue) + " | "
            + DeadlineState.allCases.map { s in
                let l = s.label(language)
                return l.prefix(1).uppercased() + l.dropFirst()
            }.joined(separator: " | ") + " | "
            + header(.figuresOnTimeShare) + " |\n"
        out += "|---|---:|" + DeadlineState.allCases.map { _ in "---:|" }.joined() + "---:|\n"
        func row(_ name: String, _ f: DeadlineFigures) -> String {
            "| \(name) | \(f.due) | " + DeadlineState.allCases.map { String(f[$0]) }.joined(separator: " | ")
                + " | \(f.onTimeText) |\n"
        }
        for (unit, f) in rows { out += row(unit.isEmpty ? header(.reportNoLead) : unit, f) }
        out += row("**" + header(.statusTotal) + "**", total)
        return out
    }
}
