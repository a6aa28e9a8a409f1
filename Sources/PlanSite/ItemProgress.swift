import PlanKit

/// The state an office counts an item in.
public enum ProgressState: String, CaseIterable, Sendable {
    case overdue
    case open
    case noDeadline = "no-deadline"
    case doneOnTime = "done-on-time"
    case doneLate = "done-late"
    case cancelled
}

/// Stands in for the four states of the progress work (done on time, done late, open within its deadline,
/// open past it) until items record them: from the current status, the deadline and, when the item has
/// one, its `completed:` date. The one function to replace.
public enum ItemProgress {
    public static func state(status: String, deadline: CivilDate?, completed: CivilDate?, today: CivilDate)
        -> ProgressState
    {
        switch status {
        case "cancelled": return .cancelled
        case "done":
            // Without a completion date a done item counts as on time: nothing says otherwise.
            if let deadline, let completed, completed > deadline { return .doneLate }
            return .doneOnTime
        default:
            guard let deadline else { return .noDeadline }
            return deadline < today ? .overdue : .open
        }
    }
}
