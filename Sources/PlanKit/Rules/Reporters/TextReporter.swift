/// Compiler-style lines, `path:line:col: severity[rule]: message`, then a summary line.
///
/// `error` and `warning` stay English in both languages: editors and CI systems parse them.
public struct TextReporter: Reporter {
    public let language: Language
    public let colour: Bool

    public init(language: Language, colour: Bool = false) {
        self.language = language
        self.colour = colour
    }

    public func report(_ result: CheckResult) -> String {
        lines(result) + Summary.line(result, language) + "\n"
    }

    /// The diagnostic lines without the summary.
    public func lines(_ result: CheckResult) -> String {
        var out = ""
        for d in result.diagnostics {
            let severity = d.severity.rawValue
            let tint =
                switch d.severity {
                case .error: "\u{1B}[1;31m"
                case .warning: "\u{1B}[1;33m"
                case .info: "\u{1B}[1;36m"
                }
            let tag = colour ? tint + severity + "\u{1B}[0m" : severity
            let where_ = colour ? "\u{1B}[1m\(d.location)\u{1B}[0m" : d.location.description
            out += "\(where_): \(tag)[\(d.rule)]: \(d.message.render(language))\n"
        }
        return out
    }
}
