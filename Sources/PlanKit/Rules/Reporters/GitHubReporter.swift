import Foundation

/// GitHub Actions workflow commands: each finding becomes an annotation on its file and line.
///
///     ::error file=plans/…/2a.md,line=4,col=7,title=unit-unknown::unknown unit …
public struct GitHubReporter: Reporter {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func report(_ result: CheckResult) -> String {
        var out = ""
        for d in result.diagnostics {
            out +=
                "::\(Self.command(d.severity)) file=\(Self.property(d.location.path)),line=\(d.location.line),"
                + "col=\(d.location.column),title=\(Self.property(d.rule))::\(Self.data(d.message.render(language)))\n"
        }
        out += Summary.line(result, language) + "\n"
        return out
    }

    /// The workflow command for a severity: GitHub calls an info a `notice`.
    static func command(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The escaping GitHub's runner undoes in a message.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// And in a property value, where `:` and `,` separate too.
    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
