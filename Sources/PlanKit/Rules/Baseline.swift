import Foundation

/// The findings an office has accepted for now (an imported legacy plan), so that only new ones are
/// reported. Findings are matched by rule, item (its id, or its path when it has none) and English
/// message, not by line: edits elsewhere in a file do not bring old findings back.
public struct Baseline: Sendable {
    struct Key: Hashable {
        let rule: String
        let item: String
        let message: String
    }

    private var counts: [Key: Int]

    static func key(_ d: Diagnostic) -> Key {
        Key(rule: d.rule, item: d.item ?? d.location.path, message: d.message.render(.en))
    }

    public init(_ diagnostics: [Diagnostic]) {
        counts = [:]
        for d in diagnostics { counts[Self.key(d), default: 0] += 1 }
    }

    public var count: Int { counts.values.reduce(0, +) }

    /// The diagnostics not in the baseline (as many of each as the baseline holds are left out).
    public func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var left = counts
        return diagnostics.filter { d in
            let k = Self.key(d)
            guard let n = left[k], n > 0 else { return true }
            left[k] = n - 1
            return false
        }
    }

    public func json() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("version", 1)
        w.key("findings")
        w.beginArray()
        for (k, n) in counts.sorted(by: {
            ($0.key.item, $0.key.rule, $0.key.message) < ($1.key.item, $1.key.rule, $1.key.message)
        }) {
            for _ in 0..<n {
                w.beginObject()
                w.field("rule", k.rule)
                w.field("item", k.item)
                w.field("message", k.message)
                w.endObject()
            }
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    public init(path: String, bytes: [UInt8]) throws(PlanError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(bytes))
        } catch {
            throw PlanError.config(path: path, line: 1, column: 1, Message(.configBadJSON, "\(error)"))
        }
        guard value["version"] == 1, let findings = value["findings"]?.arrayValue else {
            throw PlanError.config(path: path, line: 1, column: 1, Message(.baselineBad))
        }
        counts = [:]
        for f in findings {
            guard let rule = f["rule"]?.stringValue, let item = f["item"]?.stringValue,
                let message = f["message"]?.stringValue
            else {
                throw PlanError.config(path: path, line: 1, column: 1, Message(.baselineBad))
            }
            counts[Key(rule: rule, item: item, message: message), default: 0] += 1
        }
    }
}
