/// SARIF 2.1.0, for code-scanning tools: every rule with its summary and default level, every finding
/// with its place (columns in Unicode code points, as plan counts them) and, when it has one, its fix.
public struct SARIFReporter: Reporter {
    public let language: Language
    public let version: String
    /// GitHub code scanning rejects a run of more than 25,000 results (and stores the 5,000 most severe):
    /// past it, the most severe are kept and a notification says how many were left out.
    public let maxResults: Int

    public init(language: Language, version: String, maxResults: Int = 25_000) {
        self.language = language
        self.version = version
        self.maxResults = maxResults
    }

    public func report(_ result: CheckResult) -> String {
        let rules = RuleRegistry.descriptions
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var w = JSONWriter()
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.field("name", "plan")
        w.field("version", version)
        w.key("rules")
        w.beginArray()
        for r in rules { writeRule(r, into: &w) }
        w.endArray()
        w.endObject()
        w.endObject()
        w.field("columnKind", "unicodeCodePoints")
        var kept = result.diagnostics
        if kept.count > maxResults {
            // Errors first, then warnings, then infos; in file order within each.
            kept = Array(
                kept.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
                    .prefix(maxResults).sorted { $0.offset < $1.offset }.map(\.element))
            w.key("invocations")
            w.beginArray()
            w.beginObject()
            w.field("executionSuccessful", JSONValue.bool(true))
            w.key("toolExecutionNotifications")
            w.beginArray()
            w.beginObject()
            w.field("level", "warning")
            w.key("message")
            w.beginObject()
            w.field(
                "text",
                Message(.sarifTruncated, String(kept.count), String(result.diagnostics.count), String(maxResults))
                    .render(language))
            w.endObject()
            w.endObject()
            w.endArray()
            w.endObject()
            w.endArray()
        }
        w.key("results")
        w.beginArray()
        for d in kept { writeResult(d, ruleIndex: index[d.rule], into: &w) }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    private func writeRule(_ r: RuleDescription, into w: inout JSONWriter) {
        w.beginObject()
        w.field("id", r.id)
        w.field("name", r.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
        w.key("shortDescription")
        w.beginObject()
        w.field("text", r.summary[language])
        w.endObject()
        w.key("defaultConfiguration")
        w.beginObject()
        w.field("level", r.severity.sarifLevel)
        w.endObject()
        w.key("properties")
        w.beginObject()
        w.key("tags")
        w.beginArray()
        w.value(r.scope.rawValue)
        if r.fixable { w.value("fixable") }
        w.endArray()
        w.endObject()
        w.endObject()
    }

    private func writeResult(_ d: Diagnostic, ruleIndex: Int?, into w: inout JSONWriter) {
        w.beginObject()
        w.field("ruleId", d.rule)
        if let ruleIndex { w.field("ruleIndex", ruleIndex) }
        w.field("level", d.severity.sarifLevel)
        w.key("message")
        w.beginObject()
        w.field("text", d.message.render(language))
        w.endObject()
        w.key("locations")
        w.beginArray()
        w.beginObject()
        w.key("physicalLocation")
        w.beginObject()
        w.key("artifactLocation")
        w.beginObject()
        w.field("uri", d.location.path)
        w.endObject()
        w.key("region")
        w.beginObject()
        w.field("startLine", d.location.line)
        w.field("startColumn", d.location.column)
        w.endObject()
        w.endObject()
        w.endObject()
        w.endArray()
        if let item = d.item {
            w.key("partialFingerprints")
            w.beginObject()
            w.field("planItem/v1", item + ":" + d.rule)
            w.endObject()
        }
        if let fix = d.fix { writeFix(fix, of: d, into: &w) }
        w.endObject()
    }

    /// A fix as SARIF's replacement of a byte range of the file.
    private func writeFix(_ fix: Fix, of d: Diagnostic, into w: inout JSONWriter) {
        w.key("fixes")
        w.beginArray()
        w.beginObject()
        w.key("description")
        w.beginObject()
        w.field("text", Catalogue.quote(fix.replacement))
        w.endObject()
        w.key("artifactChanges")
        w.beginArray()
        w.beginObject()
        w.key("artifactLocation")
        w.beginObject()
        w.field("uri", d.location.path)
        w.endObject()
        w.key("replacements")
        w.beginArray()
        w.beginObject()
        w.key("deletedRegion")
        w.beginObject()
        w.field("byteOffset", fix.range.lowerBound)
        w.field("byteLength", fix.range.count)
        w.endObject()
        w.key("insertedContent")
        w.beginObject()
        w.field("text", fix.replacement)
        w.endObject()
        w.endObject()
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        w.endArray()
    }
}
