/// The stable JSON form of SPEC.md:
///
///     {"version": 1, "summary": {"files": …, "items": …, "errors": …, "warnings": …, "infos": …},
///      "diagnostics": [{"path", "line", "column", "rule", "severity", "message", "fix"?}]}
public struct JSONReporter: Reporter {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func report(_ result: CheckResult) -> String {
        value(result).serialized(indent: 2) + "\n"
    }

    public func value(_ result: CheckResult) -> JSONValue {
        let diagnostics: [JSONValue] = result.diagnostics.map { d in
            var o: JSONValue = [
                "path": .string(d.location.path), "line": JSONValue(d.location.line),
                "column": JSONValue(d.location.column),
                "rule": .string(d.rule), "severity": .string(d.severity.rawValue),
                "message": .string(d.message.render(language)),
            ]
            if let fix = d.fix, case .object(var obj) = o {
                obj["fix"] = ["replacement": .string(fix.replacement)]
                o = .object(obj)
            }
            return o
        }
        let root: JSONValue = [
            "version": 1,
            "summary": [
                "files": JSONValue(result.files), "items": JSONValue(result.items),
                "errors": JSONValue(result.errors), "warnings": JSONValue(result.warnings),
                "infos": JSONValue(result.infos),
            ],
            "diagnostics": .array(diagnostics),
        ]
        return root
    }
}
