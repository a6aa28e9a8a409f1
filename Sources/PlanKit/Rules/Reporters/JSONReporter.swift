/// The stable JSON form of `plan check --format json` (the README's "plan check" section):
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

    /// The JSON of a check of every commit of a range (`plan check --range A..B --format json`): each
    /// checked commit with its id, its summary and its findings, then the totals.
    ///
    ///     {"version": 1, "summary": {"commits": …, "errors": …, "warnings": …},
    ///      "commits": [{"id", "summary", "diagnostics": […]}]}
    public func range(_ commits: [(id: String, result: CheckResult)]) -> String {
        let list: [JSONValue] = commits.map { c in
            let one = value(c.result)
            return ["id": .string(c.id), "summary": one["summary"] ?? .null, "diagnostics": one["diagnostics"] ?? []]
        }
        let root: JSONValue = [
            "version": 1,
            "summary": [
                "commits": JSONValue(commits.count),
                "errors": JSONValue(commits.reduce(0) { $0 + $1.result.errors }),
                "warnings": JSONValue(commits.reduce(0) { $0 + $1.result.warnings }),
            ],
            "commits": .array(list),
        ]
        return root.serialized() + "\n"
    }
}
