import Foundation

/// What an item says about its progress: `completed:`, `evidence:`, the `reason:` of a stopped or
/// cancelled item, and the dated entries of its "Kết quả thực hiện" section.
public struct ItemProgress: Sendable {
    /// Statuses of work that will not be finished; each needs a `reason`.
    public static let stoppedStatuses: Set<String> = ["stopped", "cancelled"]
    /// The status of work not started yet.
    public static let notStarted = "planned"

    public let completedScalar: YAMLScalar?
    /// Nil when absent or not a date.
    public let completed: CivilDate?
    public let evidence: [(scalar: YAMLScalar, parsed: Result<EvidenceDocument, EvidenceDocument.Failure>)]
    public let reason: String?
    public let results: ResultsSection?

    public init(document: Document) {
        let fm = document.frontMatter
        if let s = fm?["completed"]?.scalar, s.json != .null {
            completedScalar = s
            completed = ProgressDate.parse(s.value)
        } else {
            completedScalar = nil
            completed = nil
        }
        evidence = Item.scalarList(fm?["evidence"]).filter { !$0.value.isEmpty }.map {
            ($0, EvidenceDocument.parse($0.value))
        }
        let r = fm?["reason"]?.scalar.flatMap { $0.json == .null ? nil : $0.value }?.trimmingCharacters(
            in: .whitespacesAndNewlines)
        reason = r?.isEmpty == false ? r : nil
        // Most bodies have no heading: not even decoded then.
        let heading = document.source.bytes.withUnsafeBufferPointer { b in
            guard document.bodyStart < b.count, let base = b.baseAddress else { return false }
            return memchr(base + document.bodyStart, 0x23, b.count - document.bodyStart) != nil
        }
        results = heading ? ResultsSection(body: document.body, firstLine: document.bodyFirstLine) : nil
    }
}

/// The body section "Kết quả thực hiện": one entry per reporting period, `- 10/6/2024: what was done`.
public struct ResultsSection: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let date: CivilDate
        public let text: String
        /// File line of the entry.
        public let line: Int
    }

    public static let heading = "Kết quả thực hiện"

    /// File line of the heading.
    public let headingLine: Int
    public let entries: [Entry]

    /// Nil when the body has no such heading.
    public init?(body: String, firstLine: Int) {
        // Most bodies have no heading at all: no need to cut them into lines.
        guard body.utf8.contains(UInt8(ascii: "#")) else { return nil }
        // Lines cut at the byte: "\r\n" is one Character, which a split at the Character "\n" would
        // never cut.
        let lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            let line = Substring($0)
            return line.utf8.last == UInt8(ascii: "\r") ? Substring(line.utf8.dropLast()) : line
        }
        guard let (start, level) = Self.find(lines) else { return nil }
        headingLine = firstLine + start
        var entries: [Entry] = []
        var i = start + 1
        while i < lines.count {
            let line = lines[i]
            if let l = Self.headingLevel(line), l <= level { break }
            if let entry = Self.entry(line) {
                let entryLine = firstLine + i
                var text = entry.text
                // Indented lines continue the entry.
                while i + 1 < lines.count, lines[i + 1].first == " ", !lines[i + 1].trimmedSpaces.isEmpty,
                    Self.entry(lines[i + 1].drop { $0 == " " }) == nil
                {
                    text += " " + lines[i + 1].trimmedSpaces
                    i += 1
                }
                entries.append(Entry(date: entry.date, text: text, line: entryLine))
            }
            i += 1
        }
        self.entries = entries
    }

    /// The heading's line index and level.
    static func find(_ lines: [Substring]) -> (Int, Int)? {
        let key = VietnameseText.nfc(heading).lowercased()
        for (i, line) in lines.enumerated() {
            guard let level = headingLevel(line) else { continue }
            let title = line.drop { $0 == "#" }.trimmedSpaces.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            if VietnameseText.nfc(title).lowercased() == key { return (i, level) }
        }
        return nil
    }

    static func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// `- 10/6/2024: text` (also `*`, ISO dates, and a dash instead of the colon).
    static func entry(_ line: Substring) -> (date: CivilDate, text: String)? {
        guard line.hasPrefix("- ") || line.hasPrefix("* ") else { return nil }
        let rest = line.dropFirst(2).trimmedSpaces
        let dateText = rest.prefix { !$0.isWhitespace && $0 != ":" }
        guard let date = ProgressDate.parse(String(dateText)) else { return nil }
        let text = rest.dropFirst(dateText.count).drop { $0 == ":" || $0 == " " || $0 == "–" || $0 == "—" }
        return (date, String(text).trimmingCharacters(in: .whitespaces))
    }

    /// The line an entry is written as.
    public static func line(date: CivilDate, text: String) -> String { "- \(date.vietnamese): \(text)" }
}
