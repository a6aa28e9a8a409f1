import PlanKit

/// The state the site shows an item in: the four states of an office's count (`DeadlineState`), and
/// what falls outside them.
public enum ProgressState: String, CaseIterable, Sendable {
    case overdue
    case open
    case noDeadline = "no-deadline"
    case doneOnTime = "done-on-time"
    case doneLate = "done-late"
    case cancelled

    /// From `DeadlineState` on `today`. Outside its four: stopped or cancelled work; open work without
    /// a deadline; work not started whose deadline has not passed (open); and done work it cannot
    /// date, which counts as on time, as nothing says otherwise (`progress-completed-missing` reports
    /// a done item without its completion date).
    public init(status: String, deadline: CivilDate?, completed: CivilDate?, today: CivilDate) {
        if PlanKit.ItemProgress.stoppedStatuses.contains(status) {
            self = .cancelled
            return
        }
        switch DeadlineState.of(status: status, deadline: deadline, completed: completed, cutoff: today) {
        case .doneOnTime?: self = .doneOnTime
        case .doneLate?: self = .doneLate
        case .openInTime?: self = .open
        case .overdue?: self = .overdue
        case nil: self = status == "done" ? .doneOnTime : deadline == nil ? .noDeadline : .open
        }
    }
}
