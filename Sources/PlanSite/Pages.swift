import Foundation
import PlanKit

/// Addresses of the pages, relative to the site's root. They depend only on slugs, so a link in a mail
/// keeps working as long as the item's id or the unit's registry id stays.
enum Paths {
    static let index = "index.html"
    static func plan(_ p: SitePlan) -> String { "plans/\(p.slug)/index.html" }
    static func item(_ planSlug: String, _ i: SiteItem) -> String { "plans/\(planSlug)/\(i.slug).html" }
    static func unit(_ u: SiteUnit) -> String { "units/\(u.slug).html" }
    static let css = "assets/site.css"
    static let script = "assets/site.js"
}

/// The headline figures of a plan.
public struct PlanFigures: Sendable, Equatable {
    public var total = 0
    /// Deadlines on or before today, cancelled items left out.
    public var dueByToday = 0
    /// Of those, done on time.
    public var doneOnTime = 0
    public var overdue = 0
    /// Open items due from today to 30 days on.
    public var dueSoon = 0

    public init(items: [SiteItem], today: CivilDate) {
        let soon = today.adding(days: 30)
        for i in items {
            total += 1
            if i.state == .overdue { overdue += 1 }
            if i.state == .open, let d = i.deadline, d >= today, d <= soon { dueSoon += 1 }
            guard let d = i.deadline, d <= today, i.state != .cancelled else { continue }
            dueByToday += 1
            if i.state == .doneOnTime { doneOnTime += 1 }
        }
    }

    /// Whole percent, nil when nothing is due yet.
    public var onTimePercent: Int? {
        dueByToday == 0 ? nil : Int((Double(doneOnTime) * 100 / Double(dueByToday)).rounded())
    }
}

/// Renders the pages of a model. Every user text goes through `Escape`; bodies through `MarkdownBody`.
struct Pages {
    /// Without leading and trailing white space (Unicode's, as Foundation's `whitespacesAndNewlines`),
    /// in Swift: Foundation's trimming goes through UTF-16 and costs seconds over ten thousand bodies.
    static func trimmed(_ s: String) -> String {
        // Foundation counts the zero-width space too.
        func space(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || c.value == 0x200B }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !space($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !space($0) })!
        return String(scalars[first...last])
    }

    let model: SiteModel
    let language: Language
    /// Items by id, with their plan's slug, for links between items.
    let itemsByID: [String: (plan: String, item: SiteItem)]

    /// Part of every page's fingerprint (`SitePage.fingerprint`): a site written by an older `plan` is
    /// made again by a newer one in any case, as the writer adds the program's own identity.
    static let version = "plan-site-pages 1"

    init(model: SiteModel) {
        self.model = model
        language = model.language
        var byID: [String: (String, SiteItem)] = [:]
        for p in model.plans { for i in p.items where byID[i.id] == nil { byID[i.id] = (p.slug, i) } }
        itemsByID = byID
    }

    func t(_ text: Localized) -> String { text[language] }
    func date(_ d: CivilDate) -> String { Dates.format(d, language) }

    // MARK: Layout

    func layout(title: String, root: String, crumbs: [(String, String)], body: String) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(Escape.text(title))</title>\n"
        s += "<link rel=\"stylesheet\" href=\"\(root)\(Paths.css)\">\n"
        s += "<script src=\"\(root)\(Paths.script)\" defer></script>\n</head>\n<body>\n"
        s += "<a class=\"skip\" href=\"#main\">\(t(SiteText.skip))</a>\n"
        s += "<header class=\"top\"><nav aria-label=\"\(Escape.attribute(t(SiteText.breadcrumb)))\"><ol>"
        s += "<li><a href=\"\(root)\(Paths.index)\">\(t(SiteText.siteTitle))</a></li>"
        for (n, (label, href)) in crumbs.enumerated() {
            let current = n == crumbs.count - 1 ? " aria-current=\"page\"" : ""
            s += "<li><a href=\"\(root)\(Escape.attribute(href))\"\(current)>\(Escape.text(label))</a></li>"
        }
        s += "</ol></nav></header>\n<main id=\"main\">\n" + body + "</main>\n"
        s += "<footer><p>\(Escape.text(fill(t(SiteText.generated), date(model.today))))</p></footer>\n"
        s += "</body>\n</html>\n"
        return s
    }

    func badge(_ state: ProgressState) -> String {
        "<span class=\"st st-\(state.rawValue)\">\(Escape.text(t(SiteText.state(state))))</span>"
    }

    func unitLink(_ u: SiteUnit?, root: String) -> String {
        guard let u else { return "—" }
        return "<a href=\"\(root)\(Paths.unit(u))\">\(Escape.text(u.name))</a>"
    }

    func itemLink(_ planSlug: String, _ i: SiteItem, root: String, text: String? = nil) -> String {
        "<a href=\"\(root)\(Paths.item(planSlug, i))\">\(Escape.text(text ?? i.title.ifEmpty(i.label)))</a>"
    }

    // MARK: Index

    func index() -> String {
        var b = "<h1>\(t(SiteText.siteTitle))</h1>\n"
        b += "<table class=\"list\"><caption class=\"sr\">\(t(SiteText.plans))</caption><thead><tr>"
        b += "<th scope=\"col\">\(t(SiteText.colPlan))</th><th scope=\"col\" class=\"n\">\(t(SiteText.items))</th>"
        b += "<th scope=\"col\" class=\"n\">\(t(SiteText.dueByToday))</th>"
        b += "<th scope=\"col\" class=\"n\">\(t(SiteText.doneOnTimeShare))</th>"
        b +=
            "<th scope=\"col\" class=\"n\">\(t(SiteText.overdue))</th><th scope=\"col\" class=\"n\">\(t(SiteText.dueSoon))</th>"
        b += "</tr></thead><tbody>\n"
        for p in model.plans {
            let f = PlanFigures(items: p.items, today: model.today)
            b += "<tr><th scope=\"row\"><a href=\"\(Paths.plan(p))\">\(Escape.text(p.title))</a>"
            b += "<br><span class=\"muted\">\(Escape.text(p.id))</span></th>"
            b += "<td class=\"n\">\(f.total)</td><td class=\"n\">\(f.dueByToday)</td>"
            b += "<td class=\"n\">\(f.onTimePercent.map { "\($0) %" } ?? "—")</td>"
            b += "<td class=\"n\">\(f.overdue)</td><td class=\"n\">\(f.dueSoon)</td></tr>\n"
        }
        b += "</tbody></table>\n"
        b +=
            "<h2>\(t(SiteText.units))</h2>\n<table class=\"list\"><thead><tr><th scope=\"col\">\(t(SiteText.units))</th>"
        b +=
            "<th scope=\"col\" class=\"n\">\(fill(t(SiteText.asLead), "").replacingOccurrences(of: " ()", with: ""))</th>"
        b +=
            "<th scope=\"col\" class=\"n\">\(fill(t(SiteText.asSupport), "").replacingOccurrences(of: " ()", with: ""))</th>"
        b += "<th scope=\"col\" class=\"n\">\(t(SiteText.overdue))</th></tr></thead><tbody>\n"
        var lead: [String: Int] = [:]
        var support: [String: Int] = [:]
        var overdue: [String: Int] = [:]
        for i in model.items {
            if let l = i.lead {
                lead[l.slug, default: 0] += 1
                if i.state == .overdue { overdue[l.slug, default: 0] += 1 }
            }
            for u in i.support { support[u.slug, default: 0] += 1 }
        }
        for u in model.units {
            b += "<tr><th scope=\"row\">\(unitLink(u, root: ""))</th><td class=\"n\">\(lead[u.slug] ?? 0)</td>"
            b += "<td class=\"n\">\(support[u.slug] ?? 0)</td><td class=\"n\">\(overdue[u.slug] ?? 0)</td></tr>\n"
        }
        b += "</tbody></table>\n"
        return layout(title: t(SiteText.siteTitle), root: "", crumbs: [], body: b)
    }

    // MARK: Plan

    func plan(_ p: SitePlan) -> String {
        let root = "../../"
        let today = model.today
        let f = PlanFigures(items: p.items, today: today)
        var b = "<h1>\(Escape.text(p.title))</h1>\n<p class=\"meta\">"
        if let issuer = p.issuer { b += "\(t(SiteText.issuer)): \(Escape.text(issuer)) · " }
        if let period = p.period { b += "\(t(SiteText.period)): \(Escape.text(period.description)) · " }
        b += "<span class=\"muted\">\(Escape.text(p.id))</span></p>\n"

        // Headline figures.
        b += "<section aria-labelledby=\"h-fig\"><h2 id=\"h-fig\">\(t(SiteText.figures))</h2>\n<dl class=\"figures\">"
        b += "<div><dt>\(t(SiteText.items))</dt><dd>\(f.total)</dd></div>"
        b += "<div><dt>\(t(SiteText.dueByToday))</dt><dd>\(f.dueByToday)</dd></div>"
        b += "<div><dt>\(t(SiteText.doneOnTimeShare))</dt><dd>\(f.onTimePercent.map { "\($0) %" } ?? "—")"
        b += "<small>\(fill(t(SiteText.ofDue), String(f.doneOnTime), String(f.dueByToday)))</small></dd></div>"
        b += "<div class=\"warn\"><dt>\(t(SiteText.overdue))</dt><dd><a href=\"#overdue\">\(f.overdue)</a></dd></div>"
        b += "<div><dt>\(t(SiteText.dueSoon))</dt><dd><a href=\"#upcoming\">\(f.dueSoon)</a></dd></div>"
        let next = p.reports.compactMap { r in r.due.nextOccurrence(onOrAfter: today).map { (r.name, $0) } }
            .min { $0.1 < $1.1 }
        if let next {
            b += "<div><dt>\(t(SiteText.nextReport))</dt><dd class=\"d\">\(date(next.1))"
            b += "<small>\(Escape.text(next.0))</small></dd></div>"
        }
        b += "</dl></section>\n"

        b += matrix(p)

        // Timeline.
        let gantt = Gantt(plan: p, today: today, language: language) {
            Paths.item(p.slug, $0).dropPrefix("plans/\(p.slug)/")
        }
        let svg = gantt.svg()
        b += "<section aria-labelledby=\"h-tl\" class=\"timeline\"><h2 id=\"h-tl\">\(t(SiteText.timeline))</h2>\n"
        if svg.isEmpty {
            b += "<p>\(t(SiteText.none))</p>"
        } else {
            b += "<div class=\"gantt-box\">" + svg + "</div>\n" + legend()
        }
        b += "</section>\n"

        let soon = today.adding(days: 30)
        let overdue = p.items.filter { $0.state == .overdue }.sorted { ($0.deadline!, $0.id) < ($1.deadline!, $1.id) }
        let upcoming = p.items.filter { i in
            guard i.state == .open, let d = i.deadline else { return false }
            return d >= today && d <= soon
        }.sorted { ($0.deadline!, $0.id) < ($1.deadline!, $1.id) }
        b +=
            "<section aria-labelledby=\"overdue\"><h2 id=\"overdue\">\(t(SiteText.overdueList)) (\(overdue.count))</h2>\n"
        b += dueList(overdue, planSlug: p.slug) { fill(t(SiteText.daysLate), String($0.days(until: today))) }
        b +=
            "</section>\n<section aria-labelledby=\"upcoming\"><h2 id=\"upcoming\">\(t(SiteText.upcomingList)) (\(upcoming.count))</h2>\n"
        b += dueList(upcoming, planSlug: p.slug) { fill(t(SiteText.inDays), String(today.days(until: $0))) }
        b += "</section>\n"

        b += itemsTable(p)

        let spans = Gantt.spans(p)
        let undated = p.items.filter { spans[$0.id] == nil }
        b +=
            "<section aria-labelledby=\"h-undated\"><h2 id=\"h-undated\">\(t(SiteText.undated)) (\(undated.count))</h2>\n"
        b += "<p class=\"muted\">\(t(SiteText.undatedNote))</p>\n"
        if undated.isEmpty {
            b += "<p>\(t(SiteText.none))</p>\n"
        } else {
            b += "<ul class=\"due\">"
            for i in undated {
                b += "<li>\(Escape.text(i.label)) \(itemLink(p.slug, i, root: "../../")) — \(unitLinkLocal(i.lead)): "
                b += "<q>\(Escape.text(i.timeframeText.ifEmpty("—")))</q></li>\n"
            }
            b += "</ul>\n"
        }
        b += "</section>\n"
        b += recentChanges(p)
        return layout(title: p.title, root: root, crumbs: [(p.id, Paths.plan(p))], body: b)
    }

    /// Unit links from a plan page (two folders down).
    func unitLinkLocal(_ u: SiteUnit?) -> String { unitLink(u, root: "../../") }

    func matrix(_ p: SitePlan) -> String {
        let states = ProgressState.allCases
        var counts: [String: [ProgressState: Int]] = [:]
        var leads: [SiteUnit] = []
        var noLead = false
        for i in p.items {
            let key = i.lead?.slug ?? ""
            if let l = i.lead, counts[key] == nil { leads.append(l) }
            if i.lead == nil { noLead = true }
            counts[key, default: [:]][i.state, default: 0] += 1
        }
        let order = model.units.map(\.slug)
        leads.sort { (order.firstIndex(of: $0.slug) ?? .max) < (order.firstIndex(of: $1.slug) ?? .max) }
        var b = "<section aria-labelledby=\"h-mx\"><h2 id=\"h-mx\">\(t(SiteText.matrix))</h2>\n<div class=\"scroll\">"
        b += "<table class=\"matrix\"><caption>\(t(SiteText.matrixCaption))</caption><thead><tr>"
        b += "<th scope=\"col\">\(t(SiteText.colLead))</th>"
        for s in states { b += "<th scope=\"col\" class=\"n\">\(badge(s))</th>" }
        b += "<th scope=\"col\" class=\"n\">\(t(SiteText.total))</th></tr></thead><tbody>\n"
        var rows: [(String, String, String)] = leads.map { ($0.slug, unitLinkLocal($0), $0.slug) }
        if noLead { rows.append(("", "—", "")) }
        var totals: [ProgressState: Int] = [:]
        for (key, label, filter) in rows {
            b += "<tr><th scope=\"row\">\(label)</th>"
            var sum = 0
            for s in states {
                let n = counts[key]?[s] ?? 0
                sum += n
                totals[s, default: 0] += n
                if n == 0 || filter.isEmpty {
                    b += "<td class=\"n\">\(n == 0 ? "·" : String(n))</td>"
                } else {
                    b +=
                        "<td class=\"n\"><a href=\"#unit=\(Escape.attribute(filter))&amp;state=\(s.rawValue)\">\(n)</a></td>"
                }
            }
            b += "<td class=\"n\">\(sum)</td></tr>\n"
        }
        b += "</tbody><tfoot><tr><th scope=\"row\">\(t(SiteText.total))</th>"
        for s in states { b += "<td class=\"n\">\(totals[s] ?? 0)</td>" }
        b += "<td class=\"n\">\(p.items.count)</td></tr></tfoot></table></div></section>\n"
        return b
    }

    func legend() -> String {
        var b = "<ul class=\"legend\">"
        b +=
            "<li><svg viewBox=\"0 0 28 14\" aria-hidden=\"true\"><rect class=\"lg\" x=\"1\" y=\"2\" width=\"26\" height=\"10\" rx=\"2\"/></svg>\(t(SiteText.legendRange))</li>"
        b +=
            "<li><svg viewBox=\"0 0 28 14\" aria-hidden=\"true\"><path class=\"lg\" d=\"M14 0l7 7-7 7-7-7z\"/></svg>\(t(SiteText.legendMilestone))</li>"
        b +=
            "<li><svg viewBox=\"0 0 28 14\" aria-hidden=\"true\"><rect class=\"lg cont\" x=\"1\" y=\"2\" width=\"26\" height=\"10\" rx=\"2\"/></svg>\(t(SiteText.legendOngoing))</li>"
        b +=
            "<li><svg viewBox=\"0 0 28 14\" aria-hidden=\"true\"><path class=\"lg rec\" d=\"M1 7h26M4 2v10M14 2v10M24 2v10\"/></svg>\(t(SiteText.legendPeriodic))</li>"
        b +=
            "<li><svg viewBox=\"0 0 28 14\" aria-hidden=\"true\"><path class=\"lg today\" d=\"M14 0v14\"/></svg>\(t(SiteText.today))</li>"
        b +=
            "<li><svg viewBox=\"0 0 28 14\" aria-hidden=\"true\"><path class=\"lg rep\" d=\"M14 0v14\"/></svg>\(t(SiteText.reportDeadline))</li>"
        for s in ProgressState.allCases { b += "<li>\(badge(s))</li>" }
        b += "</ul>\n"
        return b
    }

    func dueList(_ items: [SiteItem], planSlug: String, note: (CivilDate) -> String) -> String {
        guard !items.isEmpty else { return "<p>\(t(SiteText.none))</p>\n" }
        var b = "<ul class=\"due\">"
        for i in items {
            b +=
                "<li><span class=\"d\">\(date(i.deadline!))</span> \(Escape.text(i.label)) \(itemLink(planSlug, i, root: "../../"))"
            b += " — \(unitLinkLocal(i.lead)) <span class=\"muted\">(\(Escape.text(note(i.deadline!))))</span></li>\n"
        }
        return b + "</ul>\n"
    }

    func itemsTable(_ p: SitePlan) -> String {
        var b = "<section aria-labelledby=\"h-all\"><h2 id=\"h-all\">\(t(SiteText.allItems)) (\(p.items.count))</h2>\n"
        b +=
            "<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"\(Escape.attribute(t(SiteText.filters)))\" hidden"
        b += " data-shown=\"\(Escape.attribute(t(SiteText.shown)))\">\n"
        var leads: [SiteUnit] = []
        for i in p.items { if let l = i.lead, !leads.contains(l) { leads.append(l) } }
        let order = model.units.map(\.slug)
        leads.sort { (order.firstIndex(of: $0.slug) ?? .max) < (order.firstIndex(of: $1.slug) ?? .max) }
        b +=
            "<label>\(t(SiteText.filterUnit)) <select name=\"unit\"><option value=\"\">\(t(SiteText.filterAll))</option>"
        for u in leads { b += "<option value=\"\(Escape.attribute(u.slug))\">\(Escape.text(u.name))</option>" }
        b +=
            "</select></label>\n<label>\(t(SiteText.filterState)) <select name=\"state\"><option value=\"\">\(t(SiteText.filterAll))</option>"
        for s in ProgressState.allCases {
            b += "<option value=\"\(s.rawValue)\">\(Escape.text(t(SiteText.state(s))))</option>"
        }
        b += "</select></label>\n"
        if p.sections.count > 1 {
            b +=
                "<label>\(t(SiteText.filterSection)) <select name=\"section\"><option value=\"\">\(t(SiteText.filterAll))</option>"
            for s in p.sections {
                b +=
                    "<option value=\"\(Escape.attribute(s.slug))\">\(Escape.text(Gantt.truncate(s.name.ifEmpty("—"), 70)))</option>"
            }
            b += "</select></label>\n"
        }
        b += "<label>\(t(SiteText.filterText)) <input type=\"search\" name=\"q\"></label>\n"
        b += "<button type=\"reset\">\(t(SiteText.filterClear))</button>\n"
        b += "<output id=\"shown\" aria-live=\"polite\"></output></form>\n"
        b += "<noscript><p class=\"muted\">\(t(SiteText.noScript))</p></noscript>\n"
        b += "<div class=\"scroll\"><table class=\"items\"><thead><tr><th scope=\"col\">\(t(SiteText.colID))</th>"
        b += "<th scope=\"col\">\(t(SiteText.colTitle))</th><th scope=\"col\">\(t(SiteText.colLead))</th>"
        b +=
            "<th scope=\"col\">\(t(SiteText.colState))</th><th scope=\"col\">\(t(SiteText.colTimeframe))</th></tr></thead><tbody>\n"
        for i in p.items {
            b +=
                "<tr class=\"item\" data-item=\"\(Escape.attribute(i.id))\" data-unit=\"\(Escape.attribute(i.lead?.slug ?? ""))\""
            b += " data-state=\"\(i.state.rawValue)\" data-section=\"\(Escape.attribute(i.sectionSlug))\">"
            b += "<td>\(Escape.text(i.label))</td><td>\(itemLink(p.slug, i, root: "../../"))</td>"
            b += "<td>\(unitLinkLocal(i.lead))</td><td>\(badge(i.state))</td>"
            b +=
                "<td>\(Escape.text(i.timeframeText))\(i.deadline.map { " <span class=\"d muted\">(\(date($0)))</span>" } ?? "")</td></tr>\n"
        }
        b += "</tbody></table></div></section>\n"
        return b
    }

    func recentChanges(_ p: SitePlan) -> String {
        let entries = p.recent
        guard !entries.isEmpty else { return "" }
        var b =
            "<section aria-labelledby=\"h-rc\"><h2 id=\"h-rc\">\(t(SiteText.recentChanges))</h2>\n<ul class=\"changes\">"
        for (c, ch) in entries {
            let link =
                itemsByID[ch.item].map { itemLink($0.plan, $0.item, root: "../../", text: ch.shortItem) }
                ?? Escape.text(ch.shortItem)
            b +=
                "<li><span class=\"d\">\(date(c.day))</span> \(link): \(Escape.text(ChangeText.describe(ch, language)))"
            b += " <code>\(Escape.text(c.shortID))</code></li>\n"
        }
        return b + "</ul></section>\n"
    }

    // MARK: Unit

    func unit(_ u: SiteUnit, lead: [(String, SiteItem)], support: [(String, SiteItem)]) -> String {
        let root = "../"
        var b = "<h1>\(Escape.text(u.name))</h1>\n<p class=\"meta\">"
        switch u.kind {
        case .internal_?: b += t(SiteText.unitKindInternal)
        case .external?: b += t(SiteText.unitKindExternal)
        case .group?: b += t(SiteText.unitKindGroup)
        case nil: b += u.registered ? "" : t(SiteText.unregistered)
        }
        b += "</p>\n"
        for (title, list, id) in [(SiteText.asLead, lead, "lead"), (SiteText.asSupport, support, "support")] {
            b += "<section aria-labelledby=\"h-\(id)\"><h2 id=\"h-\(id)\">\(fill(t(title), String(list.count)))</h2>\n"
            guard !list.isEmpty else {
                b += "<p>\(t(SiteText.none))</p></section>\n"
                continue
            }
            b += "<div class=\"scroll\"><table class=\"items\"><thead><tr><th scope=\"col\">\(t(SiteText.colID))</th>"
            b += "<th scope=\"col\">\(t(SiteText.colTitle))</th>"
            b += "<th scope=\"col\">\(t(id == "lead" ? SiteText.colSupport : SiteText.colLead))</th>"
            b +=
                "<th scope=\"col\">\(t(SiteText.colState))</th><th scope=\"col\">\(t(SiteText.colTimeframe))</th></tr></thead><tbody>\n"
            for (plan, i) in list {
                let others =
                    id == "lead"
                    ? i.support.map { unitLink($0, root: root) }.joined(separator: ", ")
                    : unitLink(i.lead, root: root)
                b +=
                    "<tr class=\"item\" data-unit=\"\(Escape.attribute(i.lead?.slug ?? ""))\" data-state=\"\(i.state.rawValue)\">"
                b +=
                    "<td>\(Escape.text(i.id))</td><td>\(itemLink(plan, i, root: root))</td><td>\(others.ifEmpty("—"))</td>"
                b += "<td>\(badge(i.state))</td><td>\(Escape.text(i.timeframeText))</td></tr>\n"
            }
            b += "</tbody></table></div></section>\n"
        }
        return layout(title: u.name, root: root, crumbs: [(u.name, Paths.unit(u))], body: b)
    }

    // MARK: Item

    func item(_ p: SitePlan, _ i: SiteItem) -> String {
        let root = "../../"
        var b = "<h1><span class=\"muted\">\(Escape.text(i.label))</span> \(Escape.text(i.title.ifEmpty(i.id)))</h1>\n"
        b += "<section aria-labelledby=\"h-f\"><h2 id=\"h-f\">\(t(SiteText.fields))</h2>\n<dl class=\"fields\">"
        func row(_ label: Localized, _ html: String) { b += "<div><dt>\(t(label))</dt><dd>\(html)</dd></div>" }
        row(SiteText.colPlan, "<a href=\"index.html\">\(Escape.text(p.title))</a>")
        if !i.section.isEmpty { row(SiteText.colSection, Escape.text(i.section)) }
        row(SiteText.colLead, unitLink(i.lead, root: root))
        if !i.support.isEmpty {
            row(SiteText.colSupport, i.support.map { unitLink($0, root: root) }.joined(separator: ", "))
        }
        row(SiteText.colState, badge(i.state))
        row(SiteText.colStatus, Escape.text(StatusName.label(i.status, language).ifEmpty("—")))
        row(SiteText.colTimeframe, Escape.text(i.timeframeText.ifEmpty("—")))
        if let d = i.deadline { row(SiteText.colDeadline, date(d)) }
        if let d = i.completed { row(SiteText.colCompleted, date(d)) }
        let deps = strings(i.fields["depends_on"])
        if !deps.isEmpty {
            row(
                SiteText.colDepends,
                deps.map { id in
                    itemsByID[id].map { itemLink($0.plan, $0.item, root: root, text: id) } ?? Escape.text(id)
                }.joined(separator: ", "))
        }
        let tags = strings(i.fields["tags"])
        if !tags.isEmpty { row(SiteText.colTags, tags.map(Escape.text).joined(separator: ", ")) }
        row(SiteText.colFile, "<code>\(Escape.text(i.path))</code>")
        b += "</dl></section>\n"

        let body = Self.trimmed(i.body)
        if !body.isEmpty {
            b += "<section aria-labelledby=\"h-b\"><h2 id=\"h-b\">\(t(SiteText.body))</h2>\n<div class=\"body\">"
            b += MarkdownBody.html(body) + "</div></section>\n"
        }
        var evidence = ""
        for key in ["evidence", "refs"] { if let v = i.fields[key], v != .null { evidence += value(v) } }
        if !evidence.isEmpty {
            b += "<section aria-labelledby=\"h-e\"><h2 id=\"h-e\">\(t(SiteText.evidence))</h2>\n\(evidence)</section>\n"
        }
        if let v = i.fields["progress"], v != .null {
            b += "<section aria-labelledby=\"h-p\"><h2 id=\"h-p\">\(t(SiteText.progress))</h2>\n\(value(v))</section>\n"
        }
        if let v = i.fields["note"], v != .null {
            b += "<section aria-labelledby=\"h-n\"><h2 id=\"h-n\">\(t(SiteText.note))</h2>\n\(value(v))</section>\n"
        }
        b += "<section aria-labelledby=\"h-h\"><h2 id=\"h-h\">\(t(SiteText.history))</h2>\n"
        let history = model.changes(of: i.id)
        if history.isEmpty {
            b += "<p>\(t(SiteText.noHistory))</p>"
        } else {
            b += "<table class=\"history\"><thead><tr><th scope=\"col\">\(t(SiteText.date))</th>"
            b += "<th scope=\"col\">\(t(SiteText.commit))</th><th scope=\"col\">\(t(SiteText.author))</th>"
            b += "<th scope=\"col\">\(t(SiteText.change))</th></tr></thead><tbody>\n"
            for (c, ch) in history {
                b +=
                    "<tr><td class=\"d\">\(date(c.day))</td><td><code title=\"\(Escape.attribute(c.id))\">\(Escape.text(c.shortID))</code></td>"
                b += "<td>\(Escape.text(c.author))</td><td>\(Escape.text(ChangeText.describe(ch, language)))"
                if !c.subject.isEmpty { b += "<br><span class=\"muted\">\(Escape.text(c.subject))</span>" }
                b += "</td></tr>\n"
            }
            b += "</tbody></table>"
        }
        b += "</section>\n"
        return layout(
            title: i.label + " " + i.title, root: root,
            crumbs: [(p.id, Paths.plan(p)), (i.label, Paths.item(p.slug, i))],
            body: b)
    }

    func strings(_ v: JSONValue?) -> [String] {
        switch v {
        case .string(let s)?: [s]
        case .array(let a)?: a.compactMap { $0.stringValue ?? ($0 == .null ? nil : $0.serialized(indent: nil)) }
        default: []
        }
    }

    /// Any front-matter value, escaped: lists as lists, mappings as definition lists, text as Markdown-free text.
    func value(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return "<p>\(Escape.text(s))</p>"
        case .array(let a):
            return "<ul>" + a.map { "<li>" + inline($0) + "</li>" }.joined() + "</ul>"
        case .object:
            return inline(v)
        default: return "<p>\(Escape.text(v.serialized(indent: nil)))</p>"
        }
    }

    func inline(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return Escape.text(s)
        case .array: return value(v)
        case .object(let o):
            var s = "<dl class=\"kv\">"
            for (k, x) in o { s += "<div><dt>\(Escape.text(k))</dt><dd>\(inline(x))</dd></div>" }
            return s + "</dl>"
        case .null: return ""
        default: return Escape.text(v.serialized(indent: nil))
        }
    }
}

extension String {
    func ifEmpty(_ other: String) -> String { isEmpty ? other : self }

    func dropPrefix(_ p: String) -> String { hasPrefix(p) ? String(dropFirst(p.count)) : self }
}
