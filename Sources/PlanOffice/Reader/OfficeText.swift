/// An `OfficeDocument` written as the plain text the importer reads (the corpus's cleaning rules):
/// a paragraph per line with its numbering label in front, a blank line between paragraphs, a table
/// row per line as `| c1 | c2 | … |`, footnotes as paragraphs at the end.
///
/// A vertically merged cell is written in its first row only; the rows it continues into get an empty
/// cell there. That keeps every later cell under its own column header (leaving the cell out, as the
/// corpus's crawl does, shifts them left), and a continuation row whose number cell is empty reads as
/// the continuation of the row above, which is what a merged "STT" cell means. Repeating the value would
/// make a second item with the same number. A cell spanning columns is written once and followed by an
/// empty cell for each further column it spans, for the same reason: a header's "Cơ quan thực hiện"
/// over "Chủ trì" and "Phối hợp" leaves the columns after it where the rows have them.
public enum OfficeText {
    public struct Rendered: Sendable, Equatable {
        public var text: String
        public var notes: [OfficeNote]
    }

    public static func render(_ document: OfficeDocument) -> Rendered {
        var lines: [String] = []
        var typedVietnamese = 0
        var firstTyped: Int?

        func paragraph(_ p: OfficeParagraph) {
            let pieces = p.text.split(separator: "\n", omittingEmptySubsequences: true)
                .map { clean(String($0)) }.filter { !$0.isEmpty }
            guard !pieces.isEmpty else { return }
            if p.label == nil, isTypedVietnameseLetter(pieces[0]) {
                typedVietnamese += 1
                if firstTyped == nil { firstTyped = lines.count + (lines.isEmpty ? 1 : 2) }
            }
            if !lines.isEmpty { lines.append("") }
            var first = true
            for piece in pieces {
                if first, let label = p.label, !label.isEmpty {
                    lines.append(label + " " + piece)
                } else {
                    lines.append(piece)
                }
                first = false
            }
        }

        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                paragraph(p)
            case .table(let t):
                var rows: [String] = []
                for row in t.rows {
                    let cells = row.cells.flatMap { c in
                        let text =
                            c.continuesAbove
                            ? ""
                            : clean(c.text.replacingOccurrences(of: "\n", with: " "))
                                .replacingOccurrences(of: "|", with: "/")
                        // (A row of one cell across the table, a title or a filler, stays one cell.)
                        let padding = row.cells.count > 1 ? max(1, c.columnSpan) - 1 : 0
                        return [text] + Array(repeating: "", count: padding)
                    }
                    guard cells.contains(where: { !$0.isEmpty }) else { continue }
                    rows.append("| " + cells.joined(separator: " | ") + " |")
                }
                guard !rows.isEmpty else { continue }
                if !lines.isEmpty { lines.append("") }
                lines += rows
            }
        }
        for f in document.footnotes { paragraph(f) }

        var notes: [OfficeNote] = []
        if typedVietnamese > 0, let line = firstTyped {
            notes.append(OfficeNote(line: line, kind: .vietnameseLetters(typed: typedVietnamese)))
        }
        return Rendered(text: lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), notes: notes)
    }

    /// Tabs and runs of spaces become one space; the ends are trimmed.
    static func clean(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for c in s {
            if c == " " || c == "\t" || c == "\u{00A0}" || c == "\r" || c == "\n" {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(c)
            }
        }
        return out
    }

    /// A paragraph that starts with a typed "đ)" or "đ." (the letter after d in Vietnamese lists).
    static func isTypedVietnameseLetter(_ s: String) -> Bool {
        let chars = Array(s.prefix(3))
        guard chars.count >= 2, chars[0] == "đ" || chars[0] == "Đ" else { return false }
        return chars[1] == ")" || chars[1] == "." || chars[1] == "/"
    }
}
