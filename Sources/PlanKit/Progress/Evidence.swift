import Foundation

/// A document cited as proof of a result: "Báo cáo số 12-BC/BTGTU ngày 10/6/2024" (Party style, number
/// and code joined by "-", type and issuer by "/") or "Công văn số 1234/UBND-VX ngày 05/3/2024" (state
/// style, number and code joined by "/", type and issuer by "-"), as Hướng dẫn 36-HD/VPTW and
/// Nghị định 30/2020/NĐ-CP write them.
public struct EvidenceDocument: Hashable, Sendable {
    public enum Style: String, Sendable { case party, state }

    /// As written.
    public let text: String
    /// "Báo cáo", "Công văn": the words before "số", else the type the code's abbreviation stands for.
    public let kind: String
    public let number: String
    /// "BC/BTGTU", "BC-UBND", "UBND-VX".
    public let code: String
    /// "BTGTU", "UBND", "UBND-VX".
    public let issuer: String
    public let style: Style
    public let date: CivilDate

    /// "Số 12-BC/BTGTU" (Party: no colon) or "Số: 12/BC-UBND" (state).
    public var numberLine: String {
        style == .party ? "Số \(number)-\(code)" : "Số: \(number)/\(code)"
    }

    /// Type abbreviations of both styles (Hướng dẫn 36-HD/VPTW, Nghị định 30/2020/NĐ-CP Phụ lục III).
    public static let kinds: [String: String] = [
        "BC": "Báo cáo", "KH": "Kế hoạch", "CV": "Công văn", "QĐ": "Quyết định", "TB": "Thông báo",
        "CT": "Chỉ thị", "NQ": "Nghị quyết", "HD": "Hướng dẫn", "TTr": "Tờ trình", "BB": "Biên bản",
        "KL": "Kết luận", "QC": "Quy chế", "QyĐ": "Quy định", "CTr": "Chương trình", "ĐA": "Đề án",
        "GM": "Giấy mời", "TT": "Thông tư", "NĐ": "Nghị định",
    ]

    public enum Failure: Error, Hashable, Sendable {
        /// No "số N-…" or "số N/…".
        case noNumber
        /// "12-BC-UBND", "12/BC/BTGTU": neither style.
        case mixedStyle(String)
        /// No "ngày d/m/yyyy".
        case noDate
        case invalidDate(String)
        /// Neither words before "số" nor a type abbreviation in the code.
        case noKind
    }

    public static func parse(_ raw: String) -> Result<EvidenceDocument, Failure> {
        let text = VietnameseText.nfc(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        let tokens = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        func bare(_ t: String) -> String { t.trimmingCharacters(in: CharacterSet(charactersIn: ":,;.")).lowercased() }
        guard let so = tokens.firstIndex(where: { bare($0) == "số" }) else { return .failure(.noNumber) }
        var i = so + 1
        if i < tokens.count, tokens[i] == ":" { i += 1 }
        guard i < tokens.count else { return .failure(.noNumber) }
        let numberCode = tokens[i].trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
        let digits = numberCode.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < numberCode.count else { return .failure(.noNumber) }
        let separator = numberCode[digits.endIndex]
        let code = String(numberCode[numberCode.index(after: digits.endIndex)...])
        guard separator == "-" || separator == "/", !code.isEmpty, code.contains(where: { $0.isLetter }),
            code.allSatisfy({ $0.isLetter || $0.isNumber || "-/.".contains($0) }),
            let codeFirst = code.first, codeFirst.isLetter || codeFirst.isNumber
        else { return .failure(.noNumber) }
        let style: Style
        var abbreviation: String?
        let issuer: String
        if separator == "-" {
            // Party: N-TYPE/ISSUER.
            let parts = code.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].contains("/") else {
                return .failure(.mixedStyle(numberCode))
            }
            style = .party
            abbreviation = parts[0]
            issuer = parts[1]
        } else {
            // State: N/TYPE-ISSUER, or N/ISSUER-UNIT for a công văn.
            guard !code.contains("/") else { return .failure(.mixedStyle(numberCode)) }
            style = .state
            let parts = code.split(separator: "-", maxSplits: 1).map(String.init)
            if parts.count == 2, kinds[parts[0]] != nil {
                abbreviation = parts[0]
                issuer = parts[1]
            } else {
                issuer = code
            }
        }
        guard let ngay = tokens[(i + 1)...].firstIndex(where: { bare($0) == "ngày" }), ngay + 1 < tokens.count else {
            return .failure(.noDate)
        }
        let date: CivilDate
        switch Self.date(Array(tokens[(ngay + 1)...])) {
        case .success(let d): date = d
        case .failure(let f): return .failure(f)
        }
        var kind = tokens[..<so].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,:"))
        if kind.isEmpty { kind = abbreviation.flatMap { kinds[$0] } ?? "" }
        guard !kind.isEmpty else { return .failure(.noKind) }
        return .success(
            EvidenceDocument(
                text: text, kind: kind, number: String(digits), code: code, issuer: issuer, style: style, date: date))
    }

    /// "10/6/2024", "05-3-2024", "2024-06-10", or "05 tháng 3 năm 2024".
    static func date(_ tokens: [String]) -> Result<CivilDate, Failure> {
        let first = tokens[0].trimmingCharacters(in: CharacterSet(charactersIn: ",;.)"))
        if let written = ProgressDate.written(first) {
            guard let d = ProgressDate.parse(written) else { return .failure(.invalidDate(written)) }
            return .success(d)
        }
        if tokens.count >= 5, tokens[1].lowercased() == "tháng", tokens[3].lowercased() == "năm",
            let d = Int(first), let m = Int(tokens[2]),
            let y = Int(tokens[4].trimmingCharacters(in: CharacterSet(charactersIn: ",;.)")))
        {
            guard let date = CivilDate(year: y, month: m, day: d) else {
                return .failure(.invalidDate(tokens[0..<5].joined(separator: " ")))
            }
            return .success(date)
        }
        return .failure(.noDate)
    }
}

/// Dates as clerks write them in progress fields: ISO (`2024-06-10`) or day/month/year (`10/6/2024`).
public enum ProgressDate {
    /// The text when it has the shape of a date (whether or not the date exists).
    static func written(_ s: String) -> String? {
        if CivilDate.parseISOParts(s) != nil { return s }
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return s
    }

    public static func parse(_ s: String) -> CivilDate? {
        let t = s.trimmingCharacters(in: .whitespaces)
        if let d = CivilDate(iso: t) { return d }
        guard written(t) != nil else { return nil }
        let n = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).compactMap { Int($0) }
        return CivilDate(year: n[2], month: n[1], day: n[0])
    }
}
