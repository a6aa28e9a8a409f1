public struct TextRepeatedWordRule: DocumentRule {
    public init() {}
    public static let description = RuleDescription(
        id: "text-repeated-word",
        summary: Localized(en: "a word or phrase written twice in a row (phrases fixable)",
                           vi: "một từ hoặc cụm từ bị viết lặp liên tiếp (cụm từ sửa tự động được)"),
        severity: .warning, scope: .document, fixable: true,
        triggering: [
            .item(body: "Đổi mới phương thức công tác ↓công tác quản lý.\n"),
            .item(body: "Hệ thống ↓thống tin điện tử.\n"),
            .item("title: Công tác ↓công tác dân vận"),
            .item(body: "Tăng cường phối hợp\n↓phối hợp với Mặt trận.\n"),
        ],
        nonTriggering: [
            .item(body: "Người người thi đua, nhà nhà thi đua.\n"),
            .item(body: "Công tác dân vận, công tác tuyên giáo.\n"),
            .item(body: "Năm 2021, 2021 là năm đầu.\n"),
        ])

    /// Reduplications that Vietnamese writes on purpose ("người người", "nhà nhà").
    static let intended: Set<String> = [
        "người", "nhà", "ai", "đâu", "từ", "xa", "nhiều", "mỗi", "ngày", "năm", "tháng", "đời", "lớp", "chiều",
        "khắp", "bao", "gì", "cùng", "rất", "mãi", "vừa", "càng", "đi", "lại", "có", "nơi", "đêm", "thường",
    ]

    struct Word {
        let start: Int, end: Int
        let key: String
    }

    public func check(_ document: Document, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // Free text: string values of the front-matter that are prose (not ids, units or dates), and the body.
        var spans: [Range<Int>] = []
        if let fm = document.frontMatter {
            for key in ["title", "note"] {
                if let s = fm[key]?.scalar, let r = document.verbatimRange(of: s) { spans.append(r) }
            }
        }
        spans.append(document.bodyStart..<document.source.bytes.count)
        for span in spans { findings += check(span, in: document) }
        return findings
    }

    private func check(_ span: Range<Int>, in document: Document) -> [Finding] {
        let words = Self.words(in: document.source.bytes, span)
        var findings: [Finding] = []
        var i = 0
        while i < words.count {
            var matched = 0
            // Longest repeated phrase first, up to four syllables.
            for n in stride(from: 4, through: 1, by: -1) where i + 2 * n <= words.count {
                let a = words[i..<(i + n)], b = words[(i + n)..<(i + 2 * n)]
                guard zip(a, b).allSatisfy({ $0.key == $1.key }) else { continue }
                // Only spaces and line breaks between the words of the two phrases.
                guard Self.onlySpaces(document.source.bytes, words[i + n - 1].end, words[i + n].start) else { continue }
                if n == 1 && (Self.intended.contains(a.first!.key) || a.first!.key.allSatisfy(\.isNumber)) { continue }
                let first = words[i], second = words[i + n]
                let phrase = document.source.string(first.start..<words[i + n - 1].end)
                // Removing a repeated phrase is safe; a repeated syllable may be a word of its own.
                let fix = n >= 2 ? Fix(range: words[i + n - 1].end..<words[i + 2 * n - 1].end, replacement: "") : nil
                findings.append(Finding(document.location(ofByte: second.start),
                                        Message(.textRepeatedWord, Catalogue.quote(phrase)), fix: fix))
                matched = n
                break
            }
            i += matched > 0 ? 2 * matched : 1
        }
        return findings
    }

    static func onlySpaces(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return bytes[from..<to].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Words (letters and digits) with their byte spans, keyed in lower case.
    static func words(in bytes: [UInt8], _ span: Range<Int>) -> [Word] {
        var words: [Word] = []
        let text = String(decoding: bytes[span], as: UTF8.self)
        var offset = span.lowerBound
        var start: Int?
        var current = ""
        for ch in text {
            let length = ch.utf8.count
            if ch.isLetter || ch.isNumber {
                if start == nil { start = offset; current = "" }
                current.append(ch)
            } else if let s = start {
                words.append(Word(start: s, end: offset, key: current.lowercased()))
                start = nil
            }
            offset += length
        }
        if let s = start { words.append(Word(start: s, end: offset, key: current.lowercased())) }
        return words
    }
}
