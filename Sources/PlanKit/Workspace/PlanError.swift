/// Why `plan` could not run at all (as opposed to findings about the user's files). Exit code 2.
public enum PlanError: Error, Sendable {
    /// No `plan.yaml` in this folder or any folder above it.
    case notAWorkspace(String)
    /// A workspace file (plan.yaml, the schema, the registry) is wrong, at a place in it.
    case config(path: String, line: Int, column: Int, Message)
    /// A workspace file is missing.
    case missingFile(String)
    /// Reading or writing failed.
    case io(path: String, reason: String)
    /// Something outside the files: a bad argument value, a git problem passed through.
    case other(Message)

    public func render(_ language: Language) -> String {
        switch self {
        case .notAWorkspace(let dir):
            return Message(.configNotAWorkspace, dir).render(language)
        case .config(let path, let line, let column, let message):
            return "\(path):\(line):\(column): \(message.render(language))"
        case .missingFile(let path):
            return Message(.configMissingFile, path).render(language)
        case .io(let path, let reason):
            return Message(.ioError, path, reason).render(language)
        case .other(let message):
            return message.render(language)
        }
    }
}
