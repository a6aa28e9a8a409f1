/// Fields a task writes inside its own paragraph instead of on lines below it:
///
/// - in parentheses at its end: "… (Cơ quan chủ trì: Sở A; phối hợp: Sở B; thời gian: Quý II/2026).",
///   "… (Sở A chủ trì, phối hợp với Sở B; hoàn thành trước ngày 30/9/2026).";
/// - as sentences after it, labelled or not: "… của tỉnh. Chủ trì: Sở A; phối hợp: Sở B; thời gian: năm
///   2026.", "… của tỉnh. Sở A chủ trì, phối hợp với Sở B thực hiện; hoàn thành trong năm 2026."
///
/// (`paragraph` reads the same sentences written as a paragraph of their own under the task.)
///
/// Every clause of the group must read as a field, and one of them must be a lead or a timeframe, or the
/// paragraph is left as written: a parenthesis that explains ("(sau đây gọi là Đề án)") is no field.
enum InlineFields {
    struct Split: Equatable {
        /// The paragraph without its fields.
        var text: String
        var fields: [Outline.Field]
    }

    static func split(_ text: String) -> Split? {
        parenthesised(text) ?? labelled(text)
    }

    /// A closing group in parentheses, the full stop after it kept with the text.
    private static func parenthesised(_ text: String) -> Split? {
        var end = text.endIndex
        var tail = ""
        while end > text.startIndex, let c = text[text.index(before: end)...].first, ".;, ".contains(c) {
            end = text.index(before: end)
            if c != " " { tail = String(c) + tail }
        }
        guard end > text.startIndex, text[text.index(before: end)] == ")" else { return nil }
        let close = text.index(before: end)
        var depth = 0
        var open: String.Index?
        var k = close
        while true {
            let c = text[k]
            if c == ")" { depth += 1 }
            if c == "(" {
                depth -= 1
                if depth == 0 {
                    open = k
                    break
                }
            }
            if k == text.startIndex { break }
            k = text.index(before: k)
        }
        guard let open, open > text.startIndex else { return nil }
        let inner = text[text.index(after: open)..<close]
        guard let fields = clauses(String(inner)) else { return nil }
        let before = text[..<open].trimmedSpaces
        // "1. Sở Tài chính (cơ quan chủ trì)" heads a unit's duties: it is not a task.
        guard !before.isEmpty, !UnitNames.namesOnly(before) else { return nil }
        return Split(text: before + tail, fields: fields)
    }

    /// Sentences after the task that only assign it: labelled ("Chủ trì: Sở A; thời gian: năm 2026")
    /// or not ("Sở A chủ trì, phối hợp với Sở B thực hiện; hoàn thành trong năm 2026").
    private static func labelled(_ text: String) -> Split? {
        var search = text.startIndex
        while let stop = text[search...].firstIndex(where: { $0 == "." || $0 == ";" }) {
            search = text.index(after: stop)
            let after = text[search...].drop(while: { $0 == " " })
            guard after.startIndex > search, let fields = paragraph(String(after)) else { continue }
            return Split(text: text[...stop].trimmedSpaces, fields: fields)
        }
        return nil
    }

    /// A paragraph that only assigns the task before it: it starts with a lead, partner or timeframe
    /// label and its colon, or with a unit that leads ("Sở A chủ trì, …"), and every clause is a field.
    static func paragraph(_ text: String) -> [Outline.Field]? {
        let t = Substring(text)
        if let l = label(t), l.colon, [.lead, .support, .timeframe].contains(l.field) {
            return clauses(text)
        }
        guard UnitNames.startsLikeUnit(text), let fields = clauses(text),
            fields.first?.field == .lead
        else { return nil }
        return fields
    }

    /// The fields of a group's clauses (split at semicolons outside parentheses), or nil when one does
    /// not read as a field or none gives a lead or a timeframe.
    private static func clauses(_ group: String) -> [Outline.Field]? {
        var fields: [Outline.Field] = []
        for clause in topLevel(group).flatMap(sentences) {
            let c = ImportText.fieldValue(clause)
            guard !c.isEmpty else { continue }
            if let l = label(Substring(c)), l.colon, l.field != .content {
                fields.append(Outline.Field(field: l.field, label: l.label, value: l.value))
            } else if let named = leadAndPartners(c) {
                fields += named
            } else if isTimeframe(c) {
                fields.append(Outline.Field(field: .timeframe, label: "Thời gian", value: c))
            } else {
                return nil
            }
        }
        guard fields.contains(where: { $0.field == .lead || $0.field == .timeframe }) else { return nil }
        return fields
    }

    /// A clause cut where a sentence ends and a labelled one starts ("Chủ trì: Sở A. Phối hợp: Sở B").
    private static func sentences(_ clause: String) -> [String] {
        var out: [String] = []
        var rest = Substring(clause)
        var search = rest.startIndex
        while let stop = rest[search...].firstIndex(of: ".") {
            let after = rest[rest.index(after: stop)...].drop(while: { $0 == " " })
            if after.startIndex > rest.index(after: stop), let l = label(after), l.colon {
                out.append(String(rest[..<stop]))
                rest = after
                search = rest.startIndex
            } else {
                search = rest.index(after: stop)
            }
        }
        out.append(String(rest))
        return out
    }

    private static func topLevel(_ s: String) -> [String] {
        var out: [String] = []
        var depth = 0
        var current = ""
        for c in s {
            if c == "(" { depth += 1 }
            if c == ")" { depth = max(0, depth - 1) }
            if c == ";" && depth == 0 {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current)
        return out.map(\.trimmedSpaces)
    }

    /// A field label at the start, in either case, with or without its colon.
    private static func label(_ s: Substring) -> (field: ImportField, label: String, value: String, colon: Bool)? {
        guard let l = ImportText.leadingLabel(s, anyCase: true) else { return nil }
        let value = ImportText.fieldValue(String(l.after))
        return value.isEmpty ? nil : (l.field, String(l.label), value, l.colon)
    }

    /// The verbs that may close an assignment ("Sở A chủ trì thực hiện"), longest first.
    private static let verbs = [" tổ chức thực hiện", " triển khai thực hiện", " thực hiện", " triển khai"]

    /// Words that name a role, not a unit: "(cơ quan chủ trì)".
    private static let generic: Set<String> = ["cơ quan", "đơn vị", "cơ quan, đơn vị", "bộ, ngành", "sở, ngành"]

    /// "Sở A chủ trì", "Sở A chủ trì, phối hợp với Sở B", "Sở A chủ trì thực hiện", "Sở B phối hợp",
    /// "phối hợp với Sở B".
    private static func leadAndPartners(_ c: String) -> [Outline.Field]? {
        func trimmed(_ s: Substring) -> String {
            var t = s.trimmedSpaces
            for v in verbs where t.hasSuffix(v) { t = String(t.dropLast(v.count)) }
            return ImportText.fieldValue(t)
        }
        func partners(_ s: Substring) -> String? {
            var t = s.drop(while: { $0 == " " || $0 == "," })
            guard t.hasPrefix("phối hợp") else { return nil }
            t = t.dropFirst("phối hợp".count).drop(while: { $0 == " " })
            if t.hasPrefix("với ") { t = t.dropFirst(4) }
            let names = trimmed(t)
            return UnitNames.namesOnly(names) ? names : nil
        }
        if let r = c.range(of: " chủ trì") {
            let lead = String(c[..<r.lowerBound]).trimmedSpaces
            guard UnitNames.namesOnly(lead), !generic.contains(lead.lowercased()) else { return nil }
            var rest = c[r.upperBound...]
            for v in verbs where rest.hasPrefix(v) {
                rest = rest.dropFirst(v.count)
            }
            var out = [Outline.Field(field: .lead, label: "chủ trì", value: lead)]
            if rest.trimmedSpaces.isEmpty { return out }
            guard let names = partners(rest) else { return nil }
            out.append(Outline.Field(field: .support, label: "phối hợp", value: names))
            return out
        }
        if c.hasPrefix("phối hợp"), let names = partners(Substring(c)) {
            return [Outline.Field(field: .support, label: "phối hợp", value: names)]
        }
        if let r = c.range(of: " phối hợp"), trimmed(c[r.upperBound...]).isEmpty {
            let names = String(c[..<r.lowerBound]).trimmedSpaces
            guard UnitNames.namesOnly(names) else { return nil }
            return [Outline.Field(field: .support, label: "phối hợp", value: names)]
        }
        return nil
    }

    /// A timeframe written without its label: it must start as one and read as one.
    private static func isTimeframe(_ c: String) -> Bool {
        let starts = [
            "hoàn thành", "thời gian", "thời hạn", "trước ngày", "trước tháng", "trước quý", "trong năm", "trong quý",
            "trong tháng", "năm 20", "quý ", "tháng ", "thường xuyên", "hằng năm", "hàng năm", "định kỳ", "giai đoạn",
            "từ năm", "từ tháng", "từ ngày",
        ]
        let lower = c.lowercased()
        guard starts.contains(where: { lower.hasPrefix($0) }) || lower.first?.isNumber == true else { return false }
        guard case .success = TimeframeParser.parse(c) else { return false }
        return true
    }
}
