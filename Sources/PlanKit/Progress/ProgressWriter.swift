/// What `plan progress` records in an item: any of a status, a completion date, evidence documents and
/// a dated result note.
public struct ProgressUpdate: Sendable {
    public var status: String?
    /// As given (`2024-06-10` or `10/6/2024`); the rules judge it.
    public var completed: String?
    /// Documents to add; one already listed is not added again.
    public var evidence: [String]
    public var reason: String?
    public var note: String?
    /// The date of the note's entry (the report's cut-off, usually today).
    public var noteDate: CivilDate

    public init(
        status: String? = nil, completed: String? = nil, evidence: [String] = [], reason: String? = nil,
        note: String? = nil, noteDate: CivilDate
    ) {
        self.status = status
        self.completed = completed
        self.evidence = evidence
        self.reason = reason
        self.note = note
        self.noteDate = noteDate
    }

    public var isEmpty: Bool { status == nil && completed == nil && evidence.isEmpty && reason == nil && note == nil }
}

/// Writes a progress update into an item's bytes: a field written on one line has just its value
/// replaced; a missing field is added as the last line of the front-matter; evidence is appended to
/// its list; the note becomes the last entry of "Kết quả thực hiện" (the section is added at the end
/// when missing). Every other byte stays as it was.
public enum ProgressWriter {
    public static func apply(_ update: ProgressUpdate, to document: Document) throws(PlanError) -> [UInt8] {
        let source = document.source
        let nl = source.lineEnding
        guard let fm = document.frontMatter, fm.pairs != nil else { throw refuse(document, "front-matter") }
        var edits: [Fix] = []
        var appended = ""

        func set(_ key: String, _ value: String) throws(PlanError) {
            if let node = fm[key] {
                guard let scalar = node.scalar, let range = document.verbatimRange(of: scalar)
                else { throw refuse(document, key) }
                edits.append(Fix(range: range, replacement: YAMLText.scalar(value)))
            } else {
                appended += "\(key): \(YAMLText.scalar(value))\(nl)"
            }
        }
        if let s = update.status { try set("status", s) }
        if let c = update.completed { try set("completed", c) }
        if let r = update.reason { try set("reason", r) }

        let present = Set(Item.scalarList(fm["evidence"]).map(\.value))
        let newEvidence = update.evidence.filter { !present.contains($0) }
        if !newEvidence.isEmpty {
            switch fm["evidence"] {
            case nil:
                appended += "evidence:\(nl)" + newEvidence.map { "  - \(YAMLText.scalar($0))\(nl)" }.joined()
            case .sequence(let items, _, _)? where !items.isEmpty && items.allSatisfy({ $0.scalar != nil }):
                // A block list: its entries start with "- " on lines of their own.
                let last = items[items.count - 1]
                let lastLine = source.lineText(last.line)
                let dash = lastLine.unicodeScalars.prefix { $0 == " " }.count
                guard lastLine.unicodeScalars.dropFirst(dash).first == "-" else { throw refuse(document, "evidence") }
                let indent = String(repeating: " ", count: dash)
                let at = source.lineRange(last.line).upperBound
                edits.append(
                    Fix(
                        range: at..<at,
                        replacement: newEvidence.map { "\(nl)\(indent)- \(YAMLText.scalar($0))" }.joined()))
            case .scalar(let s)? where s.json != .null:
                // One document written as a scalar becomes a flow list of all of them (quotes included).
                guard let value = document.verbatimRange(of: s) else { throw refuse(document, "evidence") }
                let quotes = s.style == .plain ? 0 : 1
                let all = ([s.value] + newEvidence).map { YAMLText.quoted($0) }.joined(separator: ", ")
                edits.append(
                    Fix(range: (value.lowerBound - quotes)..<(value.upperBound + quotes), replacement: "[\(all)]"))
            default:
                throw refuse(document, "evidence")
            }
        }

        if !appended.isEmpty {
            // Before the closing fence: the line after the front-matter's last line.
            let closing = document.bodyFirstLine - 1
            let at = source.lineStarts[closing - 1]
            edits.append(Fix(range: at..<at, replacement: appended))
        }

        if let note = update.note {
            let entry = ResultsSection.line(date: update.noteDate, text: note)
            edits.append(noteEdit(entry, document))
        }
        guard !edits.isEmpty else { return source.bytes }
        let (bytes, applied) = FixApplier.apply(edits, to: source.bytes)
        guard applied.count == edits.count else { throw refuse(document, "front-matter") }
        return bytes
    }

    /// After the last non-blank line of the results section, or a new section at the end of the file.
    static func noteEdit(_ entry: String, _ document: Document) -> Fix {
        let source = document.source
        let nl = source.lineEnding
        let body = document.body
        if let section = ResultsSection(body: body, firstLine: document.bodyFirstLine) {
            let level = source.lineText(section.headingLine).prefix { $0 == "#" }.count
            var last = section.headingLine
            var line = section.headingLine + 1
            while line <= source.lineCount {
                let text = source.lineText(line)
                if let l = ResultsSection.headingLevel(Substring(text)), l <= level { break }
                if !text.trimmedSpaces.isEmpty { last = line }
                line += 1
            }
            let at = source.lineRange(last).upperBound
            // Right under the heading, a blank line first, as Markdown is usually written.
            let lead = last == section.headingLine ? nl + nl : nl
            return Fix(range: at..<at, replacement: lead + entry)
        }
        let end = source.bytes.count
        let endsWithBreak = source.bytes.last == 0x0A || end == document.bodyStart
        let prefix = (endsWithBreak ? "" : nl) + (end == document.bodyStart ? "" : nl)
        return Fix(
            range: end..<end, replacement: prefix + "## \(ResultsSection.heading)\(nl)\(nl)\(entry)\(nl)")
    }

    static func refuse(_ document: Document, _ key: String) -> PlanError {
        .other(Message(.progressCannotWrite, document.path, key))
    }
}

/// `plan progress`: finds the item, writes the update into its bytes, and checks the result with every
/// rule before anything is written.
public enum ProgressRecorder {
    public struct Outcome: Sendable {
        public let path: String
        public let bytes: [UInt8]
        /// Errors in the item that the change would bring; nothing may be written when there are any.
        public let rejected: [Diagnostic]
    }

    /// The item by its id (`dvk-2021/1.a`), its number within the plan when only one plan has it
    /// (`1.a`), or its path.
    public static func find(_ query: String, in snapshot: Snapshot) throws(PlanError) -> Item {
        if let item = snapshot.items.first(where: { $0.idValue == query || $0.path == query }) { return item }
        let matches = snapshot.items.filter { $0.idValue?.hasSuffix("/" + query) == true }
        guard let first = matches.first else { throw PlanError.other(Message(.progressNoItem, query)) }
        guard matches.count == 1 else {
            throw PlanError.other(
                Message(.progressAmbiguous, query, matches.compactMap(\.idValue).joined(separator: ", ")))
        }
        return first
    }

    public static func prepare(
        _ update: ProgressUpdate, item query: String, source: any FileSource, today: CivilDate
    ) throws(PlanError) -> Outcome {
        let snapshot = try WorkspaceLoader.load(from: source)
        let item = try find(query, in: snapshot)
        let bytes = try ProgressWriter.apply(update, to: item.document)
        let options = CheckOptions(today: today)
        func errors(_ result: CheckResult) -> [Diagnostic] {
            result.diagnostics.filter { $0.location.path == item.path && $0.severity == .error }
        }
        let before = Set(errors(Checker.check(snapshot, options: options)).map { [$0.rule, $0.message.render(.en)] })
        let after = errors(
            try Checker.check(source: OverlayFileSource(base: source, overlay: [item.path: bytes]), options: options))
        return Outcome(
            path: item.path, bytes: bytes,
            rejected: after.filter { !before.contains([$0.rule, $0.message.render(.en)]) })
    }
}
