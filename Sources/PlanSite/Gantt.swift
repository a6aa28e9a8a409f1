import PlanKit

/// Where an item sits on the timeline.
enum Span: Equatable {
    /// A window with a start and an end; `continuous` for work done throughout it ("Thường xuyên").
    case range(CivilDate, CivilDate, continuous: Bool)
    /// A deadline alone.
    case milestone(CivilDate)
    /// A recurring deadline, over the years it runs.
    case recurring(CivilDate, CivilDate, [CivilDate])

    /// Nil for items the timeline cannot place: on demand, event-relative, not understood.
    static func of(_ item: SiteItem, period: PlanPeriod?) -> Span? {
        guard let tf = item.timeframe else { return item.deadline.map { .milestone($0) } }
        switch tf.kind {
        case .due:
            if let s = tf.start, let e = tf.end { return .range(s, e, continuous: false) }
            return (tf.end ?? item.deadline).map { .milestone($0) }
        case .ongoing:
            guard let s = tf.start ?? period?.start, let e = tf.end ?? period?.end, s <= e else {
                return item.deadline.map { .milestone($0) }
            }
            return .range(s, e, continuous: true)
        case .periodic:
            guard let s = tf.start ?? period?.start, let e = tf.end ?? period?.end, s <= e else { return nil }
            return .recurring(s, e, occurrences(tf.every, from: s, to: e))
        case .openEnded:
            // From its start on, drawn to the end of the plan's period.
            guard let s = tf.start, let e = period?.end, s <= e else { return item.deadline.map { .milestone($0) } }
            return .range(s, e, continuous: true)
        case .event:
            // Only when the office set a deadline with `due:`; else listed apart.
            return item.deadline.map { .milestone($0) }
        }
    }

    var bounds: (CivilDate, CivilDate) {
        switch self {
        case .range(let s, let e, _), .recurring(let s, let e, _): (s, e)
        case .milestone(let d): (d, d)
        }
    }

    /// The days a recurrence falls on between two days: its named day, else the end of every n-th month.
    static func occurrences(_ every: Recurrence?, from: CivilDate, to: CivilDate) -> [CivilDate] {
        guard let every else { return [] }
        var out: [CivilDate] = []
        if every.day != nil {
            var d = from
            while out.count < 240, let next = every.next(onOrAfter: d), next <= to {
                out.append(next)
                d = next.adding(days: 1)
            }
            return out
        }
        let step = max(1, every.months)
        var y = from.year
        var m = from.month
        while out.count < 240 {
            if m % step == 0 || (every.month != nil && m == every.month) {
                if let end = CivilDate.endOf(month: m, year: y) {
                    if end > to { break }
                    if end >= from { out.append(end) }
                }
            }
            m += 1
            if m > 12 {
                m = 1
                y += 1
            }
            if y > to.year { break }
        }
        return out
    }
}

/// The plan's timeline as inline SVG: one row per item with dates, grouped by section; today's line and the
/// report deadlines. The script of the page moves rows up when a filter hides some; without it the chart
/// reads as it is.
struct Gantt {
    let plan: SitePlan
    let today: CivilDate
    let language: Language
    let href: (SiteItem) -> String

    static let width = 1200
    static let labelWidth = 330
    static let rowHeight = 22
    static let top = 36

    /// The items drawn, by id: the count the tests compare with the bars in the browser.
    static func spans(_ plan: SitePlan) -> [String: Span] {
        var out: [String: Span] = [:]
        for item in plan.items { if let s = Span.of(item, period: plan.period) { out[item.id] = s } }
        return out
    }

    func svg() -> String {
        let spans = Self.spans(plan)
        guard !spans.isEmpty else { return "" }
        let (lo, hi) = axisRange(spans)
        let chartWidth = Double(Self.width - Self.labelWidth - 12)
        let span = Double(max(1, lo.days(until: hi)))
        func x(_ d: CivilDate) -> Double { Double(Self.labelWidth) + Double(lo.days(until: d)) / span * chartWidth }
        var rows = ""
        var y = Self.top
        var bySection: [String: [SiteItem]] = [:]
        for item in plan.items where spans[item.id] != nil { bySection[item.sectionSlug, default: []].append(item) }
        for section in plan.sections {
            guard let items = bySection[section.slug] else { continue }
            if !section.name.isEmpty {
                rows +=
                    "<g class=\"sec\" data-section=\"\(Escape.attribute(section.slug))\" transform=\"translate(0,\(y))\">"
                rows += "<text x=\"4\" y=\"16\">\(Escape.text(Self.truncate(section.name, 150)))</text></g>\n"
                y += Self.rowHeight
            }
            for item in items {
                rows += row(item, spans[item.id]!, y: y, x: x)
                y += Self.rowHeight
            }
        }
        let height = y + 6
        var out = ""
        out.reserveCapacity(rows.utf8.count + 4096)
        let label = Escape.attribute(
            fill(SiteText.timelineLabel[language], String(spans.count)))
        out += "<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(height)\""
        out += " role=\"group\" aria-label=\"\(label)\" data-top=\"\(Self.top)\" data-row=\"\(Self.rowHeight)\">\n"
        out += Self.defs
        out += axis(lo: lo, hi: hi, height: height, x: x)
        out += "<g class=\"rows\">\n" + rows + "</g>\n"
        out += markers(lo: lo, hi: hi, height: height, x: x)
        out += "</svg>\n"
        return out
    }

    /// The plan's period, the items' dates and today, widened to whole years.
    func axisRange(_ spans: [String: Span]) -> (CivilDate, CivilDate) {
        var lo = plan.period?.start ?? today
        var hi = plan.period?.end ?? today
        for s in spans.values {
            let (a, b) = s.bounds
            lo = min(lo, a)
            hi = max(hi, b)
        }
        lo = min(lo, today)
        hi = max(hi, today)
        return (CivilDate(year: lo.year, month: 1, day: 1)!, CivilDate(year: hi.year, month: 12, day: 31)!)
    }

    func row(_ item: SiteItem, _ span: Span, y: Int, x: (CivilDate) -> Double) -> String {
        let state = item.state.rawValue
        var s =
            "<g class=\"row st-\(state)\" data-item=\"\(Escape.attribute(item.id))\" transform=\"translate(0,\(y))\">"
        s += "<a href=\"\(Escape.attribute(href(item)))\">"
        let tip =
            item.label + " — " + item.title + " · " + SiteText.state(item.state)[language] + " · " + item.timeframeText
        s += "<title>\(Escape.text(tip))</title>"
        s += "<use href=\"#sh-\(state)\" x=\"4\" y=\"5\" width=\"12\" height=\"12\"/>"
        s +=
            "<text x=\"22\" y=\"15\" clip-path=\"url(#lbl)\">\(Escape.text(Self.truncate(item.label + " " + item.title, 44)))</text>"
        switch span {
        case .range(let a, let b, let continuous):
            let w = max(2, x(b.adding(days: 1)) - x(a))
            s += "<rect class=\"bar\(continuous ? " cont" : "")\" x=\"\(f(x(a)))\" y=\"5\" width=\"\(f(w))\""
            s += " height=\"12\" rx=\"2\"/>"
        case .milestone(let d):
            s += "<path class=\"bar ms\" d=\"M\(f(x(d))) 4l7 7-7 7-7-7z\"/>"
        case .recurring(let a, let b, let days):
            s += "<g class=\"bar rec\"><line x1=\"\(f(x(a)))\" x2=\"\(f(x(b)))\" y1=\"11\" y2=\"11\"/><path d=\""
            for d in days { s += "M\(f(x(d))) 5v12" }
            s += "\"/></g>"
        }
        s += "</a></g>\n"
        return s
    }

    func axis(lo: CivilDate, hi: CivilDate, height: Int, x: (CivilDate) -> Double) -> String {
        var s = "<g class=\"axis\">"
        let years = hi.year - lo.year + 1
        for year in lo.year...hi.year {
            let start = CivilDate(year: year, month: 1, day: 1)!
            let mid = CivilDate(year: year, month: 7, day: 1)!
            s +=
                "<line class=\"vl grid\" x1=\"\(f(x(start)))\" x2=\"\(f(x(start)))\" y1=\"\(Self.top - 14)\" y2=\"\(height)\"/>"
            s += "<text class=\"yr\" x=\"\(f(x(mid)))\" y=\"16\">\(year)</text>"
            // Quarters when there is room for them.
            if years <= 6 {
                for m in [4, 7, 10] {
                    let d = CivilDate(year: year, month: m, day: 1)!
                    s +=
                        "<line class=\"vl minor\" x1=\"\(f(x(d)))\" x2=\"\(f(x(d)))\" y1=\"\(Self.top - 6)\" y2=\"\(height)\"/>"
                }
            }
        }
        s += "</g>\n"
        return s
    }

    func markers(lo: CivilDate, hi: CivilDate, height: Int, x: (CivilDate) -> Double) -> String {
        var s = "<g class=\"marks\">"
        for r in plan.reports {
            // Within the report's own span (a plan's reports stop with its period).
            let from = max(lo, r.due.start ?? lo)
            let to = min(hi, r.due.end ?? hi)
            for d in from <= to ? Span.occurrences(r.due.every, from: from, to: to) : [] {
                let tip = SiteText.reportDeadline[language] + ": " + r.name + " · " + Dates.format(d, language)
                s +=
                    "<line class=\"vl rep\" x1=\"\(f(x(d)))\" x2=\"\(f(x(d)))\" y1=\"\(Self.top - 6)\" y2=\"\(height)\">"
                s += "<title>\(Escape.text(tip))</title></line>"
            }
        }
        let t = f(x(today))
        s += "<line class=\"vl today\" x1=\"\(t)\" x2=\"\(t)\" y1=\"\(Self.top - 10)\" y2=\"\(height)\"/>"
        let anchor = x(today) > Double(Self.width - 90) ? " style=\"text-anchor:end\"" : ""
        s +=
            "<text class=\"today-t\" x=\"\(t)\" y=\"30\"\(anchor)>\(Escape.text(SiteText.today[language] + " " + Dates.format(today, language)))</text>"
        s += "</g>\n"
        return s
    }

    /// The shapes of the states, drawn once and used by every row: state by shape as well as colour.
    static let defs = """
        <defs><clipPath id="lbl"><rect width="\(labelWidth - 8)" height="22"/></clipPath>\
        <symbol id="sh-overdue" viewBox="0 0 12 12"><path d="M6 0L12 11H0z"/></symbol>\
        <symbol id="sh-open" viewBox="0 0 12 12"><circle cx="6" cy="6" r="4.5" fill="none" stroke="currentColor" stroke-width="2"/></symbol>\
        <symbol id="sh-no-deadline" viewBox="0 0 12 12"><path d="M6 0l6 6-6 6-6-6z" fill="none" stroke="currentColor" stroke-width="1.6"/></symbol>\
        <symbol id="sh-done-on-time" viewBox="0 0 12 12"><circle cx="6" cy="6" r="6"/></symbol>\
        <symbol id="sh-done-late" viewBox="0 0 12 12"><rect x="1" y="1" width="10" height="10"/></symbol>\
        <symbol id="sh-cancelled" viewBox="0 0 12 12"><path d="M1 1l10 10M11 1L1 11" stroke="currentColor" stroke-width="2.4"/></symbol>\
        </defs>

        """

    static func truncate(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// `{0}`, `{1}` … replaced in one pass, so an argument's own braces stay as they are.
func fill(_ template: String, _ args: String...) -> String {
    var out = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
        out += rest[..<open]
        let after = rest[rest.index(after: open)...]
        if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n < args.count {
            out += args[n]
            rest = after[after.index(after: close)...]
        } else {
            out += "{"
            rest = after
        }
    }
    return out + rest
}

enum Dates {
    static func format(_ d: CivilDate, _ language: Language) -> String {
        language == .vi ? d.vietnamese : d.description
    }
}
