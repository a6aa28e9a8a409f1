public struct TextNotNFCRule: DocumentRule {
    public init() {}
    public static let description = RuleDescription(
        id: "text-not-nfc",
        summary: Localized(
            en: "text not in Unicode NFC form (letters and accents stored apart; fixable)",
            vi: "văn bản không ở dạng Unicode dựng sẵn NFC (chữ và dấu tách rời; sửa tự động được)"),
        severity: .warning, scope: .document, fixable: true,
        triggering: [.item("title: Tuyên truy↓e\u{0300}n"), .item(body: "Nội dung h↓a\u{0300}nh chính.\n")],
        nonTriggering: [.item("title: Tuyên truyền")])

    public func check(_ document: Document, _ context: RuleContext) -> [Finding] {
        let source = document.source
        // Nearly every file is NFC already: skip, at byte speed, files that cannot be otherwise.
        guard VietnameseText.mayNeedNFC(source.bytes[...]) else { return [] }
        var findings: [Finding] = []
        for line in 1...source.lineCount {
            let range = source.lineRange(line)
            let text = source.string(range)
            guard !VietnameseText.isNFC(text[...]) else { continue }
            var offset = range.lowerBound
            var firstBad: Int?
            var lastBadEnd = 0
            for ch in text {
                let s = String(ch)
                let length = s.utf8.count
                if !s.unicodeScalars.elementsEqual(VietnameseText.nfc(s).unicodeScalars) {
                    if firstBad == nil { firstBad = offset }
                    lastBadEnd = offset + length
                }
                offset += length
            }
            guard let start = firstBad else { continue }
            let span = start..<lastBadEnd
            findings.append(
                Finding(
                    document.location(ofByte: start), Message(.textNotNFC),
                    fix: Fix(range: span, replacement: VietnameseText.nfc(source.string(span)))))
        }
        return findings
    }
}
