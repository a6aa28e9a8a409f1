import Foundation

/// Puts a commit's plan changes into its message without losing a byte of what the user wrote: the
/// user's text stays first and unchanged, the summary goes after it (before trailers such as
/// `Signed-off-by:` and before git's `#` comment lines), and a summary left by an earlier run (an
/// amend) is replaced rather than repeated.
public enum CommitMessage {
    public enum Mode: Sendable { case append, comment }

    /// The header line of the summary block, in both languages (both are recognised on amend).
    public static func header(_ language: Language) -> String { Message(.summaryHeader).render(language) }

    /// The subject proposed when the user wrote none: "Cập nhật kế hoạch dvk-2021: 3 nhiệm vụ".
    public static func subject(plans: [String], count: Int, _ language: Language) -> String {
        Message(.summarySubject, plans.joined(separator: ", "), String(count)).render(language)
    }

    /// - Parameters:
    ///   - text: the message file as git wrote it.
    ///   - lines: one line per item change.
    ///   - commentsAreStripped: whether git will drop `#` lines (an editor opens); with `-m` it does not.
    public static func insert(
        into text: String, lines: [String], subject: String, language: Language, mode: Mode,
        commentChar: Character = "#", commentsAreStripped: Bool
    ) -> String {
        var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { all.removeLast() }
        // The user's part ends where git's comments begin (only when git strips them).
        var contentEnd = all.count
        if commentsAreStripped, let first = all.firstIndex(where: { $0.hasPrefix(String(commentChar)) }) {
            contentEnd = first
        }
        var content = Array(all[..<contentEnd])
        let rest = Array(all[contentEnd...])
        removeOldBlocks(&content, commentChar: commentChar)
        while let last = content.last, last.trimmedSpaces.isEmpty { content.removeLast() }

        let header = Self.header(language)
        switch mode {
        case .comment:
            guard commentsAreStripped else { return text }
            var block = ["\(commentChar) \(header)"] + lines.map { "\(commentChar) - \($0)" }
            if !rest.isEmpty && !(rest.first ?? "").isEmpty { block.append("\(commentChar)") }
            let before = content.isEmpty ? [""] : content + [""]
            return join(before + block + rest, endsWithNewline: true)
        case .append:
            let block = [header] + lines.map { "- \($0)" }
            if content.isEmpty {
                var out = [subject, ""] + block
                if !rest.isEmpty { out.append("") }
                return join(out + rest, endsWithNewline: true)
            }
            // Trailers (`Signed-off-by: …`) must stay the last paragraph for git to read them.
            var trailers: [String] = []
            if let blank = content.lastIndex(where: { $0.trimmedSpaces.isEmpty }), blank > 0 {
                let last = Array(content[(blank + 1)...])
                if !last.isEmpty, last.allSatisfy(isTrailer) {
                    trailers = last
                    content = Array(content[..<blank])
                    while let l = content.last, l.trimmedSpaces.isEmpty { content.removeLast() }
                }
            }
            var out = content + [""] + block
            if !trailers.isEmpty { out += [""] + trailers }
            if !rest.isEmpty { out.append("") }
            return join(out + rest, endsWithNewline: true)
        }
    }

    private static func join(_ lines: [String], endsWithNewline: Bool) -> String {
        lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
    }

    /// `Token: value` with an ASCII token, as git's trailers are.
    static func isTrailer(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
        let token = line[..<colon]
        return token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && line[line.index(after: colon)...].hasPrefix(" ")
    }

    /// Removes summary blocks written before (a header in either language, then `- ` lines).
    static func removeOldBlocks(_ lines: inout [String], commentChar: Character) {
        let headers = Set(Language.allCases.map(header))
        var i = 0
        while i < lines.count {
            guard headers.contains(lines[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < lines.count, lines[j].hasPrefix("- ") { j += 1 }
            guard j > i + 1 else {
                i += 1
                continue
            }
            var start = i
            if start > 0, lines[start - 1].isEmpty { start -= 1 }
            lines.removeSubrange(start..<j)
            i = start
        }
    }
}
