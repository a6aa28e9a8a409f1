import CLibgit2
import Foundation

/// A libgit2 failure, with libgit2's own message read on the thread that failed.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case notFound
        case exists
        case ambiguous
        case unbornBranch
        case invalidSpec
        case locked
        case bareRepository
        case other(Int32)
    }

    public let code: Code
    /// What libgit2 said, or what the wrapper was doing when it has nothing to say.
    public let message: String
    /// The operation that failed, e.g. `git_repository_open_ext`.
    public let operation: String

    public var description: String { message.isEmpty ? operation : message }

    init(_ result: Int32, _ operation: String) {
        switch result {
        case GIT_ENOTFOUND.rawValue: code = .notFound
        case GIT_EEXISTS.rawValue: code = .exists
        case GIT_EAMBIGUOUS.rawValue: code = .ambiguous
        case GIT_EUNBORNBRANCH.rawValue: code = .unbornBranch
        case GIT_EINVALIDSPEC.rawValue: code = .invalidSpec
        case GIT_ELOCKED.rawValue: code = .locked
        case GIT_EBAREREPO.rawValue: code = .bareRepository
        default: code = .other(result)
        }
        if let e = git_error_last(), let m = e.pointee.message {
            message = String(cString: m).trimmingCharacters(in: .newlines)
        } else {
            message = ""
        }
        self.operation = operation
    }

    public init(code: Code, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }
}

/// Calls a libgit2 function and turns a negative result into a `GitError`.
@inline(__always)
func check(_ result: Int32, _ operation: String) throws(GitError) {
    if result < 0 { throw GitError(result, operation) }
}
