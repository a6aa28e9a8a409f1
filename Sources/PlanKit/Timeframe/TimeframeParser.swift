import Foundation

/// Reads the timeframe phrases of Vietnamese plans (and ISO dates and ranges) into a `Timeframe`.
///
/// Day/month order is Vietnamese (dd/mm/yyyy). The grammar, over words and numbers:
///
///     timeframe   := unspecified | ongoing | periodic | window
///     unspecified := "theo yêu cầu" | "khi có yêu cầu" | …
///     ongoing     := "thường xuyên" [","] [range | "trong" point] | "giai đoạn" range
///     periodic    := ["định kỳ"] every ["," range]  |  "trước" day/month every
///     window      := filler* (range | point)       (filler: hoàn thành, trong, trước, chậm nhất, …)
///     range       := ["từ"] point ("đến" | "-" | "tới") point
///     point       := ISO date | [ngày] d/m/y | [tháng] m/y | quý q/y | n tháng đầu|cuối năm y | [năm] y
public enum TimeframeParser {
    /// Results by text: a plan writes the same few phrases on thousands of items.
    private static let memo = Locked<[String: Result<Timeframe, TimeframeError>]>([:])

    public static func parse(_ text: String) -> Result<Timeframe, TimeframeError> {
        if let hit = memo.withLock({ $0[text] }) { return hit }
        let result = parseUncached(text)
        memo.withLock { m in
            if m.count > 50_000 { m.removeAll(keepingCapacity: true) }
            m[text] = result
        }
        return result
    }

    static func parseUncached(_ text: String) -> Result<Timeframe, TimeframeError> {
        let normalised = VietnameseText.mayNeedNFC(Array(text.utf8)[...]) ? VietnameseText.nfc(text) : text
        var tokens = tokenize(normalised.lowercased())
        while let last = tokens.last, case .punct(let p) = last, p == "." || p == "," || p == ";" {
            tokens.removeLast()
        }
        guard !tokens.isEmpty else { return .failure(.unparseable) }
        var p = Parser(tokens: tokens)
        do {
            let result = try p.timeframe()
            guard p.atEnd else { return .failure(.unparseable) }
            if let s = result.start, let e = result.end, s > e { return .failure(.reversed(start: s, end: e)) }
            return .success(result)
        } catch let error as TimeframeError {
            return .failure(error)
        } catch {
            return .failure(.unparseable)
        }
    }

    enum Token: Equatable {
        case word(String)
        case number(Int, digits: Int)
        case iso(Int, Int, Int)
        case punct(Character)
    }

    /// Words, numbers, ISO dates and punctuation, over Unicode scalars (the text is NFC and lower
    /// case already). Letters are ASCII letters and every non-ASCII scalar that is not punctuation,
    /// which is what Vietnamese needs without a Unicode property lookup per character.
    static func tokenize(_ s: String) -> [Token] {
        var tokens: [Token] = []
        let u = Array(s.unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
            return v >= 0xC0 && !(0x2000...0x206F).contains(v) && !(0x3000...0x303F).contains(v) && v != 0xD7
                && v != 0xF7
        }
        var i = 0
        while i < u.count {
            let c = u[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c.value == 0xA0 {
                i += 1
                continue
            }
            if isDigit(c) {
                var j = i
                var n = 0
                while j < u.count, isDigit(u[j]) {
                    n = n &* 10 &+ Int(u[j].value - 48)
                    j += 1
                }
                // ISO date: dddd-dd-dd with no spaces.
                if j - i == 4, i + 10 <= u.count, u[i + 4] == "-", u[i + 7] == "-",
                    isDigit(u[i + 5]), isDigit(u[i + 6]), isDigit(u[i + 8]), isDigit(u[i + 9]),
                    i + 10 == u.count || !isDigit(u[i + 10])
                {
                    let m = Int(u[i + 5].value - 48) * 10 + Int(u[i + 6].value - 48)
                    let d = Int(u[i + 8].value - 48) * 10 + Int(u[i + 9].value - 48)
                    tokens.append(.iso(n, m, d))
                    i += 10
                    continue
                }
                tokens.append(.number(j - i > 9 ? Int.max : n, digits: j - i))
                i = j
                continue
            }
            if isLetter(c) {
                var j = i
                while j < u.count, isLetter(u[j]) { j += 1 }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: u[i..<j])
                tokens.append(.word(String(word)))
                i = j
                continue
            }
            switch c {
            case "–", "—", "−", "‐", "‑": tokens.append(.punct("-"))
            default: tokens.append(.punct(Character(c)))
            }
            i += 1
        }
        return tokens
    }

    /// A point in time as written: its first and last day and how precisely it was written.
    /// The year may be missing when the other end of a range supplies it.
    struct Point {
        enum Shape {
            case day(Int, Int), month(Int), quarter(Int), half(Int), monthsFromStart(Int), monthsToEnd(Int), year
        }
        var shape: Shape
        var year: Int?
        var written: String

        func resolve(defaultYear: Int?) throws -> (start: CivilDate, end: CivilDate, granularity: Timeframe.Granularity)
        {
            guard let y = year ?? defaultYear else { throw TimeframeError.unparseable }
            func date(_ y: Int, _ m: Int, _ d: Int) throws -> CivilDate {
                guard let v = CivilDate(year: y, month: m, day: d) else { throw TimeframeError.invalidDate(written) }
                return v
            }
            func monthEnd(_ m: Int) throws -> CivilDate {
                guard let v = CivilDate.endOf(month: m, year: y) else { throw TimeframeError.invalidDate(written) }
                return v
            }
            guard (1900...2200).contains(y) else { throw TimeframeError.invalidDate(written) }
            switch shape {
            case .day(let d, let m):
                let v = try date(y, m, d)
                return (v, v, .day)
            case .month(let m):
                return (try date(y, m, 1), try monthEnd(m), .month)
            case .quarter(let q):
                guard (1...4).contains(q) else { throw TimeframeError.invalidDate(written) }
                return (try date(y, q * 3 - 2, 1), try monthEnd(q * 3), .quarter)
            case .half(let h):
                return (try date(y, h == 1 ? 1 : 7, 1), try monthEnd(h == 1 ? 6 : 12), .half)
            case .monthsFromStart(let n):
                guard (1...12).contains(n) else { throw TimeframeError.invalidDate(written) }
                return (try date(y, 1, 1), try monthEnd(n), n == 6 ? .half : (n % 3 == 0 ? .quarter : .month))
            case .monthsToEnd(let n):
                guard (1...12).contains(n) else { throw TimeframeError.invalidDate(written) }
                return (try date(y, 13 - n, 1), try monthEnd(12), n == 6 ? .half : .year)
            case .year:
                return (try date(y, 1, 1), try date(y, 12, 31), .year)
            }
        }
    }

    struct Parser {
        let tokens: [Token]
        var i = 0

        init(tokens: [Token]) { self.tokens = tokens }

        var atEnd: Bool { i >= tokens.count }
        var current: Token? { i < tokens.count ? tokens[i] : nil }

        /// Consumes a sequence of words when all are next.
        mutating func words(_ ws: String...) -> Bool { wordsArray(ws) }

        mutating func wordsArray(_ ws: [String]) -> Bool {
            guard i + ws.count <= tokens.count else { return false }
            for (k, w) in ws.enumerated() {
                guard case .word(let t) = tokens[i + k], t == w else { return false }
            }
            i += ws.count
            return true
        }

        mutating func anyOf(_ phrases: [[String]]) -> Bool {
            for p in phrases where wordsArray(p) { return true }
            return false
        }

        mutating func punct(_ c: Character) -> Bool {
            if case .punct(let p) = current, p == c {
                i += 1
                return true
            }
            return false
        }

        mutating func number(maxDigits: Int = 4) -> Int? {
            if case .number(let n, let d) = current, d <= maxDigits {
                i += 1
                return n
            }
            return nil
        }

        static let everyYear: [[String]] = [["hằng", "năm"], ["hàng", "năm"], ["mỗi", "năm"], ["thường", "niên"]]
        static let everyQuarter: [[String]] = [
            ["hằng", "quý"], ["hàng", "quý"], ["mỗi", "quý"], ["hằng", "quí"], ["hàng", "quí"],
        ]
        static let everyMonth: [[String]] = [["hằng", "tháng"], ["hàng", "tháng"], ["mỗi", "tháng"]]
        static let onDemand: [[String]] = [
            ["theo", "yêu", "cầu"], ["khi", "có", "yêu", "cầu"], ["khi", "có", "chỉ", "đạo"],
            ["theo", "chỉ", "đạo"], ["theo", "kế", "hoạch"], ["khi", "cần", "thiết"],
        ]
        static let fillers: [[String]] = [
            ["hoàn", "thành"], ["thực", "hiện"], ["chậm", "nhất"], ["dự", "kiến"],
            ["trong", "khoảng"], ["trong"], ["vào"], ["xong"], ["là"], ["đến", "hết"], ["hết"],
        ]

        mutating func timeframe() throws -> Timeframe {
            if anyOf(Self.onDemand) { return Timeframe(kind: .unspecified) }
            if words("thường", "xuyên") || words("liên", "tục") {
                _ = punct(",") || punct(";") || punct("-")
                if atEnd { return Timeframe(kind: .ongoing) }
                var t = try window()
                t.kind = .ongoing
                return t
            }
            if words("giai", "đoạn") {
                let r = try range()
                return Timeframe(kind: .ongoing, start: r.start, end: r.end, endGranularity: r.granularity)
            }
            if let periodic = try periodic() { return periodic }
            return try window()
        }

        /// `định kỳ 6 tháng`, `hằng năm`, `trước ngày 15/11 hằng năm`, `định kỳ hằng quý, từ năm 2021 - 2025`.
        mutating func periodic() throws -> Timeframe? {
            let save = i
            // An anchor day without a year: "trước ngày 15/11 hằng năm", "ngày 5 hằng tháng".
            var anchorDay: Int?
            var anchorMonth: Int?
            _ = words("trước")
            _ = words("ngày")
            if let d = smallNumber() {
                if punct("/") {
                    if let m = smallNumber(), !isNext(.punct("/")) {
                        anchorDay = d
                        anchorMonth = m
                    }
                } else {
                    anchorDay = d
                }
            }
            if anchorDay == nil { i = save }
            let hadDinhKy = words("định", "kỳ") || words("định", "kì")
            var months: Int?
            if anyOf(Self.everyYear) {
                months = 12
            } else if anyOf(Self.everyQuarter) {
                months = 3
            } else if anyOf(Self.everyMonth) {
                months = 1
            } else if hadDinhKy, let n = smallNumber(), words("tháng") {
                months = n
                _ = words("một", "lần")
            }
            guard let every = months, anchorMonth == nil || every == 12 else {
                i = save
                return nil
            }
            if let d = anchorDay, CivilDate(year: 2000, month: anchorMonth ?? 1, day: d) == nil {
                throw TimeframeError.invalidDate(anchorMonth.map { "\(d)/\($0)" } ?? String(d))
            }
            var t = Timeframe(kind: .periodic, every: Recurrence(months: every, day: anchorDay, month: anchorMonth))
            _ = punct(",") || punct(";") || punct("-")
            if !atEnd {
                _ = words("giai", "đoạn") || words("trong")
                let r = try range()
                t.start = r.start
                t.end = r.end
                t.endGranularity = r.granularity
            }
            return t
        }

        /// A due date or a range, after the words that only introduce it.
        mutating func window() throws -> Timeframe {
            var before = false
            while true {
                if words("trước") {
                    before = true
                    continue
                }
                if anyOf(Self.fillers) { continue }
                break
            }
            _ = words("giai", "đoạn")
            let r = try range()
            if !r.isRange {
                if before && r.granularity != .day {
                    // "trước tháng 9/2022": by the day before September starts.
                    return Timeframe(kind: .due, end: r.start.adding(days: -1), endGranularity: .day)
                }
                // "tháng 9/2021" is the whole of September; "30/6/2022" is one day.
                return Timeframe(
                    kind: .due, start: before || r.granularity == .day ? nil : r.start,
                    end: r.end, endGranularity: r.granularity)
            }
            return Timeframe(kind: .due, start: r.start, end: r.end, endGranularity: r.granularity)
        }

        /// One point, or `[từ] point (đến | - | tới) point`. A point missing its year takes the other end's.
        mutating func range() throws -> (
            start: CivilDate, end: CivilDate, granularity: Timeframe.Granularity, isRange: Bool
        ) {
            _ = words("từ")
            let firstIsISO = {
                if case .iso = current { return true }
                return false
            }()
            let first = try point()
            let save = i
            if punct("-") || words("đến") || words("tới") || (firstIsISO && punct("/")) {
                _ = words("hết")
                if let second = try? point() {
                    let b = try second.resolve(defaultYear: nil)
                    let a = try first.resolve(defaultYear: b.start.year)
                    return (a.start, b.end, b.granularity, true)
                }
                i = save
            }
            let a = try first.resolve(defaultYear: nil)
            return (a.start, a.end, a.granularity, false)
        }

        func isNext(_ t: Token) -> Bool { current == t }

        /// A number of one or two digits (day, month, count).
        mutating func smallNumber() -> Int? {
            if case .number(let n, let d) = current, d <= 2 {
                i += 1
                return n
            }
            return nil
        }

        mutating func anyNumber() -> (value: Int, digits: Int)? {
            if case .number(let n, let d) = current {
                i += 1
                return (n, d)
            }
            return nil
        }

        mutating func year() -> Int? {
            if case .number(let n, 4) = current {
                i += 1
                return n
            }
            return nil
        }

        mutating func point() throws -> Point {
            let start = i
            func written() -> String {
                var out = ""
                for t in tokens[start..<i] {
                    switch t {
                    case .word(let w): out += (out.isEmpty || out.hasSuffix("/") ? "" : " ") + w
                    case .number(let n, _): out += (out.isEmpty || out.hasSuffix("/") ? "" : " ") + String(n)
                    case .iso(let y, let m, let d): out += String(format: "%04d-%02d-%02d", y, m, d)
                    case .punct(let c): out += String(c)
                    }
                }
                return out
            }
            func separator() -> Bool { punct("/") || punct("-") || punct(".") }
            if case .iso(let y, let m, let d) = current {
                i += 1
                return Point(shape: .day(d, m), year: y, written: written())
            }
            if words("ngày") {
                guard let d = smallNumber() else { throw TimeframeError.unparseable }
                if separator() {
                    guard let m = smallNumber() else { throw TimeframeError.unparseable }
                    let y = separator() ? year() : nil
                    return Point(shape: .day(d, m), year: y, written: written())
                }
                guard words("tháng"), let m = smallNumber() else { throw TimeframeError.unparseable }
                let y = (words("năm") || punct("/")) ? year() : nil
                return Point(shape: .day(d, m), year: y, written: written())
            }
            if words("tháng") {
                guard let m = smallNumber() else { throw TimeframeError.unparseable }
                let y = (punct("/") || punct("-") || words("năm")) ? year() : nil
                return Point(shape: .month(m), year: y, written: written())
            }
            if words("quý") || words("quí") {
                var q: Int?
                if case .word(let w) = current, let r = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5][w] {
                    q = r
                    i += 1
                } else {
                    q = smallNumber()
                }
                guard let q else { throw TimeframeError.unparseable }
                let y = (punct("/") || punct("-") || words("năm")) ? year() : nil
                return Point(shape: .quarter(q), year: y, written: written())
            }
            if words("năm") {
                guard let y = year() else { throw TimeframeError.unparseable }
                return Point(shape: .year, year: y, written: written())
            }
            guard let (n, digits) = anyNumber() else { throw TimeframeError.unparseable }
            if digits == 4 { return Point(shape: .year, year: n, written: written()) }
            guard digits <= 2 else { throw TimeframeError.unparseable }
            if words("tháng") {
                // "6 tháng đầu năm 2022", "3 tháng cuối năm 2022"
                let fromStart = words("đầu")
                guard fromStart || words("cuối") else { throw TimeframeError.unparseable }
                _ = words("năm")
                guard let y = year() else { throw TimeframeError.unparseable }
                if n == 6 { return Point(shape: .half(fromStart ? 1 : 2), year: y, written: written()) }
                return Point(shape: fromStart ? .monthsFromStart(n) : .monthsToEnd(n), year: y, written: written())
            }
            guard separator(), let (b, bDigits) = anyNumber() else { throw TimeframeError.unparseable }
            if bDigits == 4 { return Point(shape: .month(n), year: b, written: written()) }
            guard bDigits <= 2 else { throw TimeframeError.unparseable }
            let save = i
            if separator(), let y = year() { return Point(shape: .day(n, b), year: y, written: written()) }
            i = save
            return Point(shape: .day(n, b), year: nil, written: written())
        }
    }
}
