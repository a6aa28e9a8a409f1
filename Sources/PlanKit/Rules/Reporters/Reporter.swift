/// Turns a check result into text in one output format. Reporters are pure: same result, same output.
public protocol Reporter: Sendable {
    func report(_ result: CheckResult) -> String
}

/// The output formats of `plan check`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

/// Counts for the summary line, in the reader's language.
enum Summary {
    static func line(_ result: CheckResult, _ language: Language) -> String {
        let e = result.errors
        let w = result.warnings
        let n = result.infos
        switch language {
        case .vi:
            return "\(result.files) tệp, \(result.items) nhiệm vụ: \(e) lỗi, \(w) cảnh báo"
                + (n > 0 ? ", \(n) lưu ý" : "")
        case .en:
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            return
                "\(plural(result.files, "file")), \(plural(result.items, "item")): \(plural(e, "error")), \(plural(w, "warning"))"
                + (n > 0 ? ", \(plural(n, "note"))" : "")
        }
    }
}
