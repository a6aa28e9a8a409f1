import PlanKit

/// What the site is made from: the workspace as it stands, its history from git (newest first), the day
/// deadlines are judged by and the language of the pages.
public struct SiteInput: Sendable {
    public var snapshot: Snapshot
    public var history: [CommitReport]
    public var today: CivilDate
    public var language: Language

    public init(snapshot: Snapshot, history: [CommitReport], today: CivilDate, language: Language) {
        self.snapshot = snapshot
        self.history = history
        self.today = today
        self.language = language
    }
}

/// A unit as the pages link to it.
public struct SiteUnit: Sendable, Hashable {
    /// The file name of its page (ASCII), stable while its registry id is.
    public let slug: String
    public let name: String
    public let kind: Unit.Kind?
    public let registered: Bool
}

/// A class: pages, lists and the timeline all hold the same items, and ten thousand of them are not
/// copied field by field each time.
public final class SiteItem: Sendable {
    public let id: String
    /// `2.a` of `dvk-2021/2.a`.
    public let label: String
    public let title: String
    public let planID: String
    public let section: String
    public let sectionSlug: String
    public let path: String
    public let lead: SiteUnit?
    public let support: [SiteUnit]
    public let status: String
    public let timeframeText: String
    public let timeframe: Timeframe?
    public let deadline: CivilDate?
    public let completed: CivilDate?
    public let state: ProgressState
    public let fields: JSONValue
    public let body: String
    /// The file name of its page inside its plan's folder (ASCII).
    public let slug: String

    init(
        id: String, label: String, title: String, planID: String, section: String, sectionSlug: String, path: String,
        lead: SiteUnit?, support: [SiteUnit], status: String, timeframeText: String, timeframe: Timeframe?,
        deadline: CivilDate?, completed: CivilDate?, state: ProgressState, fields: JSONValue, body: String, slug: String
    ) {
        self.id = id
        self.label = label
        self.title = title
        self.planID = planID
        self.section = section
        self.sectionSlug = sectionSlug
        self.path = path
        self.lead = lead
        self.support = support
        self.status = status
        self.timeframeText = timeframeText
        self.timeframe = timeframe
        self.deadline = deadline
        self.completed = completed
        self.state = state
        self.fields = fields
        self.body = body
        self.slug = slug
    }
}

public struct SitePlan: Sendable {
    public let id: String
    public let slug: String
    public let title: String
    public let issuer: String?
    public let period: PlanPeriod?
    public let reports: [(name: String, due: Timeframe)]
    public let items: [SiteItem]
    /// Section names in the order of their first item.
    public let sections: [(name: String, slug: String)]
}

/// The pages' model: plans with their items, units, and each item's history.
public struct SiteModel: Sendable {
    public let plans: [SitePlan]
    /// Units that lead or support any item, registered first in registry order, then the others by name.
    public let units: [SiteUnit]
    /// (commit, change) pairs by item id, newest first.
    public let history: [String: [(commit: CommitReport, change: ItemChange)]]
    public let today: CivilDate
    public let language: Language

    public init(_ input: SiteInput) {
        let snapshot = input.snapshot
        let registry = snapshot.registry
        today = input.today
        language = input.language

        var units = UnitDirectory(registry: registry, today: input.today)
        var byPlan: [String: [Item]] = [:]
        for item in snapshot.items { byPlan[item.planID, default: []].append(item) }
        let planIDs = Set(byPlan.keys).union(snapshot.headers.keys).sorted(by: NaturalOrder.less)
        var plans: [SitePlan] = []
        var planSlugs = SlugSet()
        for planID in planIDs {
            let header = snapshot.headers[planID]
            let items = (byPlan[planID] ?? []).map { SiteItem.Draft(item: $0, registry: registry, units: &units) }
                .sorted { NaturalOrder.less($0.id, $1.id) }
            var slugs = SlugSet()
            var sections: [(String, String)] = []
            var sectionSlugs = SlugSet()
            var sectionSlugByName: [String: String] = [:]
            var itemSlugs: [(item: String, section: String)] = []
            itemSlugs.reserveCapacity(items.count)
            for d in items {
                let sectionSlug: String
                if let s = sectionSlugByName[d.section] {
                    sectionSlug = s
                } else {
                    sectionSlug = sectionSlugs.claim(Slug.make(d.section, fallback: "phan"))
                    sectionSlugByName[d.section] = sectionSlug
                    sections.append((d.section, sectionSlug))
                }
                let local = d.id.hasPrefix(planID + "/") ? String(d.id.dropFirst(planID.count + 1)) : d.id
                itemSlugs.append((slugs.claim(Slug.make(local, fallback: "item", letters: true)), sectionSlug))
            }
            // The rest of each item (its timeframe read, its body) is its own: made on every core.
            let built =
                (try? Parallel.map(count: items.count, makeState: { () }) { _, k in
                    items[k].finish(slug: itemSlugs[k].item, sectionSlug: itemSlugs[k].section, today: input.today)
                }) ?? []
            plans.append(
                SitePlan(
                    id: planID, slug: planSlugs.claim(Slug.make(planID, fallback: "plan")),
                    title: header?.title ?? planID, issuer: header?.issuer,
                    period: header?.period ?? snapshot.config.period, reports: header?.reports ?? [], items: built,
                    sections: sections))
        }
        self.plans = plans
        self.units = units.all

        var history: [String: [(commit: CommitReport, change: ItemChange)]] = [:]
        for commit in input.history {
            for change in commit.changes { history[change.item, default: []].append((commit, change)) }
        }
        self.history = history
    }

    public var items: [SiteItem] { plans.flatMap(\.items) }
}

extension SiteItem {
    /// An item before its slugs are known.
    struct Draft {
        let item: Item
        let id: String
        let section: String
        let lead: SiteUnit?
        let support: [SiteUnit]

        init(item: Item, registry: UnitRegistry, units: inout UnitDirectory) {
            self.item = item
            let json = item.json
            id = json["id"]?.stringValue ?? item.path
            if let s = json["section"]?.stringValue, !s.isEmpty {
                section = s
            } else {
                // The folder the file is in, under the plan's folder.
                let parts = item.path.split(separator: "/")
                section = parts.count >= 4 ? String(parts[parts.count - 2]) : ""
            }
            let leadText = json["lead"]?.stringValue ?? json["lead"]?.arrayValue?.first?.stringValue
            lead = leadText.flatMap { units.resolve($0).first }
            var support: [SiteUnit] = []
            let supportTexts: [String] =
                switch json["support"] {
                case .string(let s)?: [s]
                case .array(let a)?: a.compactMap(\.stringValue)
                default: []
                }
            for text in supportTexts {
                for u in units.resolve(text) where !support.contains(u) && u != lead { support.append(u) }
            }
            self.support = support
        }

        func finish(slug: String, sectionSlug: String, today: CivilDate) -> SiteItem {
            let json = item.json
            let timeframeText: String =
                switch json["timeframe"] {
                case .string(let s)?: s
                case .number(let n)?: JSONValue.number(n).serialized(indent: nil)
                default: ""
                }
            let timeframe = timeframeText.isEmpty ? nil : try? TimeframeParser.parse(timeframeText).get()
            // An optional `due:` gives a deadline to an item whose timeframe has none (event-relative).
            let deadline = timeframe?.deadline ?? json["due"]?.stringValue.flatMap { CivilDate(iso: $0) }
            let completed = json["completed"]?.stringValue.flatMap { CivilDate(iso: $0) }
            let status = json["status"]?.stringValue ?? ""
            let local = id.split(separator: "/").last.map(String.init) ?? id
            return SiteItem(
                id: id, label: local, title: json["title"]?.stringValue ?? "", planID: item.planID,
                section: section, sectionSlug: sectionSlug, path: item.path, lead: lead, support: support,
                status: status, timeframeText: timeframeText, timeframe: timeframe, deadline: deadline,
                completed: completed,
                state: ProgressState(status: status, deadline: deadline, completed: completed, today: today),
                fields: json, body: item.document.body, slug: slug)
        }
    }
}

/// The units items name, each with one slug: registered units by their id, the others by their name.
struct UnitDirectory {
    let registry: UnitRegistry
    /// Units are named as they are called on this day: a unit merged or renamed since by its successor.
    let today: CivilDate
    private var byName: [String: SiteUnit] = [:]
    private var order: [String] = []
    private var ordered: Set<String> = []
    /// Items name the same units again and again: each written name is looked up once.
    private var resolved: [String: [SiteUnit]] = [:]
    private var slugs = SlugSet()

    init(registry: UnitRegistry, today: CivilDate) {
        self.registry = registry
        self.today = today
        // Registered units claim their slugs first, in registry order, so a page's address never depends
        // on which unregistered names items happen to use.
        for u in registry.units {
            let unit = SiteUnit(
                slug: slugs.claim(Slug.make(u.id, fallback: "unit")), name: u.name, kind: u.kind, registered: true)
            byName[u.name] = unit
        }
    }

    /// The units a written name stands for (several for "Sở A, Sở B"); an unknown name is a unit of its own.
    mutating func resolve(_ text: String) -> [SiteUnit] {
        if let known = resolved[text] { return known }
        let units = lookUp(text)
        resolved[text] = units
        return units
    }

    private mutating func lookUp(_ text: String) -> [SiteUnit] {
        let found: [Unit] =
            switch registry.resolve(text) {
            case .several(let us): us
            case let r: r.unit.map { [$0] } ?? []
            }
        let names = found.isEmpty ? [text.trimmedSpaces] : found.map { registry.current($0, on: today).name }
        return names.filter { !$0.isEmpty }.map { name in
            if byName[name] == nil {
                byName[name] = SiteUnit(
                    slug: slugs.claim("x-" + Slug.make(name, fallback: "unit")), name: name, kind: nil,
                    registered: false)
            }
            if ordered.insert(name).inserted { order.append(name) }
            return byName[name]!
        }
    }

    /// The units used, registered ones in registry order, then the others by name.
    var all: [SiteUnit] {
        let used = Set(order)
        let registered = registry.units.map(\.name).filter { used.contains($0) }
        let others = order.filter { !(byName[$0]?.registered ?? false) }.sorted(by: NaturalOrder.less)
        return (registered + others).compactMap { byName[$0] }
    }
}

enum Slug {
    /// ASCII, lower case, words joined by `-`. In ids (`letters`) `đ` is `dd`, so items `6.đ` and `6.d`
    /// stay apart; in names it is `d`, as people spell them without diacritics.
    static func make(_ s: String, fallback: String, letters: Bool = false) -> String {
        var text = s
        if letters, s.utf8.contains(where: { $0 >= 0x80 }) {
            var scalars = String.UnicodeScalarView()
            for u in s.unicodeScalars {
                if u == "đ" || u == "Đ" { scalars.append(contentsOf: "dd".unicodeScalars) } else { scalars.append(u) }
            }
            text = String(scalars)
        }
        let slug = VietnameseText.slug(text, maxWords: 10)
        let capped = String(slug.prefix(80))
        return capped.isEmpty ? fallback : capped
    }
}

/// Slugs handed out once each: a second `1-a` becomes `1-a-2`.
struct SlugSet {
    private var used: Set<String> = []

    mutating func claim(_ slug: String) -> String {
        var candidate = slug
        var n = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Ids as people count them: `2.a` before `10.a`, `1.b` before `1.c`.
enum NaturalOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator()
        var j = b.unicodeScalars.makeIterator()
        var x = i.next()
        var y = j.next()
        while let cx = x, let cy = y {
            if isDigit(cx), isDigit(cy) {
                var nx = 0
                var ny = 0
                var dx = 0
                var dy = 0
                while let c = x, isDigit(c) {
                    nx = nx &* 10 &+ Int(c.value - 48)
                    dx += 1
                    x = i.next()
                }
                while let c = y, isDigit(c) {
                    ny = ny &* 10 &+ Int(c.value - 48)
                    dy += 1
                    y = j.next()
                }
                if nx != ny { return nx < ny }
                if dx != dy { return dx < dy }
                continue
            }
            if cx != cy { return cx.value < cy.value }
            x = i.next()
            y = j.next()
        }
        return x == nil && y != nil
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}
