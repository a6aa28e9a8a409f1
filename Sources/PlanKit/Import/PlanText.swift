/// The plain text of a plan document (as a PDF or Word export gives it) made into lines that can be
/// read: NFC, no carriage returns or form feeds, no page numbers, spaces trimmed, and the blank lines
/// an export puts between every line dropped. Each line keeps its number in the file, for messages.
public struct PlanText: Sendable {
    public struct Line: Sendable, Equatable {
        /// 1-based line number in the file.
        public let number: Int
        /// The line without surrounding spaces and tabs.
        public let text: String
        /// The line without surrounding spaces only: tabs separate table cells, empty ones included.
        public let cells: String
        /// A blank line came before it, in a text whose blank lines separate paragraphs.
        public let afterBlank: Bool
    }

    public let lines: [Line]

    public init(_ raw: String) {
        var text = VietnameseText.nfc(raw)
        // Only what is there is replaced: each replacement walks the whole text.
        if text.utf8.contains(13) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        if text.utf8.contains(13) { text = text.replacingOccurrences(of: "\r", with: "\n") }
        if text.utf8.contains(12) { text = text.replacingOccurrences(of: "\u{0C}", with: "\n") }
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s =
                line.unicodeScalars.contains("\u{00A0}")
                ? line.replacingOccurrences(of: "\u{00A0}", with: " ") : String(line)
            while s.hasPrefix(" ") { s.removeFirst() }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        // An export that puts a blank line after (nearly) every line tells nothing by its blank lines.
        let nonBlank = rawLines.indices.filter { !rawLines[$0].trimmedSpaces.isEmpty }
        let followedByBlank = nonBlank.filter { $0 + 1 < rawLines.count && rawLines[$0 + 1].trimmedSpaces.isEmpty }
            .count
        // … unless its lines are whole paragraphs, longer than any page is wide.
        let long = nonBlank.filter { rawLines[$0].count > 120 }.count
        let blanksMean = nonBlank.count < 4 || followedByBlank * 10 < nonBlank.count * 6 || long * 10 >= nonBlank.count
        var out: [Line] = []
        var sawBlank = false
        for (i, line) in rawLines.enumerated() {
            let trimmed = line.trimmedSpaces
            if trimmed.isEmpty {
                sawBlank = true
                continue
            }
            // A page number alone on its line ("5", "- 5 -", "Trang 5").
            if PlanText.isPageNumber(trimmed) { continue }
            out.append(Line(number: i + 1, text: trimmed, cells: line, afterBlank: blanksMean && sawBlank))
            sawBlank = false
        }
        lines = out
    }

    static func isPageNumber(_ s: String) -> Bool {
        var t = Substring(s)
        if t.hasPrefix("Trang ") { t = t.dropFirst(6) }
        if t.hasPrefix("- "), t.hasSuffix(" -") { t = t.dropFirst(2).dropLast(2) }
        return !t.isEmpty && t.count <= 3 && t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Joins wrapped lines into one text: a space between them, except after a hyphen that splits a
    /// word or a document number ("20-" / "KH/TU" is "20-KH/TU"; "kinh tế -" / "xã hội" keeps its space).
    public static func join<S: Sequence>(_ parts: S) -> String where S.Element: StringProtocol {
        var out = ""
        for p in parts {
            let piece = p.trimmedSpaces
            guard !piece.isEmpty else { continue }
            if out.isEmpty {
                out = piece
                continue
            }
            let chars = Array(out.suffix(2))
            if chars.last == "-", chars.count == 2, chars[0].isLetter || chars[0].isNumber {
                out += piece
            } else {
                out += " " + piece
            }
        }
        var collapsed = ""
        collapsed.reserveCapacity(out.utf8.count)
        var space = false
        for c in out {
            if c == " " || c == "\t" {
                if !space { collapsed.append(" ") }
                space = true
            } else {
                collapsed.append(c)
                space = false
            }
        }
        return collapsed
    }
}
