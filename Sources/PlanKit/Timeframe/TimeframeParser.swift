import Foundation

/// Reads the timeframe phrases of Vietnamese plans (and ISO dates and ranges) into a `Timeframe`.
///
/// Day/month order is Vietnamese (dd/mm/yyyy). Real plans write a timeframe as a clause inside a
/// sentence ("Hoàn thành trong năm 2026 và vận hành thường xuyên, liên tục", "Bộ Công an tổng hợp …
/// trước ngày 31 tháng 12 năm 2025"), so the parser finds the clauses it knows, in order, and lets the
/// first one decide what the phrase means:
///
///     clause     := event | continuous | recurring | duration | window | blank
///     event      := "sau khi" | "theo tiến độ" | "theo lộ trình" | "khi có" | "kể từ" | "đến khi" | …
///     continuous := "thường xuyên" | "liên tục"
///     recurring  := ["định kỳ"] every | "định kỳ" n "tháng" | anchor-without-year every
///                   (every: hằng/hàng/mỗi năm|quý|tháng|tuần|ngày, thường niên)
///     duration   := number ["," digit] ["-" number] ("ngày" ["làm việc"] | "tháng" | "năm" | "tuần" | "giờ")
///     window     := filler* ["trước" | "từ" | "sau"] ["giai đoạn"] (range | point) ["và các năm tiếp theo"]
///     range      := point ("đến" [hết] | "-" | "tới") point  |  "từ" point "đến khi" …
///     point      := ISO date | [ngày] d/m/y | [tháng] m/y | quý q/y | n tháng đầu|cuối năm y | [năm] y
///     blank      := "…" | "..." (a form not filled in)
///
/// The first clause decides: an event makes the rest its description; continuous or recurring work
/// takes its span and repetition from the clauses after it in the same sentence; a start ("từ năm
/// 2025") becomes a range with a later deadline ("…, hoàn thành năm 2030"), continuous work with a
/// later "thường xuyên", or open-ended; a duration counts from an event unless dates follow. Clauses
/// after a deadline are remarks.
///
/// Words that only look like a timeframe are left alone: a bare number is a date only at the start of
/// the phrase or after a word that introduces one ("trước", "từ", "trong", …); a date, a marker or a
/// duration inside a sentence opens the meaning only after such a word or a verb of doing ("thực
/// hiện thường xuyên"), so a citation ("Quyết định số 12/QĐ-UBND ngày 5/5/2025"), "chi thường
/// xuyên" or "kèm theo Kế hoạch số …" stays unknown. Impossible dates are errors wherever they are
/// read.
public enum TimeframeParser {
    private struct MemoKey: Hashable {
        let text: String
        let period: ClosedRange<Int>?
    }

    /// Results by text: a plan writes the same few phrases on thousands of items.
    private static let memo = Locked<[MemoKey: Result<Timeframe, TimeframeError>]>([:])

    /// The meaning of `text`. `period` (the plan's years) supplies the year a phrase leaves out
    /// ("Tháng 12", "Quý IV"): its first year.
    public static func parse(_ text: String, period: ClosedRange<Int>? = nil) -> Result<Timeframe, TimeframeError> {
        let key = MemoKey(text: text, period: period)
        if let hit = memo.withLock({ $0[key] }) { return hit }
        let result = parseUncached(text, period: period)
        memo.withLock { m in
            if m.count > 50_000 { m.removeAll(keepingCapacity: true) }
            m[key] = result
        }
        return result
    }

    /// The kind of a phrase: `unknown` for text the grammar does not know, `invalid` for a date that
    /// cannot exist or a span that ends before it starts.
    public static func classify(_ phrase: String, period: ClosedRange<Int>?) -> TimeframeKind {
        switch parse(phrase, period: period) {
        case .success(let tf): tf.classification
        case .failure(.unparseable): .unknown
        case .failure: .invalid
        }
    }

    static func parseUncached(_ text: String, period: ClosedRange<Int>? = nil) -> Result<Timeframe, TimeframeError> {
        let normalised = VietnameseText.mayNeedNFC(Array(text.utf8)[...]) ? VietnameseText.nfc(text) : text
        var tokens = tokenize(normalised.lowercased())
        while let last = tokens.last, case .punct(let p) = last, p == "." || p == "," || p == ";" {
            tokens.removeLast()
        }
        guard !tokens.isEmpty else { return .failure(.unparseable) }
        var p = Parser(tokens: tokens, period: period)
        do {
            let result = try p.timeframe()
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
    /// The year (and for a bare day, the month) may be missing when the other end of a range, or
    /// the plan's period, supplies it.
    struct Point {
        enum Shape {
            case day(Int, Int), dayOnly(Int), month(Int), quarter(Int), half(Int), monthsFromStart(Int)
            case monthsToEnd(Int), year
        }
        var shape: Shape
        var year: Int?
        var written: String

        /// Throws `invalidDate` for what no year can make real (31/2, tháng 13, quý V) before it
        /// asks for the year, so those are errors even when the year is missing.
        func resolve(defaultYear: Int?, defaultMonth: Int? = nil) throws -> (
            start: CivilDate, end: CivilDate, granularity: Timeframe.Granularity
        ) {
            let invalid = TimeframeError.invalidDate(written)
            switch shape {
            case .day(let d, let m):
                guard (1...12).contains(m), (1...CivilDate.daysIn(month: m, year: 2000)).contains(d) else {
                    throw invalid
                }
            case .dayOnly(let d): guard (1...31).contains(d) else { throw invalid }
            case .month(let m): guard (1...12).contains(m) else { throw invalid }
            case .quarter(let q): guard (1...4).contains(q) else { throw invalid }
            case .monthsFromStart(let n), .monthsToEnd(let n): guard (1...12).contains(n) else { throw invalid }
            case .half, .year: break
            }
            guard let y = year ?? defaultYear else { throw TimeframeError.unparseable }
            func date(_ y: Int, _ m: Int, _ d: Int) throws -> CivilDate {
                guard let v = CivilDate(year: y, month: m, day: d) else { throw invalid }
                return v
            }
            func monthEnd(_ m: Int) throws -> CivilDate {
                guard let v = CivilDate.endOf(month: m, year: y) else { throw invalid }
                return v
            }
            guard (1900...2200).contains(y) else { throw invalid }
            switch shape {
            case .day(let d, let m):
                let v = try date(y, m, d)
                return (v, v, .day)
            case .dayOnly(let d):
                guard let m = defaultMonth else { throw TimeframeError.unparseable }
                let v = try date(y, m, d)
                return (v, v, .day)
            case .month(let m):
                return (try date(y, m, 1), try monthEnd(m), .month)
            case .quarter(let q):
                return (try date(y, q * 3 - 2, 1), try monthEnd(q * 3), .quarter)
            case .half(let h):
                return (try date(y, h == 1 ? 1 : 7, 1), try monthEnd(h == 1 ? 6 : 12), .half)
            case .monthsFromStart(let n):
                return (try date(y, 1, 1), try monthEnd(n), n == 6 ? .half : (n % 3 == 0 ? .quarter : .month))
            case .monthsToEnd(let n):
                return (try date(y, 13 - n, 1), try monthEnd(12), n == 6 ? .half : .year)
            case .year:
                return (try date(y, 1, 1), try date(y, 12, 31), .year)
            }
        }
    }

    /// A deadline or span found in the phrase.
    struct Span {
        var start: CivilDate?
        var end: CivilDate
        var granularity: Timeframe.Granularity
        var isRange: Bool
        var assumedYear: Int?
    }

    /// What one clause of a phrase says.
    enum Clause {
        case window(Span)
        /// From a date, no end written ("từ năm 2026", "sau năm 2028").
        case start(CivilDate, assumedYear: Int?)
        /// From a date until an event ("từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê").
        case startUntilEvent(CivilDate)
        /// "năm 2025 và các năm tiếp theo".
        case openEnded(CivilDate, assumedYear: Int?)
        case continuous
        case recurring(Recurrence)
        case event
        case duration(TimeframeDuration)
        case blank
    }

    /// A connector with nothing after it ("từ tháng 9/2021 đến"): the phrase is cut short.
    struct CutShort: Error {}

    struct Parser {
        let tokens: [Token]
        let period: ClosedRange<Int>?
        var i = 0

        init(tokens: [Token], period: ClosedRange<Int>? = nil) {
            self.tokens = tokens
            self.period = period
        }

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

        func isWord(_ w: String, at k: Int) -> Bool {
            guard k < tokens.count, case .word(let t) = tokens[k] else { return false }
            return t == w
        }

        mutating func punct(_ c: Character) -> Bool {
            if case .punct(let p) = current, p == c {
                i += 1
                return true
            }
            return false
        }

        static let everyYear: [[String]] = [["hằng", "năm"], ["hàng", "năm"], ["mỗi", "năm"], ["thường", "niên"]]
        static let everyQuarter: [[String]] = [
            ["hằng", "quý"], ["hàng", "quý"], ["mỗi", "quý"], ["hằng", "quí"], ["hàng", "quí"],
        ]
        static let everyMonth: [[String]] = [["hằng", "tháng"], ["hàng", "tháng"], ["mỗi", "tháng"]]
        static let everyWeek: [[String]] = [["hằng", "tuần"], ["hàng", "tuần"], ["mỗi", "tuần"]]
        static let everyDay: [[String]] = [["hằng", "ngày"], ["hàng", "ngày"], ["mỗi", "ngày"]]
        /// Words that tie a timeframe to an event rather than the calendar.
        static let eventMarkers: [[String]] = [
            ["sau", "khi"], ["khi", "có"], ["khi", "cần", "thiết"], ["khi", "được"], ["theo", "tiến", "độ"],
            ["theo", "lộ", "trình"], ["theo", "yêu", "cầu"], ["theo", "kế", "hoạch"], ["theo", "quy", "định"],
            ["theo", "qui", "định"], ["theo", "chỉ", "đạo"],
        ]
        /// Event words that mean a timeframe wherever they stand.
        static let untilMarkers: [[String]] = [
            ["đến", "khi"], ["tới", "khi"], ["cho", "đến", "khi"], ["thỏa", "thuận"], ["thoả", "thuận"],
        ]
        static let continuousMarkers: [[String]] = [["thường", "xuyên"], ["liên", "tục"]]
        /// Words that only introduce a date; after one, a bare number is read as a date.
        static let fillers: [[String]] = [
            ["hoàn", "thành"], ["thực", "hiện"], ["chậm", "nhất"], ["dự", "kiến"],
            ["trong", "khoảng"], ["trong"], ["vào"], ["xong"], ["là"], ["đến", "hết"], ["hết"],
        ]
        /// "Từ nay đến …": by a deadline, from no particular start.
        static let byPhrases: [[String]] = [
            ["từ", "nay", "đến", "hết"], ["từ", "nay", "đến"], ["từ", "nay", "tới"], ["từ", "nay", "cho", "đến"],
        ]
        static let openEndedTails: [[String]] = [
            ["và", "các", "năm", "tiếp", "theo"], ["và", "những", "năm", "tiếp", "theo"], ["và", "các", "năm", "sau"],
            ["trở", "đi"],
        ]

        // MARK: The phrase

        mutating func timeframe() throws -> Timeframe {
            var found: [(clause: Clause, sentence: Int)] = []
            var sentence = 0
            while i < tokens.count {
                let k = i
                let context = Context(
                    phraseStart: phraseStart(at: k), after: k > 0 ? word(at: k - 1) : nil, first: found.isEmpty,
                    recentDateWord: (max(0, k - 3)..<k).contains { Self.dateWords.contains(word(at: $0) ?? "") },
                    afterPunctuation: k > 0 && word(at: k - 1) == nil)
                if let c = try clause(context) {
                    if i == k { i += 1 }  // every clause reads a token; never loop on one that did not
                    found.append((c, sentence))
                    // What follows an event describes it: its dates and numbers are not the item's.
                    if found.count == 1 {
                        if case .event = c { break }
                        if case .startUntilEvent = c { break }
                    }
                    continue
                }
                i = k
                if case .punct(let c) = tokens[i], c == "." || c == ";" { sentence += 1 }
                i += 1
            }
            return try combine(found)
        }

        /// The meaning of the clauses found, the first deciding.
        func combine(_ found: [(clause: Clause, sentence: Int)]) throws -> Timeframe {
            guard let first = found.first else { throw TimeframeError.unparseable }
            let hasBlanks = found.contains {
                if case .blank = $0.clause { return true }
                return false
            }
            let rest = found.dropFirst().filter { $0.sentence == first.sentence }.map(\.clause)
            func firstWindow() -> Span? {
                for c in rest { if case .window(let s) = c { return s } }
                return nil
            }
            func firstRecurrence() -> Recurrence? {
                for c in rest { if case .recurring(let r) = c { return r } }
                return nil
            }
            func firstDuration() -> TimeframeDuration? {
                for c in rest { if case .duration(let d) = c { return d } }
                return nil
            }
            func due(_ s: Span, kind: Timeframe.Kind = .due) -> Timeframe {
                Timeframe(
                    kind: kind, start: s.start, end: s.end, endGranularity: s.granularity, isRange: s.isRange,
                    assumedYear: s.assumedYear)
            }
            var tf: Timeframe
            switch first.clause {
            case .event:
                tf = Timeframe(kind: .event, duration: firstDuration())
            case .startUntilEvent(let s):
                tf = Timeframe(kind: .event, start: s)
            case .blank:
                tf = Timeframe(kind: .event)
            case .duration(let d):
                if let w = firstWindow() {
                    tf = due(w)
                } else {
                    tf = Timeframe(kind: .event, duration: d)
                }
            case .continuous, .recurring:
                var r: Recurrence?
                if case .recurring(let x) = first.clause { r = x } else { r = firstRecurrence() }
                let continuous: Bool = {
                    if case .continuous = first.clause { return true }
                    return false
                }()
                tf = Timeframe(kind: continuous ? .ongoing : .periodic, every: r)
                // Its span: the first date clause after it in the sentence.
                for c in rest {
                    switch c {
                    case .window(let s):
                        tf.start = s.start
                        tf.end = s.end
                        tf.endGranularity = s.granularity
                        tf.isRange = s.isRange
                        tf.assumedYear = s.assumedYear
                    case .start(let d, let y), .openEnded(let d, let y):
                        tf.start = d
                        tf.assumedYear = y
                    default: continue
                    }
                    break
                }
            case .window(let s):
                tf = due(s)
            case .start(let d, let y):
                let later = rest.first {
                    switch $0 {
                    case .window, .continuous, .recurring: true
                    default: false
                    }
                }
                switch later {
                case .window(let w)?:
                    tf = due(
                        Span(
                            start: d, end: w.end, granularity: w.granularity, isRange: true,
                            assumedYear: y ?? w.assumedYear))
                case .continuous?:
                    tf = Timeframe(kind: .ongoing, start: d, every: firstRecurrence(), assumedYear: y)
                case .recurring(let r)?:
                    tf = Timeframe(kind: .periodic, start: d, every: r, assumedYear: y)
                default:
                    tf = Timeframe(kind: .openEnded, start: d, assumedYear: y)
                }
            case .openEnded(let d, let y):
                tf = Timeframe(kind: .openEnded, start: d, assumedYear: y)
            }
            tf.hasBlanks = hasBlanks
            return tf
        }

        /// One clause at the current token, or nil (with the position unchanged). A date that cannot
        /// exist is thrown, wherever it is.
        mutating func clause(_ context: Context) throws -> Clause? {
            if let c = try attempt({ $0.blank() }) { return c }
            if let c = try attempt({ $0.event(context) }) { return c }
            if let c = try attempt({ p in p.anyOf(Self.continuousMarkers) && context.mayOpen ? .continuous : nil }) {
                return c
            }
            if let c = try attempt({ try $0.recurring(context) }) { return c }
            if let c = try attempt({ $0.duration(context) }) { return c }
            if let c = try attempt({ try $0.window(context) }) { return c }
            return nil
        }

        /// Where a clause is, for telling a timeframe from words that only look like one: a
        /// citation's date ("Quyết định số 12/QĐ-UBND ngày 5/5/2025"), "chi thường xuyên",
        /// "kinh tế - xã hội hằng năm", "kèm theo Kế hoạch số …".
        struct Context {
            /// At the start of the phrase, of a bracket, or after a colon.
            var phraseStart: Bool
            /// The word before, if the token before is one.
            var after: String?
            /// No clause found yet: this one would decide the meaning.
            var first: Bool
            /// A word that introduces a date ("hoàn thành", "trong", "trước", …) is among the three
            /// tokens before.
            var recentDateWord: Bool
            /// Right after a comma, dash or bracket: "Thường xuyên, giai đoạn 2021 - 2025".
            var afterPunctuation: Bool

            /// Whether a marker (continuous, recurring, event) may begin the meaning here: at the start,
            /// after a verb of doing ("thực hiện thường xuyên", "triển khai theo lộ trình"), or once a
            /// clause has begun it.
            var mayOpen: Bool { phraseStart || !first || Parser.verbEndings.contains(after ?? "") }
        }

        /// Last syllables of the verbs that put a timeframe after them: thực hiện, triển khai, tiến
        /// hành, vận hành, duy trì, được, hoàn thành.
        static let verbEndings: Set<String> = ["hiện", "khai", "hành", "trì", "được", "thành"]
        /// Words after which a date written without its own introduction is still a timeframe:
        /// "hoàn thành Dự án năm 2035", "hoàn thành đầu tư giai đoạn 2026 - 2027".
        static let dateWords: Set<String> = [
            "thành", "trong", "vào", "trước", "đến", "hết", "nhất", "hiện", "khai", "từ",
        ]

        func word(at k: Int) -> String? {
            guard k >= 0, k < tokens.count, case .word(let w) = tokens[k] else { return nil }
            return w
        }

        /// The start of the phrase (after a leading dash), of a bracket, or of a labelled value.
        func phraseStart(at k: Int) -> Bool {
            if k == 0 { return true }
            guard case .punct(let c) = tokens[k - 1] else { return false }
            return c == "(" || c == ":" || (k == 1 && c == "-")
        }

        /// Runs `f`, keeping its position when it finds a clause and rewinding when it does not.
        mutating func attempt(_ f: (inout Parser) throws -> Clause?) throws -> Clause? {
            let save = i
            do {
                if let c = try f(&self) { return c }
            } catch let e as TimeframeError where e == .unparseable {
            }
            i = save
            return nil
        }

        // MARK: Clauses

        /// Dots or ellipses where a number or date belongs, with the unit after them if any.
        mutating func blank() -> Clause? {
            let before = word(at: i - 1)
            var n = 0
            var slash = false
            while case .punct(let c) = current, c == "…" || c == "." || c == "/" {
                n += c == "…" ? 3 : (c == "." ? 1 : 0)
                slash = slash || c == "/"
                i += 1
            }
            guard n >= 3 else { return nil }
            // An ellipsis ending a list ("camera, AI…") is not a blank: a blank stands where a date or
            // a number goes.
            if timeUnit() != nil || slash { return .blank }
            return ["từ", "đến", "tới", "ngày", "tháng", "năm", "trước", "quý"].contains(before ?? "") ? .blank : nil
        }

        mutating func event(_ context: Context) -> Clause? {
            if words("kể", "từ") {
                // "kể từ ngày 01/01/2026" is a start; "kể từ ngày ký hợp đồng" an event.
                let save = i
                if startsPoint(bareAllowed: true), (try? point()) != nil { return nil }
                i = save
                return .event
            }
            if anyOf(Self.untilMarkers) { return .event }
            guard context.mayOpen else { return nil }
            if anyOf(Self.eventMarkers) { return .event }
            // "Khi Bộ … triển khai" opening the phrase.
            guard context.phraseStart, words("khi"), case .word? = current else { return nil }
            return .event
        }

        mutating func everyMarker() -> Recurrence? {
            if anyOf(Self.everyYear) { return Recurrence(months: 12) }
            if anyOf(Self.everyQuarter) { return Recurrence(months: 3) }
            if anyOf(Self.everyMonth) { return Recurrence(months: 1) }
            if anyOf(Self.everyWeek) { return Recurrence(days: 7) }
            if anyOf(Self.everyDay) { return Recurrence(days: 1) }
            return nil
        }

        /// `hằng năm`, `định kỳ 6 tháng`, `định kỳ hằng quý`, and a day or months without a year
        /// before the repetition: `trước ngày 15/11 hằng năm`, `tháng 12 hằng năm`, `từ tháng 3 đến
        /// tháng 11 hằng năm`, `ngày 5 hằng tháng`.
        mutating func recurring(_ context: Context) throws -> Clause? {
            let save = i
            if let r = try anchoredRecurrence() { return .recurring(r) }
            i = save
            guard context.mayOpen else { return nil }
            let hadDinhKy = words("định", "kỳ") || words("định", "kì")
            if let r = everyMarker() { return .recurring(r) }
            if hadDinhKy, let n = smallNumber(), words("tháng") {
                _ = words("một", "lần")
                return .recurring(Recurrence(months: n))
            }
            return nil
        }

        mutating func anchoredRecurrence() throws -> Recurrence? {
            while words("trước") || words("từ") || anyOf(Self.fillers) {}
            if let r = weeklyOnADay() { return r }
            guard startsPoint(bareAllowed: true), let a = try? point(), a.year == nil else { return nil }
            var end = a
            if punct("-") || words("đến") || words("tới") {
                _ = words("hết")
                guard let b = try? point(), b.year == nil else { return nil }
                end = b
            }
            guard var r = everyMarker(), r.months > 0 else { return nil }
            let invalid = TimeframeError.invalidDate(end.written)
            switch end.shape {
            case .day(let d, let m):
                guard r.months == 12 else { return nil }
                guard CivilDate(year: 2000, month: m, day: d) != nil else { throw invalid }
                r.day = d
                r.month = m
            case .dayOnly(let d):
                guard (1...31).contains(d) else { throw invalid }
                r.day = d
            case .month(let m):
                guard r.months == 12 else { return nil }
                guard (1...12).contains(m) else { throw invalid }
                r.day = CivilDate.daysIn(month: m, year: 2001)
                r.month = m
            default: return nil
            }
            return r
        }

        /// `12h00 thứ sáu hàng tuần`, `thứ hai hằng tuần`.
        mutating func weeklyOnADay() -> Recurrence? {
            let save = i
            if case .number = current, isWord("h", at: i + 1) {
                i += 2
                if case .number = current { i += 1 }
            }
            let named = ["hai", "ba", "tư", "năm", "sáu", "bảy"]
            if words("thứ"), let w = word(at: i), named.contains(w) || w == "bẩy" {
                i += 1
            } else if !words("chủ", "nhật") {
                i = save
                return nil
            }
            guard anyOf(Self.everyWeek) else {
                i = save
                return nil
            }
            return Recurrence(days: 7)
        }

        /// `15 ngày làm việc`, `3,5 ngày`, `(17,5) ngày`, `6-8 ngày làm việc`, `36 tháng`, `03 năm`.
        mutating func duration(_ context: Context) -> Clause? {
            let paren = punct("(")
            guard var amount = decimal() else { return nil }
            if paren, !punct(")") { return nil }
            let save = i
            if punct("-"), let b = decimal() {
                amount = b
            } else {
                i = save
            }
            guard let unit = timeUnit() else { return nil }
            // "trong 10 ngày", "tối đa không quá 03 năm", "10,5 ngày làm việc", "36 tháng kể từ …"
            let introduced =
                context.phraseStart || unit == .workingDay || isWord("kể", at: i)
                || ["trong", "vòng", "gian", "quá", "đa", "khoảng"].contains(context.after ?? "")
            guard introduced || !context.first else { return nil }
            return .duration(TimeframeDuration(amount: amount, unit: unit))
        }

        mutating func decimal() -> Double? {
            guard case .number(let n, let d) = current, d <= 4 else { return nil }
            i += 1
            let save = i
            if punct(",") || punct("."), case .number(let f, 1) = current {
                i += 1
                return Double(n) + Double(f) / 10
            }
            i = save
            return Double(n)
        }

        mutating func timeUnit() -> TimeframeDuration.Unit? {
            if words("ngày") { return words("làm", "việc") ? .workingDay : .day }
            if isWord("tháng", at: i), !isWord("đầu", at: i + 1), !isWord("cuối", at: i + 1) {
                // "30 tháng 11" is a date.
                if case .number = tokens[safe: i + 1] { return nil }
                i += 1
                return .month
            }
            if isWord("năm", at: i) {
                if case .number = tokens[safe: i + 1] { return nil }
                i += 1
                return .year
            }
            if words("tuần") { return .week }
            if words("giờ") { return .hour }
            return nil
        }

        /// A deadline, a span, or a start: `hoàn thành trong tháng 9/2021`, `trước ngày 30/6/2022`,
        /// `từ tháng 9 đến tháng 12/2021`, `giai đoạn 2026 - 2030`, `từ năm 2026`, `sau năm 2028`,
        /// `năm 2025 và các năm tiếp theo`, `từ tháng 10/2025 đến khi …`.
        mutating func window(_ context: Context) throws -> Clause? {
            var introduced = false
            var before = false
            var by = false
            while true {
                if words("trước") {
                    before = true
                } else if anyOf(Self.byPhrases) {
                    by = true
                } else if !anyOf(Self.fillers) {
                    break
                }
                introduced = true
            }
            var from = false
            var after = false
            if words("sau") {
                after = true
            } else if words("từ") || words("kể", "từ") {
                from = true
                after = words("sau")
                // "từ ngày ban hành Kế hoạch …": from an event.
                if isWord("ngày", at: i), case .word? = tokens[safe: i + 1] { return .event }
            }
            introduced = introduced || from || after
            let stage = words("giai", "đoạn")
            let bareAllowed = context.phraseStart && !stage
            guard startsPoint(bareAllowed: bareAllowed || introduced || stage) else { return nil }
            // A date no word introduces, inside a sentence, is a citation's or a remark's; after the
            // clause that decides, one set off by punctuation is its span.
            if !introduced, !context.phraseStart, !context.recentDateWord, context.first || !context.afterPunctuation {
                return nil
            }
            let firstIsISO = {
                if case .iso = current { return true }
                return false
            }()
            let first = try point()
            let save = i
            let dash = punct("-")
            if dash || words("đến") || words("tới") || (firstIsISO && punct("/")) {
                _ = words("hết")
                if startsPoint(bareAllowed: true), let second = try? point() {
                    let b = try resolve(second, defaultYear: nil, defaultMonth: nil)
                    let a = try resolve(first, defaultYear: b.end.year, defaultMonth: b.end.month)
                    let span = Span(
                        start: a.start, end: b.end, granularity: b.granularity, isRange: true,
                        assumedYear: b.assumedYear ?? a.assumedYear)
                    if anyOf(Self.openEndedTails) { return .openEnded(a.start, assumedYear: span.assumedYear) }
                    return .window(span)
                }
                if atEnd, !dash { throw CutShort() }
                if from, !dash {
                    // "từ tháng 10/2025 đến khi …", "từ … đến ngày ban hành …": until an event.
                    let a = try resolve(first, defaultYear: nil)
                    return .startUntilEvent(a.start)
                }
                i = save
            }
            let a = try resolve(first, defaultYear: nil)
            if anyOf(Self.openEndedTails) { return .openEnded(a.start, assumedYear: a.assumedYear) }
            if after { return .start(a.end.adding(days: 1), assumedYear: a.assumedYear) }
            if from { return .start(a.start, assumedYear: a.assumedYear) }
            if before && a.granularity != .day {
                // "trước tháng 9/2022": by the day before September starts.
                return .window(
                    Span(
                        start: nil, end: a.start.adding(days: -1), granularity: .day, isRange: false,
                        assumedYear: a.assumedYear))
            }
            // "tháng 9/2021" is the whole of September; "30/6/2022" is one day.
            return .window(
                Span(
                    start: before || by || a.granularity == .day ? nil : a.start, end: a.end,
                    granularity: a.granularity, isRange: false, assumedYear: a.assumedYear))
        }

        /// A point's dates, the year from the plan's period when neither it nor the other end has one.
        func resolve(_ p: Point, defaultYear: Int?, defaultMonth: Int? = nil) throws -> (
            start: CivilDate, end: CivilDate, granularity: Timeframe.Granularity, assumedYear: Int?
        ) {
            if p.year == nil, defaultYear == nil, let y = period?.lowerBound {
                let r = try p.resolve(defaultYear: y, defaultMonth: defaultMonth)
                return (r.start, r.end, r.granularity, y)
            }
            let r = try p.resolve(defaultYear: defaultYear, defaultMonth: defaultMonth)
            return (r.start, r.end, r.granularity, nil)
        }

        /// Whether a point can start here: a date word or an ISO date, or a bare number where one may.
        func startsPoint(bareAllowed: Bool) -> Bool {
            switch current {
            case .iso?: return true
            case .number?: return bareAllowed
            case .word(let w)?: return ["ngày", "tháng", "quý", "quí", "năm"].contains(w)
            default: return false
            }
        }

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

        /// `/2021`, `-2021`, `năm 2021` after a month or quarter; nothing consumed when no year follows,
        /// so "tháng 11 - 12/2025" keeps its dash.
        mutating func yearSuffix() -> Int? {
            let save = i
            if punct("/") || punct("-") || words("năm"), let y = year() { return y }
            i = save
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
                let save = i
                if separator() {
                    if let m = smallNumber() {
                        let save2 = i
                        if separator(), let y = year() { return Point(shape: .day(d, m), year: y, written: written()) }
                        i = save2
                        return Point(shape: .day(d, m), year: nil, written: written())
                    }
                    i = save
                }
                if words("tháng") {
                    guard let m = smallNumber() else { throw TimeframeError.unparseable }
                    let save2 = i
                    if words("năm") || punct("/"), let y = year() {
                        return Point(shape: .day(d, m), year: y, written: written())
                    }
                    i = save2
                    return Point(shape: .day(d, m), year: nil, written: written())
                }
                return Point(shape: .dayOnly(d), year: nil, written: written())
            }
            if words("tháng") {
                guard let m = smallNumber() else { throw TimeframeError.unparseable }
                return Point(shape: .month(m), year: yearSuffix(), written: written())
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
                return Point(shape: .quarter(q), year: yearSuffix(), written: written())
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

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
