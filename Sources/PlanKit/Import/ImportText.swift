/// The fields an action item's lines name.
public enum ImportField: String, Sendable, CaseIterable {
    case lead, support, timeframe
    /// "Sản phẩm", "Kết quả": what the item delivers.
    case product
    /// "Nội dung", "Nhiệm vụ": the item's own text given under a label.
    case content

    /// The labels documents use for each field, longest first so "Cơ quan chủ trì" wins over "Chủ trì".
    static let labels: [(label: String, field: ImportField)] = {
        let table: [(ImportField, [String])] = [
            (
                .lead,
                [
                    "Cơ quan chủ trì thực hiện", "Đơn vị chủ trì thực hiện", "Cơ quan chủ trì", "Đơn vị chủ trì",
                    "Chủ trì thực hiện", "Chủ trì", "Cơ quan thực hiện", "Đơn vị thực hiện", "Cơ quan chủ quản",
                    "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị thực hiện", "Đơn vị chủ trì thực hiện",
                    "Cơ quan chịu trách nhiệm", "Cơ quan đầu mối",
                ]
            ),
            (
                .support,
                [
                    "Cơ quan phối hợp thực hiện", "Đơn vị phối hợp thực hiện", "Cơ quan phối hợp", "Đơn vị phối hợp",
                    "Phối hợp thực hiện", "Phối hợp", "Cơ quan, đơn vị phối hợp",
                ]
            ),
            (
                .timeframe,
                [
                    "Thời gian thực hiện", "Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời hạn thực hiện",
                    "Tiến độ thực hiện", "Tiến độ hoàn thành", "Thời gian", "Thời hạn", "Tiến độ",
                    "Thời hạn ban hành", "Thời hạn trình", "Thời gian triển khai", "Thời gian dự kiến hoàn thành",
                    "Thời gian hoàn thành dự kiến", "Thời điểm hoàn thành",
                ]
            ),
            (
                .product,
                ["Sản phẩm", "Sản phẩm dự kiến", "Sản phẩm đầu ra", "Kết quả", "Kết quả dự kiến", "Kết quả đầu ra"]
            ),
            (.content, ["Nội dung", "Nội dung thực hiện", "Nội dung công việc", "Nhiệm vụ", "Tên nhiệm vụ"]),
        ]
        return table.flatMap { field, labels in labels.map { (VietnameseText.nfc($0), field) } }
            .sorted { $0.label.count > $1.label.count }
    }()
}

/// Recognising the pieces of a plan document's text: markers, labels, unit names, sentences.
enum ImportText {
    /// A field line: an optional bullet, a label (capitalised, as documents write it), an optional colon,
    /// the value. Without a colon the value must start like a name (lead, support) or a time (upper case
    /// or a digit); "Sản phẩm" and "Nội dung" need their colon. A timeframe label may be qualified:
    /// "Thời gian tổ chức phong trào thi đua: …".
    static func field(_ line: String) -> (field: ImportField, label: String, value: String, colon: Bool, bullet: Bool)?
    {
        var rest = Substring(line)
        var bullet = false
        if let first = rest.first, "-–+•*".contains(first) {
            rest = rest.dropFirst().drop(while: { $0 == " " })
            bullet = true
        }
        if let (field, label, after, colon) = leadingLabel(rest, anyCase: false) {
            let value = after.trimmedSpaces
            if !colon {
                guard field != .product, field != .content, let c = value.first, c.isUppercase || c.isNumber else {
                    if field == .timeframe, let q = qualifiedTimeLabel(rest) {
                        return (.timeframe, q.0, q.1, true, bullet)
                    }
                    return nil
                }
                // Without a colon, a lead or support label is followed by names only, not by a duty.
                if field == .lead || field == .support,
                    !UnitNames.startsLikeUnit(value, lenient: true) || value.split(separator: " ").count > 10
                        || value.contains(";")
                {
                    return nil
                }
            }
            return (field, String(label), value, colon, bullet)
        }
        return nil
    }

    /// The labels in lower case with their lengths, for `leadingLabel(anyCase:)`; the longest length.
    private static let lowerLabels = ImportField.labels.map { ($0.label.lowercased(), $0.label.count) }
    private static let longestLabel = ImportField.labels.map(\.label.count).max() ?? 0

    /// The field label a text starts with (the longest that fits; in any case with `anyCase`), as
    /// written, and what follows it: after its colon, if it has one (":" or "："), else after the spaces.
    static func leadingLabel(_ s: Substring, anyCase: Bool) -> (
        field: ImportField, label: Substring, after: Substring, colon: Bool
    )? {
        // A clause's start is lowered once, not once per label.
        let start = anyCase ? s.prefix(longestLabel + 1).lowercased() : ""
        for ((label, field), (lower, length)) in zip(ImportField.labels, lowerLabels) {
            guard anyCase ? start.hasPrefix(lower) : s.hasPrefix(label) else { continue }
            let head = s.prefix(length)
            guard head == label || head.lowercased() == lower else { continue }
            var after = s.dropFirst(length)
            guard after.isEmpty || after.first == " " || after.first == ":" || after.first == "：" else { continue }
            after = after.drop(while: { $0 == " " })
            let colon = after.first == ":" || after.first == "："
            return (field, head, colon ? after.dropFirst() : after, colon)
        }
        return nil
    }

    /// "Thời gian tổ chức phong trào thi đua: …": a timeframe label with a few words of its own.
    private static func qualifiedTimeLabel(_ text: Substring) -> (String, String)? {
        guard text.hasPrefix("Thời gian ") || text.hasPrefix("Thời hạn "), let colon = text.firstIndex(of: ":") else {
            return nil
        }
        let label = text[..<colon]
        guard label.split(separator: " ").count <= 8, !label.contains(","), !label.contains(".") else { return nil }
        return (String(label), text[text.index(after: colon)...].trimmedSpaces)
    }

    /// Splits a field value that holds further labelled fields ("Sở A; Phối hợp: Sở B").
    static func inlineFields(_ value: String) -> [(field: ImportField?, label: String?, value: String)] {
        var result: [(field: ImportField?, label: String?, value: String)] = []
        var rest = Substring(value)
        var field: ImportField?
        var label: String?
        var search = rest.startIndex
        while let sep = rest[search...].firstIndex(where: { $0 == ";" || $0 == "." }) {
            let after = rest[rest.index(after: sep)...].drop(while: { $0 == " " })
            var matched = false
            for (l, f) in ImportField.labels where after.hasPrefix(l) {
                let tail = after.dropFirst(l.count).drop(while: { $0 == " " })
                guard tail.first == ":" else { continue }
                result.append((field, label, rest[..<sep].trimmedSpaces))
                field = f
                label = l
                rest = tail.dropFirst()
                search = rest.startIndex
                matched = true
                break
            }
            if !matched { search = rest.index(after: sep) }
        }
        result.append((field, label, rest.trimmedSpaces))
        return result
    }

    /// A Roman numeral from I to XXXIX, or nil.
    static func romanValue(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 6, s.allSatisfy({ "IVX".contains($0) }) else { return nil }
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10]
        var total = 0
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            let v = values[c]!
            if i + 1 < chars.count, values[chars[i + 1]]! > v { total -= v } else { total += v }
        }
        return roman(total) == String(s) ? total : nil
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n
        var out = ""
        for (v, s) in table {
            while n >= v {
                out += s
                n -= v
            }
        }
        return out
    }

    /// A part heading: a Roman numeral, `.`, `-` or `/`, then a title ("II- NỘI DUNG THỰC HIỆN").
    static func part(_ line: String) -> (numeral: String, title: String)? {
        if let named = namedPart(line) { return named }
        let numeral = line.prefix(while: { "IVX".contains($0) })
        guard romanValue(numeral) != nil else { return nil }
        // "V/v …" (về việc) is a subject line, not part V.
        if numeral == "V", line.dropFirst().hasPrefix("/v") || line.dropFirst().hasPrefix("/V") { return nil }
        var rest = line.dropFirst(numeral.count).drop(while: { $0 == " " })
        guard let mark = rest.first, ".-–/)".contains(mark) else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " })
        guard let first = rest.first, first.isUppercase else { return nil }
        return (String(numeral), rest.trimmedSpaces)
    }

    /// "Phần thứ nhất", "PHẦN THỨ HAI: NHIỆM VỤ …", "Phần I." or "Phần 3 -": a part named in words; the
    /// title may be on the next line (empty here).
    static func namedPart(_ line: String) -> (numeral: String, title: String)? {
        let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard words.count >= 2, words[0].lowercased() == "phần" else { return nil }
        func value(_ word: Substring) -> (Int, Substring)? {
            let core = word.prefix { $0.isLetter || $0.isNumber }
            let lower = core.lowercased()
            let ordinals = ["nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7]
            if let n = ordinals[lower] { return (n, word.dropFirst(core.count)) }
            if let n = Int(core), (1...9).contains(n) { return (n, word.dropFirst(core.count)) }
            if let n = romanValue(core) { return (n, word.dropFirst(core.count)) }
            return nil
        }
        var index = 1
        if words[1].lowercased() == "thứ" {
            guard words.count >= 3 else { return nil }
            index = 2
        }
        guard let (n, after) = value(words[index]) else { return nil }
        // A Roman or Arabic numeral needs its mark or nothing after it; a word ordinal may stand alone.
        var rest = String(after) + (words.count > index + 1 ? " " + words[(index + 1)...].joined(separator: " ") : "")
        rest = rest.trimmedSpaces
        if let mark = rest.first, ".:-–)".contains(mark) { rest = String(rest.dropFirst()).trimmedSpaces }
        guard rest.isEmpty || rest.first!.isUppercase else { return nil }
        return (roman(n), rest)
    }

    /// A numbered section heading: "1-", "1.", "1)", "1.1.", "1.1" then text.
    static func section(_ line: String) -> (number: String, title: String)? {
        // "(1) Ban hành …": a number in brackets counts as "1)".
        if line.hasPrefix("("), let close = line.firstIndex(of: ")"), line.index(after: line.startIndex) < close,
            line[line.index(after: line.startIndex)..<close].allSatisfy({ $0.isASCII && $0.isNumber })
        {
            return section(String(line.dropFirst()))
        }
        var i = line.startIndex
        var groups: [Substring] = []
        var sawMark = false
        while i < line.endIndex {
            let digits = line[i...].prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 2 else { break }
            groups.append(digits)
            i = digits.endIndex
            guard i < line.endIndex else { return nil }
            let c = line[i]
            if c == ".", line.index(after: i) < line.endIndex, line[line.index(after: i)].isNumber {
                i = line.index(after: i)
                continue
            }
            if c == "." || c == "-" || c == "–" || c == ")" {
                sawMark = true
                i = line.index(after: i)
            }
            break
        }
        guard !groups.isEmpty, sawMark || groups.count > 1 else { return nil }
        guard i < line.endIndex, line[i] == " " else { return nil }
        let title = line[i...].trimmedSpaces
        guard let first = title.first, first.isLetter || first == "“" || first == "\"" else { return nil }
        return (groups.joined(separator: "."), title)
    }

    /// A lettered item: "a)", "a.", "đ)" then text.
    static func letter(_ line: String) -> (letter: String, text: String)? {
        guard let first = line.first, VietnameseText.itemLetters.contains(String(first)) else { return nil }
        let rest = line.dropFirst()
        guard let mark = rest.first, mark == ")" || mark == "." else { return nil }
        let text = rest.dropFirst()
        guard text.first == " " else { return nil }
        return (String(first), text.trimmedSpaces)
    }

    /// A capital letter heading a group: "A. NHIỆM VỤ CHUNG", "B) Nhiệm vụ cụ thể", in Vietnamese
    /// order. I, V and X are left to Roman numerals.
    static func capital(_ line: String) -> (letter: String, index: Int, text: String)? {
        guard let first = line.first, first.isUppercase, !"IVX".contains(first),
            let index = VietnameseText.itemLetters.firstIndex(of: first.lowercased())
        else { return nil }
        let rest = line.dropFirst()
        guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
        let text = rest.dropFirst()
        guard text.first == " ", let start = text.dropFirst().first, start.isLetter, start.isUppercase else {
            return nil
        }
        return (String(first), index, text.trimmedSpaces)
    }

    /// A bullet line: "- ", "+ ", "• ", "– ", "* " then text.
    static func bullet(_ line: String) -> String? {
        guard let first = line.first, "-–+•*".contains(first) else { return nil }
        let rest = line.dropFirst()
        guard rest.first == " " else { return nil }
        return rest.trimmedSpaces
    }

    /// A line of only dashes, underscores, stars or equals signs: the rule under a title.
    static func isRule(_ line: String) -> Bool {
        line.count >= 3 && line.allSatisfy { "-_*=–—~ ".contains($0) }
    }

    /// Whether a line ends what it says: the next line may start something new.
    static func endsClause(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return ".;:!?…".contains(last)
    }

    /// Words after which a wrapped line surely goes on.
    static let connectors: Set<String> = [
        "và", "của", "với", "các", "cho", "trong", "theo", "về", "đến", "tại",
        "những", "là", "để", "từ", "thuộc", "cùng", "hoặc", "trên", "có", "được",
    ]

    /// Whether the line after `previous`, starting with `next`, continues it rather than starting anew.
    static func continues(_ previous: String, with next: String) -> Bool {
        guard let first = next.first else { return false }
        if first.isLowercase || first.isNumber || "(“\"".contains(first) { return true }
        guard let last = previous.last else { return false }
        if ",-–/(".contains(last) { return true }
        let word = previous.split(separator: " ").last.map { String($0).lowercased() } ?? ""
        return connectors.contains(word)
    }

    /// How units' names start: one capitalised word ("Sở", "UBND") or two ("Ủy ban", "Trung tâm").
    static let unitStarts: [[String]] = [
        "sở", "ban", "phòng", "ubnd", "hđnd", "ubmttq", "cục", "viện", "trường", "đài", "báo", "hội", "bch", "btv",
        "vp", "bộ", "quận", "huyện", "xã", "phường", "tỉnh", "tổ", "đoàn", "kbnn", "ctv",
        "ủy ban", "uỷ ban", "trung tâm", "công an", "văn phòng", "thanh tra", "kho bạc", "chi cục", "liên đoàn",
        "mặt trận", "bệnh viện", "tổng công", "lãnh đạo", "thường trực", "cơ quan", "đơn vị", "tòa án", "toà án",
        "cổng thông", "chính quyền", "công ty", "hội đồng", "thành ủy", "thành uỷ", "thành đoàn", "quận ủy",
        "huyện ủy", "tỉnh ủy", "đảng ủy", "đảng uỷ", "chi ủy", "chi bộ", "công đoàn", "hội liên", "viện kiểm",
        "bảo hiểm", "cảng vụ", "ngân hàng", "chi nhánh",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Whether a text starts like a unit's name: a capitalised starter ("Sở Tài chính", "UBND các quận,
    /// huyện"), or "các"/"những" followed by one ("các cơ quan báo chí", "Các sở, ngành").
    static func looksLikeUnit(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { String($0).trimmingPunctuation.lowercased() }
        guard let first = words.first, let c = text.first else { return false }
        func starts(_ w: ArraySlice<String>) -> Bool {
            unitStarts.contains { w.count >= $0.count && Array(w.prefix($0.count)) == $0 }
        }
        if first == "các" || first == "những" {
            let rest = words.dropFirst()
            guard let next = rest.first else { return false }
            return ["ngành", "địa", "cấp", "cơ", "đơn", "sở", "phòng", "ban", "tổ"].contains(next) || starts(rest)
        }
        return c.isUppercase && starts(words[...])
    }

    /// A timeframe inside an item's text: after a label ("Thời gian thực hiện: quý II/2022"), or in
    /// brackets when it reads as one ("(hoàn thành trong tháng 6/2022)").
    static func inlineTimeframe(_ text: String, brackets: Bool = true) -> String? {
        for (label, field) in ImportField.labels where field == .timeframe {
            guard let r = text.firstRange(of: label) else { continue }
            var rest = text[r.upperBound...].drop(while: { $0 == " " })
            guard rest.first == ":" else { continue }
            rest = rest.dropFirst()
            let end = rest.firstIndex(where: { $0 == ")" || $0 == ";" }) ?? rest.endIndex
            var value = String(rest[..<end])
            if let stop = value.range(of: ". ") { value = String(value[..<stop.lowerBound]) }
            let v = fieldValue(value)
            if !v.isEmpty { return v }
        }
        guard brackets else { return nil }
        var i = text.startIndex
        while let open = text[i...].firstIndex(of: "(") {
            guard let close = text[open...].firstIndex(of: ")") else { break }
            let inside = fieldValue(String(text[text.index(after: open)..<close]))
            // A condition in brackets ("khi Bộ … triển khai") is prose more often than a timeframe.
            if !inside.isEmpty, case .success(let tf) = TimeframeParser.parse(inside), tf.kind != .event {
                return inside
            }
            i = text.index(after: close)
        }
        return nil
    }

    /// A short title for an item: its first sentence or clause, cut at a word before 120 characters.
    static func title(of text: String, limit: Int = 120) -> String {
        let sentence = firstSentence(text)
        if sentence.count <= limit { return sentence }
        var out = ""
        for word in sentence.split(separator: " ") {
            if out.count + (out.isEmpty ? 0 : 1) + word.count > limit { break }
            out += (out.isEmpty ? "" : " ") + word
        }
        while let last = out.last, ",;:-–".contains(last) || last == " " { out.removeLast() }
        return out.isEmpty ? String(sentence.prefix(limit)) + "…" : out + "…"
    }

    /// The text up to the first `;`, or the first `.` that ends a sentence, outside quotes and brackets.
    static func firstSentence(_ text: String) -> String {
        var depth = 0
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            switch c {
            case "(", "“", "[": depth += 1
            case ")", "”", "]": depth = max(0, depth - 1)
            case ";" where depth == 0:
                return String(text[..<i]).trimmedSpaces
            case "." where depth == 0:
                let next = text.index(after: i)
                if next == text.endIndex { return String(text[..<i]).trimmedSpaces }
                if text[next] == " " {
                    let after = text[next...].drop(while: { $0 == " " })
                    if let f = after.first, f.isUppercase { return String(text[..<i]).trimmedSpaces }
                }
            default: break
            }
            i = text.index(after: i)
        }
        var s = text.trimmedSpaces
        while let last = s.last, last == "." || last == ";" { s.removeLast() }
        return s
    }

    /// A field value as the item keeps it: without the full stop or semicolon that ended the line.
    static func fieldValue(_ text: String) -> String {
        var s = text.trimmedSpaces
        while let last = s.last, last == "." || last == ";" || last == "," || last == " " {
            // "…" and "v.v." stay: only one final mark goes.
            if s.hasSuffix("v.v.") { break }
            s.removeLast()
        }
        return s
    }
}

extension String {
    var trimmingPunctuation: String {
        var s = self
        while let l = s.last, l.isPunctuation { s.removeLast() }
        return s
    }
}
