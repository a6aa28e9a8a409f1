import PlanGit
import PlanKit

extension PlanError {
    /// A git failure as the user sees it: the one place a `GitError` becomes a `PlanError`, so every
    /// command reports git problems alike (exit code 2, in the user's language).
    public init(_ error: GitError) {
        self = .other(Message(.gitError, error.description))
    }
}
