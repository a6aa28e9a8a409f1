public struct TextRepeatedWordRule: DocumentRule {
    public init() {}
    public static let description = RuleDescription(
        id: "text-repeated-word",
        summary: Localized(
            en: "a word or phrase written twice in a row (phrases fixable)",
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
        document.source.bytes.withUnsafeBufferPointer { check(span, in: document, bytes: $0) }
    }

    private func check(_ span: Range<Int>, in document: Document, bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        let (words, keys) = Self.words(in: bytes, span)
        var findings: [Finding] = []
        var i = 0
        let count = words.count
        while i + 1 < count {
            var matched = 0
            // Longest repeated phrase first, up to four syllables. A phrase of n words repeats at i only
            // if word i and word i+n have the same folded key, which rules out almost every position.
            var n = min(4, (count - i) / 2)
            while n >= 1 {
                defer { n -= 1 }
                guard keys[i] == keys[i + n] else { continue }
                var equal = true
                for k in 0..<n where keys[i + k] != keys[i + n + k] || !Self.same(bytes, words[i + k], words[i + n + k])
                {
                    equal = false
                    break
                }
                guard equal, Self.onlySpaces(bytes, words[i + n - 1].upperBound, words[i + n].lowerBound) else {
                    continue
                }
                if n == 1 {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[words[i]]), as: UTF8.self)
                        .lowercased()
                    if Self.intended.contains(word) || word.allSatisfy(\.isNumber) { continue }
                }
                let phrase = document.source.string(words[i].lowerBound..<words[i + n - 1].upperBound)
                // Removing a repeated phrase is safe; a repeated syllable may be a word of its own.
                let fix =
                    n >= 2
                    ? Fix(range: words[i + n - 1].upperBound..<words[i + 2 * n - 1].upperBound, replacement: "") : nil
                findings.append(
                    Finding(
                        document.location(ofByte: words[i + n].lowerBound),
                        Message(.textRepeatedWord, Catalogue.quote(phrase)), fix: fix))
                matched = n
                break
            }
            i += matched > 0 ? 2 * matched : 1
        }
        return findings
    }

    static func onlySpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return bytes[from..<to].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Two words, the same letters in any case. Bytes first (ASCII case folded); Unicode lower case
    /// only for words of equal length whose non-ASCII bytes differ.
    static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        var nonASCIIDiffers = false
        for k in 0..<a.count {
            let x = bytes[a.lowerBound + k]
            let y = bytes[b.lowerBound + k]
            if x == y { continue }
            if x < 0x80 && y < 0x80 {
                guard x | 0x20 == y | 0x20, (x | 0x20) >= 0x61, (x | 0x20) <= 0x7A else { return false }
            } else {
                // Upper and lower case of a Latin letter differ in one byte, by 1 (Đ/đ, Ả/ả) or by 0x20
                // (À/à); any other difference is another letter.
                let d = x > y ? x - y : y - x
                guard d == 1 || d == 0x20 else { return false }
                nonASCIIDiffers = true
            }
        }
        guard nonASCIIDiffers else { return true }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[a]), as: UTF8.self).lowercased()
            == String(decoding: UnsafeBufferPointer(rebasing: bytes[b]), as: UTF8.self).lowercased()
    }

    /// Words (runs of letters and digits) as byte ranges. ASCII is classified by byte; any other
    /// character counts as a letter unless it is punctuation or a space (general punctuation, the
    /// Latin-1 symbols, CJK punctuation), which is what Vietnamese text needs.
    /// Words (runs of letters and digits) as byte ranges, each with a key equal for the same word in
    /// any letter case (ASCII lowered; other bytes with the bits that tell Latin upper from lower
    /// case, 0x01 and 0x20, cleared). Equal keys are only a hint; `same` decides.
    ///
    /// ASCII is classified by byte; any other character counts as a letter unless it is punctuation
    /// or a space (general punctuation, the Latin-1 symbols, CJK punctuation), which is what
    /// Vietnamese text needs.
    static func words(in bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> ([Range<Int>], [UInt64]) {
        var words: [Range<Int>] = []
        var keys: [UInt64] = []
        words.reserveCapacity(span.count / 5)
        keys.reserveCapacity(span.count / 5)
        var start = -1
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = span.lowerBound
        let end = span.upperBound
        let asciiWord = Self.asciiWord  // once, not once per byte
        while i < end {
            let b = bytes[i]
            var length = 1
            let isWordChar: Bool
            if b < 0x80 {
                isWordChar = asciiWord[Int(b)]
            } else if b >= 0xC3 {
                length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                let second = i + 1 < end ? bytes[i + 1] : 0
                switch b {
                case 0xE2: isWordChar = second < 0x80 || second > 0x81  // U+2000-206F general punctuation
                case 0xE3: isWordChar = second != 0x80  // U+3000-303F CJK punctuation
                case 0xEF: isWordChar = !(second == 0xBB && i + 2 < end && bytes[i + 2] == 0xBF)  // U+FEFF
                default: isWordChar = true
                }
            } else {
                length = b == 0xC2 ? 2 : 1  // U+0080-00BF: no-break space, «», symbols; or a stray byte
                isWordChar = false
            }
            let n = min(length, end - i)
            if isWordChar {
                if start < 0 {
                    start = i
                    key = 0xcbf2_9ce4_8422_2325
                }
                for k in i..<(i + n) {
                    let c = bytes[k]
                    let folded = c < 0x80 ? (c &- 65 < 26 ? c | 0x20 : c) : c & ~0x21
                    key = (key ^ UInt64(folded)) &* 0x100_0000_01b3
                }
            } else if start >= 0 {
                words.append(start..<i)
                keys.append(key)
                start = -1
            }
            i += n
        }
        if start >= 0 {
            words.append(start..<end)
            keys.append(key)
        }
        return (words, keys)
    }

    /// ASCII letters and digits.
    static let asciiWord: [Bool] = (0..<128).map { b in
        (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b)
    }
}
