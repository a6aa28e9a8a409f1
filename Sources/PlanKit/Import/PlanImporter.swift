import Foundation

/// Turns the plain text of a plan document into a plan header, items and the rest of its text.
///
/// The document is read in regions: the header block (issuing body, number, date), the kind line
/// ("KẾ HOẠCH") and title, the preamble (legal bases), the parts ("II- NỘI DUNG THỰC HIỆN", "PHỤ LỤC"),
/// and the closing ("Nơi nhận:"). A part whose lines hold items (a list, a table, or sections headed by
/// a unit) gives items; every other line goes into `plan.md`, so no text is lost.
public struct PlanImporter: Sendable {
    public typealias Line = PlanText.Line

    public let registry: UnitRegistry

    public init(registry: UnitRegistry) {
        self.registry = registry
    }

    /// Reads a document's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM, as Word's
    /// "Unicode text" export writes it. A file in a legacy Vietnamese encoding, or not text, is refused
    /// with the place where it stops being UTF-8.
    public static func decode(_ bytes: [UInt8], path: String) throws(PlanError) -> String {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let s = String(data: Data(bytes[2...]), encoding: encoding) else {
                throw PlanError.other(Message(.importNotText, path))
            }
            return s
        }
        if bytes.contains(0) { throw PlanError.other(Message(.importNotText, path)) }
        if let bad = UTF8Validation.firstInvalidByte(bytes) {
            let p = SourceText(bytes: bytes).position(ofByte: bad)
            let message =
                LegacyEncoding.detect(bytes).map { Message(.fileLegacyEncoding, $0, String(bad)) }
                ?? Message(.fileNotUTF8, String(bad), String(format: "0x%02X", bytes[bad]))
            throw PlanError.config(path: path, line: p.line, column: p.column, message)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
        if let legacy = LegacyEncoding.detectInUnicode(body) {
            throw PlanError.config(path: path, line: 1, column: 1, Message(.fileLegacyEncodingText, legacy))
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Reads blocks from any reader (a Word reader gives paragraphs and table rows): each block is one
    /// paragraph of the text the importer reads, so both give the same outline. Lines in messages are the
    /// blocks' own `line` numbers.
    public func read(blocks: [Outline.Block], options: ImportOptions = ImportOptions()) -> ImportedPlan {
        var lines = [String](repeating: "", count: max(1, (blocks.map(\.line).max() ?? 0) * 2))
        for b in blocks {
            switch b {
            case .paragraph(let line, let text): lines[line * 2 - 2] = text.replacingOccurrences(of: "\n", with: " ")
            case .row(let line, let cells): lines[line * 2 - 2] = "| " + cells.joined(separator: " | ") + " |"
            }
        }
        var plan = read(lines.joined(separator: "\n"), options: options)
        // Back from the text's lines to the blocks' numbers.
        func block(_ line: Int) -> Int { (line + 1) / 2 }
        for k in plan.items.indices { plan.items[k].line = block(plan.items[k].line) }
        for k in plan.notes.indices { plan.notes[k].line = block(plan.notes[k].line) }
        for k in plan.outline.entries.indices { plan.outline.entries[k].line = block(plan.outline.entries[k].line) }
        return plan
    }

    /// A part of the document: its heading line (none for the text before the first part), its numeral,
    /// and its lines.
    struct Part {
        var heading: Line?
        var numeral: String?
        var lines: [Line]
    }

    public func read(_ text: String, options: ImportOptions = ImportOptions()) -> ImportedPlan {
        let lines = PlanText(text).lines
        var plan = ImportedPlan()
        var (i, titleLines) = readTitle(lines, into: &plan.header)
        while i < lines.count, ImportText.isRule(lines[i].text) { i += 1 }
        let (preamble, parts, closing) = regions(Array(lines[i...]))
        plan.blocks += paragraphs(preamble)
        readParts(parts, preamble: preamble, closing: closing, options: options, into: &plan)
        plan.blocks += paragraphs(closing)
        fillHeader(&plan.header, titleLines: titleLines, preamble: preamble, lines: lines)
        PlanImporter.numberUniquely(&plan)
        plan.notes.sort { $0.line < $1.line }
        return plan
    }

    /// The header block and the kind line ("KẾ HOẠCH"); returns where the body starts, and the title.
    private func readTitle(_ lines: [Line], into header: inout ImportedHeader) -> (Int, [String]) {
        var i = 0
        let kindIndex = lines.prefix(40).firstIndex { PlanImporter.kind(of: $0.text) != nil }
        var headerLines: [Line] = []
        var titleLines: [String] = []
        if let k = kindIndex {
            headerLines = Array(lines[..<k])
            let (kind, rest) = PlanImporter.kind(of: lines[k].text)!
            header.kind = kind
            if !rest.isEmpty { titleLines.append(rest) }
            i = k + 1
            // The title: the lines up to the rule under it or the start of the preamble. Its first line is
            // the title even when it starts like a preamble ("Thực hiện Đề án …").
            while i < lines.count, titleLines.count < 8,
                titleLines.isEmpty
                    ? !(ImportText.isRule(lines[i].text) || ImportText.part(lines[i].text) != nil)
                    : !startsBody(lines[i].text) && !lines[i].afterBlank
            {
                titleLines.append(lines[i].text)
                i += 1
            }
        }
        readHeaderBlock(headerLines, into: &header)
        return (i, titleLines)
    }

    /// The preamble, the parts ("II- NỘI DUNG THỰC HIỆN", "PHỤ LỤC") and the closing ("Nơi nhận:" of the
    /// last signature, or "Trên đây là …").
    private func regions(_ rest: [Line]) -> (preamble: [Line], parts: [Part], closing: [Line]) {
        let lastPart = rest.lastIndex { PlanImporter.isAppendix($0.text) || ImportText.part($0.text) != nil } ?? -1
        let closingStart =
            rest.indices.first { index in
                let t = rest[index].text
                return index > lastPart
                    && (t.hasPrefix("Nơi nhận")
                        || (t.hasPrefix("Trên đây là") && (index == 0 || ImportText.endsClause(rest[index - 1].text))))
            } ?? rest.endIndex
        let body = Array(rest[..<closingStart])
        var parts = [Part(heading: nil, numeral: nil, lines: [])]
        var lastNumeral = 0
        // A part named without its title ("Phần thứ nhất"): the title is the next line, in capitals.
        var untitled = false
        for (index, line) in body.enumerated() {
            let previous = index > 0 ? body[index - 1].text : ""
            if untitled, let heading = parts[parts.count - 1].heading {
                untitled = false
                if line.text.contains(where: \.isLetter), !line.text.contains(where: \.isLowercase) {
                    parts[parts.count - 1].heading = PlanText.Line(
                        number: heading.number, text: heading.text + " " + line.text,
                        cells: heading.cells + " " + line.cells, afterBlank: heading.afterBlank)
                    continue
                }
            }
            if let p = ImportText.part(line.text), let value = ImportText.romanValue(Substring(p.numeral)),
                value == lastNumeral + 1 || (ImportText.endsClause(previous) && value > lastNumeral)
                    || parts.count == 1 && value == 1
                    || (value == lastNumeral && p.title.filter(\.isLetter).allSatisfy { !$0.isLowercase })
            {
                lastNumeral = value
                parts.append(Part(heading: line, numeral: p.numeral, lines: []))
                untitled = p.title.isEmpty
            } else if PlanImporter.isAppendix(line.text) {
                lastNumeral = 0
                parts.append(Part(heading: line, numeral: nil, lines: []))
            } else {
                parts[parts.count - 1].lines.append(line)
            }
        }
        // A document with no parts: the preamble ends where the first section or item starts.
        if parts.count == 1 {
            let lines = parts[0].lines
            if let start = lines.firstIndex(where: {
                ImportText.section($0.text) != nil || ImportText.letter($0.text) != nil
                    || TableReader.cells($0).flatMap(TableReader.header) != nil
            }) {
                parts = [
                    Part(heading: nil, lines: Array(lines[..<start])),
                    Part(heading: nil, lines: Array(lines[start...])),
                ]
            }
        }
        let preamble = parts.removeFirst().lines
        return (preamble, parts, Array(rest[closingStart...]))
    }

    /// Reads the parts into the outline, lets the rules make the items, and writes `plan.md`'s blocks.
    private func readParts(
        _ parts: [Part], preamble: [Line], closing: [Line], options: ImportOptions, into plan: inout ImportedPlan
    ) {
        var builder = OutlineBuilder()
        builder.addSkipped(TextBlocks.blocks(preamble), rule: "preamble")
        var heads: [(entry: Int, part: Part, kind: PartKind)] = []
        for part in parts {
            let title = part.heading.map { ImportText.part($0.text)?.title ?? $0.text } ?? ""
            let kind = PartKind.of(
                title: title, appendix: part.heading.map { PlanImporter.isAppendix($0.text) } ?? false)
            builder.startPart(
                line: part.heading?.number ?? part.lines.first?.number ?? 0, numeral: part.numeral,
                title: part.heading?.text ?? "", role: .part, rule: kind.description)
            heads.append((builder.entries.count - 1, part, kind))
            var wrapper = false
            for block in TextBlocks.blocks(part.lines) {
                if case .paragraph(_, let t) = block, PlanImporter.startsWrapper(t) { wrapper = true }
                if wrapper {
                    builder.addSkipped([block], rule: "decision text around the plan")
                } else {
                    builder.add(block)
                }
            }
        }
        builder.addSkipped(TextBlocks.blocks(closing), rule: "closing")
        var outline = Outline(entries: builder.entries)
        let rules = ItemRules(registry: registry, outline: outline)
        let chosen = PartChoice(
            derivations: heads.map { rules.derive(part: $0.entry, kind: $0.kind, numeral: $0.part.numeral) },
            heads: heads.map { ($0.entry, $0.part.numeral, $0.part.heading?.text ?? "", $0.kind) }, options: options)
        chosen.apply(to: &outline, plan: &plan)
        plan.outline = outline
        for (k, head) in heads.enumerated() {
            writeBlocks(
                head.part, entry: head.entry, imported: chosen.imported.contains(k), outline: outline, into: &plan)
        }
    }

    /// A part's text in `plan.md`: all of it when it gave no items; otherwise what is in no item, with a
    /// note where the items were.
    private func writeBlocks(_ part: Part, entry: Int, imported: Bool, outline: Outline, into plan: inout ImportedPlan)
    {
        let heading = part.heading?.text
        if let heading { plan.blocks.append(.heading(heading)) }
        guard imported else {
            plan.blocks += paragraphs(part.lines)
            return
        }
        let end =
            outline.entries[(entry + 1)...].firstIndex { $0.parent == nil && $0.marker != .none }
            ?? outline.entries.endIndex
        let range = (entry + 1)..<end
        let firstItemLine =
            range.filter { outline.entries[$0].role == .item }.map { outline.entries[$0].line }.min() ?? 0
        var moved = false
        let label = part.numeral ?? heading ?? ""
        // (A field written inside a paragraph is in that paragraph's text already.)
        for k in range
        where outline.entries[k].role == .skipped && outline.entries[k].rule != "closing" && !outline.entries[k].inline
        {
            let left = outline.entries[k]
            if !moved, left.line > firstItemLine {
                plan.blocks.append(.itemsMoved(part: label))
                moved = true
            }
            plan.blocks.append(.paragraph(left.written))
            let notable: Bool = {
                switch left.marker {
                case .none, .dash, .plus: return left.parent != nil
                default: return false
                }
            }()
            if notable, left.line > firstItemLine {
                plan.notes.append(ImportNote(line: left.line, kind: .unplaced(left.written)))
            }
        }
        if !moved { plan.blocks.append(.itemsMoved(part: label)) }
    }

    /// "Nơi nhận:" or "Điều 2." inside a part: the decision that issues the plan, not the plan.
    static func startsWrapper(_ t: String) -> Bool {
        if t.hasPrefix("Nơi nhận") { return true }
        guard t.hasPrefix("Điều ") else { return false }
        let n = t.dropFirst(5).prefix(while: \.isNumber)
        return !n.isEmpty && t.dropFirst(5 + n.count).hasPrefix(".")
    }

    private func fillHeader(_ header: inout ImportedHeader, titleLines: [String], preamble: [Line], lines: [Line]) {
        var title = PlanText.join(titleLines)
        if header.issuer == nil, let (rest, issuer) = issuerSuffix(of: title) {
            header.issuer = issuer
            title = rest
        }
        header.title = title.isEmpty ? nil : title
        let preambleText = PlanText.join(preamble.map(\.text))
        // "SỞ TÀI CHÍNH" from the header block, written as the text writes it ("Sở Tài chính").
        if let issuer = header.issuer, issuer.allSatisfy({ !$0.isLowercase }),
            let r = (title + " " + preambleText).range(of: issuer, options: [.caseInsensitive])
        {
            header.issuer = String((title + " " + preambleText)[r])
        }
        header.period = PlanImporter.period(in: title) ?? PlanImporter.period(in: preambleText)
        header.legalBases = PlanImporter.legalBases(in: preambleText)
        header.reports = PlanImporter.reports(in: PlanText.join(lines.map(\.text)))
    }

    /// One number, one item: a repeated number gets a suffix and a note.
    static func numberUniquely(_ plan: inout ImportedPlan) {
        var seen = Set<String>()
        for index in plan.items.indices {
            let number = plan.items[index].number
            if seen.insert(number).inserted { continue }
            var k = 2
            while seen.contains("\(number)-\(k)") { k += 1 }
            plan.items[index].number = "\(number)-\(k)"
            seen.insert(plan.items[index].number)
            plan.notes.append(
                ImportNote(
                    line: plan.items[index].line, kind: .duplicate(number: number, renamed: plan.items[index].number)))
        }
    }

    /// Text that is no item, as `plan.md` paragraphs: a new one at a bullet, a number, or a capital after
    /// a full stop; short bullet lines together as a list.
    func paragraphs(_ lines: [Line]) -> [ImportBlock] {
        var groups: [[Line]] = []
        for line in lines where !ImportText.isRule(line.text) {
            let t = line.text
            let startsNew =
                groups.isEmpty || line.afterBlank || ImportText.bullet(t) != nil || ImportText.section(t) != nil
                || ImportText.letter(t) != nil || ImportText.part(t) != nil
                || (ImportText.endsClause(groups.last!.last!.text) && (t.first?.isUppercase ?? false))
            if startsNew { groups.append([line]) } else { groups[groups.count - 1].append(line) }
        }
        var blocks: [ImportBlock] = []
        var list: [String] = []
        func flush() {
            if list.count >= 2 { blocks.append(.list(list)) } else { blocks += list.map { .paragraph($0) } }
            list = []
        }
        for g in groups {
            let text = PlanText.join(g.map(\.text))
            if ImportText.bullet(text) != nil, text.count <= 100 {
                list.append(text)
            } else {
                flush()
                blocks.append(.paragraph(text))
            }
        }
        flush()
        return blocks
    }

    private func startsBody(_ t: String) -> Bool {
        if ImportText.isRule(t) || ImportText.part(t) != nil || PlanImporter.isAppendix(t) { return true }
        for word in ["Căn cứ", "Thực hiện", "Nhằm", "Để ", "Xét ", "Kính gửi", "Thi hành"] where t.hasPrefix(word) {
            return true
        }
        return false
    }

    // MARK: Header

    static let kinds = [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN",
    ]

    /// "KẾ HOẠCH" → ("Kế hoạch", ""); "KẾ HOẠCH TRIỂN KHAI …" → ("Kế hoạch", "TRIỂN KHAI …").
    static func kind(of line: String) -> (kind: String, rest: String)? {
        for k in kinds where line.hasPrefix(k) {
            let rest = line.dropFirst(k.count)
            guard rest.isEmpty || rest.first == " " else { continue }
            let letters = line.filter(\.isLetter)
            guard letters.allSatisfy({ !$0.isLowercase }) else { continue }
            let lower = k.lowercased()
            return (lower.prefix(1).uppercased() + lower.dropFirst(), rest.trimmedSpaces)
        }
        return nil
    }

    static func isAppendix(_ t: String) -> Bool {
        t.hasPrefix("PHỤ LỤC") || t.hasPrefix("Phụ lục ") && t.dropFirst(7).prefix(4).allSatisfy { !$0.isLowercase }
    }

    private static let nationalLines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc",
    ]

    private func readHeaderBlock(_ lines: [Line], into header: inout ImportedHeader) {
        for line in lines {
            var t = line.text
            if header.number == nil, let m = PlanImporter.firstMatch(#"Số\s*:?\s*(\d+[^\s,]*)"#, in: t) {
                header.number = m[1]
            }
            if header.date == nil,
                let m = PlanImporter.firstMatch(#"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"#, in: t),
                let d = Int(m[1]), let mo = Int(m[2]), let y = Int(m[3]),
                let date = CivilDate(year: y, month: mo, day: d)
            {
                header.date = date.description
            }
            for n in PlanImporter.nationalLines { t = t.replacingOccurrences(of: n, with: " ") }
            if let r = t.range(of: "Số") { t = String(t[..<r.lowerBound]) }
            if let r = t.range(of: #"[\p{L} ]+, ngày"#, options: .regularExpression) { t = String(t[..<r.lowerBound]) }
            t = t.trimmedSpaces
            let letters = t.filter(\.isLetter)
            if letters.count >= 3, letters.allSatisfy({ !$0.isLowercase }) {
                header.issuer = registry.lookup(t)?.name ?? t
            }
        }
    }

    /// "…, kế hoạch … của Ban Tuyên giáo Thành ủy": the title without the issuing body, and the body.
    private func issuerSuffix(of title: String) -> (String, String)? {
        guard let r = title.range(of: " của ", options: .backwards) else { return nil }
        let issuer = title[r.upperBound...].trimmedSpaces
        let words = issuer.split(separator: " ").count
        guard words <= 8, registry.lookup(issuer) != nil || ImportText.looksLikeUnit(issuer) else { return nil }
        return (String(title[..<r.lowerBound]).trimmedSpaces, issuer)
    }

    static func period(in text: String) -> String? {
        if let m = firstMatch(#"(?:giai đoạn|từ năm|từ)\s+(\d{4})\s*[-–]\s*(\d{4})"#, in: text)
            ?? firstMatch(#"(\d{4})\s*[-–]\s*(\d{4})"#, in: text),
            let a = Int(m[1]), let b = Int(m[2]), a <= b, b - a <= 20
        {
            return "\(a)-\(b)"
        }
        if let m = firstMatch(#"năm\s+(\d{4})"#, in: text) { return m[1] }
        return nil
    }

    private static let citationKinds = [
        "Nghị quyết", "Chỉ thị", "Kế hoạch", "Quyết định", "Kết luận", "Thông tư", "Nghị định",
        "Luật", "Công văn", "Hướng dẫn", "Thông báo", "Chương trình", "Đề án", "Quy định", "Quy chế",
    ]

    /// The documents a preamble cites by number ("Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy về …"),
    /// each up to the next citation, bracket, semicolon or colon; citations inside brackets are left out.
    static func legalBases(in text: String) -> [String] {
        let pattern = "(?:" + citationKinds.joined(separator: "|") + #")(?: liên tịch)? số\s+\S"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        var depth = [Int](repeating: 0, count: ns.length + 1)
        var d = 0
        for k in 0..<ns.length {
            let c = ns.character(at: k)
            if c == 0x28 || c == 0x201C { d += 1 } else if c == 0x29 || c == 0x201D { d = max(0, d - 1) }
            depth[k + 1] = d
        }
        let starts = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
            .map(\.range.location).filter { depth[$0] == 0 }
        var out: [String] = []
        for (n, start) in starts.enumerated() {
            var end = n + 1 < starts.count ? starts[n + 1] : ns.length
            for k in start..<end {
                let c = ns.character(at: k)
                if c == 0x28 || c == 0x3B || (c == 0x3A && depth[k] == 0) {
                    end = k
                    break
                }
            }
            var citation = ns.substring(with: NSRange(location: start, length: end - start)).trimmedSpaces
            if let r = citation.range(of: " như sau"),
                let comma = citation[..<r.lowerBound].range(of: ", ", options: .backwards)
            {
                citation = String(citation[..<comma.lowerBound])
            }
            while true {
                let before = citation
                citation = citation.trimmedSpaces
                for suffix in [",", ".", " và", " và các", " cùng"] where citation.hasSuffix(suffix) {
                    citation = String(citation.dropLast(suffix.count))
                }
                if citation == before { break }
            }
            if !citation.isEmpty, !out.contains(citation) { out.append(citation) }
        }
        return out
    }

    /// Periodic reports the text asks for: "báo cáo 6 tháng trước ngày 10/6", "báo cáo năm trước ngày 15/11".
    static func reports(in text: String) -> [ImportedReport] {
        let pattern =
            #"[Bb]áo cáo\s+(6 tháng|sáu tháng|năm|sơ kết[^,;()]{0,40}?|tổng kết[^,;()]{0,40}?)\s+(?:[^,;()]{0,60}?\s+)??trước ngày\s+(\d{1,2})/(\d{1,2})(/\d{4})?"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        var out: [ImportedReport] = []
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = "Báo cáo " + ns.substring(with: m.range(at: 1))
            let day = ns.substring(with: m.range(at: 2))
            let month = ns.substring(with: m.range(at: 3))
            let year = m.range(at: 4).location == NSNotFound ? nil : ns.substring(with: m.range(at: 4))
            let due = year.map { "trước ngày \(day)/\(month)\($0)" } ?? "trước ngày \(day)/\(month) hằng năm"
            if !out.contains(where: { $0.name == name }) { out.append(ImportedReport(name: name, due: due)) }
        }
        return out
    }

    static func firstMatch(_ pattern: String, in text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length))
        else { return nil }
        return (0..<m.numberOfRanges).map { k in
            m.range(at: k).location == NSNotFound ? "" : (text as NSString).substring(with: m.range(at: k))
        }
    }
}
