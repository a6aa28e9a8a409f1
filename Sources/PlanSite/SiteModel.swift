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
    /// The file: its body is made into text only for the pages that show it.
    let document: Document
    public var body: String { document.body }
    /// The file name of its page inside its plan's folder (ASCII).
    public let slug: String
    /// A fingerprint of all of the above but the body: the file's front matter and path, its slugs, its
    /// units as named on the day and its state on the day (what lists of items show; see `Site.pages`).
    public let listDigest: UInt64
    /// The same with the body.
    public let digest: UInt64

    init(
        id: String, label: String, title: String, planID: String, section: String, sectionSlug: String, path: String,
        lead: SiteUnit?, support: [SiteUnit], status: String, timeframeText: String, timeframe: Timeframe?,
        deadline: CivilDate?, completed: CivilDate?, state: ProgressState, fields: JSONValue, document: Document,
        slug: String, listDigest: UInt64, digest: UInt64
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
        self.document = document
        self.slug = slug
        self.listDigest = listDigest
        self.digest = digest
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
    /// A fingerprint of its header file and the fields above but the items (see `Site.pages`).
    public let digest: UInt64
    /// The newest changes to its items (to ids of the plan, items since removed too), newest first.
    public internal(set) var recent: [(commit: CommitReport, change: ItemChange)] = []
    /// How many changes `recent` keeps.
    static let recentCount = 15
}

/// The pages' model: plans with their items, units, and each item's history.
public struct SiteModel: Sendable {
    public let plans: [SitePlan]
    /// Units that lead or support any item, registered first in registry order, then the others by name.
    public let units: [SiteUnit]
    /// The history read from git, newest first.
    public let commits: [CommitReport]
    /// Where each item's changes are in `commits`, by item id, newest first (positions, not copies:
    /// ten thousand commits copied into a dictionary cost more than the pages that use them).
    let history: [String: [ChangeRef]]
    public let today: CivilDate
    public let language: Language

    public init(_ input: SiteInput) {
        let snapshot = input.snapshot
        let registry = snapshot.registry
        today = input.today
        language = input.language

        var units = UnitDirectory(registry: registry, today: input.today)
        let items = snapshot.items
        var byPlan: [String: [Int]] = [:]
        for (k, item) in items.enumerated() { byPlan[item.planID, default: []].append(k) }
        let named =
            (try? Parallel.map(count: items.count, makeState: { () }) { _, k in SiteItem.Draft.Named(items[k]) }) ?? []
        let planIDs = Set(byPlan.keys).union(snapshot.headers.keys).sorted(by: NaturalOrder.less)
        var planSlugs = SlugSet()
        // Plans in order, each with its items' drafts, slugs and sections; the rest of each item (its
        // timeframe read, its fingerprint) is its own, made on every core for all plans at once (a
        // workspace of many small plans pays for one fan-out, not one per plan).
        var drafts: [SiteItem.Draft] = []
        drafts.reserveCapacity(snapshot.items.count)
        var ranges: [Range<Int>] = []
        for planID in planIDs {
            let first = drafts.count
            // Units resolved in the files' order (unregistered names get their slugs as they are first
            // met), items then put in the order of their ids.
            let indices = byPlan[planID] ?? []
            let resolved = indices.map { SiteItem.Draft.Units(named[$0], &units) }
            let order = indices.indices.sorted { NaturalOrder.less(named[indices[$0]].id, named[indices[$1]].id) }
            drafts += order.map {
                SiteItem.Draft(item: items[indices[$0]], named: named[indices[$0]], units: resolved[$0])
            }
            ranges.append(first..<drafts.count)
        }
        // Slugs are made on every core, then handed out in order (a second `1-a` of a plan is `1-a-2`).
        let wanted =
            (try? Parallel.map(count: drafts.count, makeState: { () }) { _, k -> String in
                let (d, planID) = (drafts[k], drafts[k].item.planID)
                let local = d.id.hasPrefix(planID + "/") ? String(d.id.dropFirst(planID.count + 1)) : d.id
                return Slug.make(local, fallback: "item", letters: true)
            }) ?? []
        var sectionSlugMade: [String: String] = [:]
        var slugOf: [(item: String, section: String)] = []
        slugOf.reserveCapacity(drafts.count)
        var laid: [(id: String, slug: String, items: Range<Int>, sections: [(String, String)])] = []
        for (planID, range) in zip(planIDs, ranges) {
            var slugs = SlugSet()
            var sections: [(String, String)] = []
            var sectionSlugs = SlugSet()
            var sectionSlugByName: [String: String] = [:]
            for k in range {
                let name = drafts[k].section
                let sectionSlug: String
                if let s = sectionSlugByName[name] {
                    sectionSlug = s
                } else {
                    let made = sectionSlugMade[name] ?? Slug.make(name, fallback: "phan")
                    sectionSlugMade[name] = made
                    sectionSlug = sectionSlugs.claim(made)
                    sectionSlugByName[name] = sectionSlug
                    sections.append((name, sectionSlug))
                }
                slugOf.append((slugs.claim(wanted[k]), sectionSlug))
            }
            laid.append((planID, planSlugs.claim(Slug.make(planID, fallback: "plan")), range, sections))
        }
        let built =
            (try? Parallel.map(count: drafts.count, makeState: { () }) { _, k in
                drafts[k].finish(slug: slugOf[k].item, sectionSlug: slugOf[k].section, today: input.today)
            }) ?? []
        var plans: [SitePlan] = []
        plans.reserveCapacity(laid.count)
        for plan in laid {
            let header = snapshot.headers[plan.id]
            let period = header?.period ?? snapshot.config.period
            var f = Fingerprint()
            f.combine(header?.document.source.bytes ?? [])
            f.combine(plan.id)
            f.combine(plan.slug)
            f.combine(period?.description ?? "")
            plans.append(
                SitePlan(
                    id: plan.id, slug: plan.slug, title: header?.title ?? plan.id, issuer: header?.issuer,
                    period: period, reports: header?.reports ?? [], items: Array(built[plan.items]),
                    sections: plan.sections, digest: f.value))
        }
        self.units = units.all
        var history: [String: [ChangeRef]] = [:]
        for (c, commit) in input.history.enumerated() {
            for (k, change) in commit.changes.enumerated() {
                history[change.item, default: []].append(ChangeRef(commit: Int32(c), change: Int32(k)))
            }
        }
        Self.gatherRecent(input.history, history, into: &plans)
        self.plans = plans
        self.history = history
        commits = input.history
    }

    public var items: [SiteItem] { plans.flatMap(\.items) }

    /// An item's changes, newest first.
    public func changes(of id: String) -> [(commit: CommitReport, change: ItemChange)] {
        (history[id] ?? []).map { (commits[Int($0.commit)], commits[Int($0.commit)].changes[Int($0.change)]) }
    }

    /// Each plan's newest changes, in one pass over the history: a change counts for the plans that
    /// hold an item of its id, and for the plan its id names (`plan/…`, an item since removed).
    /// Ties (one commit, or one second) in a fixed order.
    static func gatherRecent(
        _ commits: [CommitReport], _ history: [String: [ChangeRef]], into plans: inout [SitePlan]
    ) {
        var byItem: [String: [Int]] = [:]
        var byID: [String: Int] = [:]
        for (k, p) in plans.enumerated() {
            byID[p.id] = k
            for i in p.items where byItem[i.id]?.last != k { byItem[i.id, default: []].append(k) }
        }
        let times = commits.map(\.time)
        let count = SitePlan.recentCount
        var recent = [[ChangeRef]](repeating: [], count: plans.count)
        var targets: [Int] = []
        for (item, refs) in history {
            targets.removeAll(keepingCapacity: true)
            if let ks = byItem[item] { targets.append(contentsOf: ks) }
            var slash = item.utf8.firstIndex(of: UInt8(ascii: "/"))
            while let at = slash {
                if let k = byID[String(item[..<at])], !targets.contains(k) { targets.append(k) }
                slash = item.utf8[item.utf8.index(after: at)...].firstIndex(of: UInt8(ascii: "/"))
            }
            // Same item: the newer is the later in time, then the greater commit id.
            func newer(_ a: ChangeRef, than b: ChangeRef) -> Bool {
                let (x, y) = (Int(a.commit), Int(b.commit))
                if times[x] != times[y] { return times[x] > times[y] }
                let (i, j) = (commits[x].changes[Int(a.change)].item, commits[y].changes[Int(b.change)].item)
                return i != j ? i > j : commits[x].id > commits[y].id
            }
            for p in targets {
                for entry in refs {
                    if recent[p].count == count {
                        // Most of a long history is older than what is kept: one comparison.
                        if times[Int(entry.commit)] < times[Int(recent[p][count - 1].commit)] { continue }
                        if !newer(entry, than: recent[p][count - 1]) { continue }
                    }
                    recent[p].insert(entry, at: recent[p].firstIndex { newer(entry, than: $0) } ?? recent[p].count)
                    if recent[p].count > count { recent[p].removeLast() }
                }
            }
        }
        for k in plans.indices {
            plans[k].recent = recent[k].map {
                (commits[Int($0.commit)], commits[Int($0.commit)].changes[Int($0.change)])
            }
        }
    }
}

/// Where one change of one item is in the model's history.
struct ChangeRef: Sendable {
    let commit: Int32
    let change: Int32
}

extension SiteItem {
    /// An item before its slugs are known.
    struct Draft {
        let item: Item
        let id: String
        let section: String
        let lead: SiteUnit?
        let support: [SiteUnit]

        /// What an item names, read from its fields on any thread.
        struct Named: Sendable {
            let id: String
            let section: String
            let lead: String?
            let support: [String]

            init(_ item: Item) {
                let json = item.json
                id = json["id"]?.stringValue ?? item.path
                if let s = json["section"]?.stringValue, !s.isEmpty {
                    section = s
                } else {
                    // The folder the file is in, under the plan's folder (`plans/<plan>/<section>/<file>`).
                    let path = item.path.utf8
                    let slashes = path.indices.filter { path[$0] == UInt8(ascii: "/") }
                    section =
                        slashes.count >= 3
                        ? String(item.path[path.index(after: slashes[slashes.count - 2])..<slashes[slashes.count - 1]])
                        : ""
                }
                lead = json["lead"]?.stringValue ?? json["lead"]?.arrayValue?.first?.stringValue
                support =
                    switch json["support"] {
                    case .string(let s)?: [s]
                    case .array(let a)?: a.compactMap(\.stringValue)
                    default: []
                    }
            }
        }

        /// Its units resolved, in order: unregistered names get their slugs as they are first met.
        struct Units {
            let lead: SiteUnit?
            let support: [SiteUnit]

            init(_ named: Named, _ units: inout UnitDirectory) {
                lead = named.lead.flatMap { units.resolve($0).first }
                var support: [SiteUnit] = []
                for text in named.support {
                    for u in units.resolve(text) where !support.contains(u) && u != lead { support.append(u) }
                }
                self.support = support
            }
        }

        init(item: Item, named: Named, units: Units) {
            self.item = item
            id = named.id
            section = named.section
            lead = units.lead
            support = units.support
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
            let state = ProgressState(status: status, deadline: deadline, completed: completed, today: today)
            // Everything else of the item follows from its bytes and path (and, for dates, the day).
            let bytes = item.document.source.bytes
            let bodyStart = min(item.document.bodyStart, bytes.count)
            var f = Fingerprint()
            bytes.withUnsafeBytes { f.combine(UnsafeRawBufferPointer(rebasing: $0[..<bodyStart])) }
            f.combine(item.path)
            f.combine(item.planID)
            f.combine(slug)
            f.combine(sectionSlug)
            for u in [lead] + support.map(Optional.some) {
                f.combine(u?.slug ?? "")
                f.combine(u?.name ?? "")
            }
            f.combine(state.rawValue)
            var withBody = f
            bytes.withUnsafeBytes { withBody.combine(UnsafeRawBufferPointer(rebasing: $0[bodyStart...])) }
            return SiteItem(
                id: id, label: local, title: json["title"]?.stringValue ?? "", planID: item.planID,
                section: section, sectionSlug: sectionSlug, path: item.path, lead: lead, support: support,
                status: status, timeframeText: timeframeText, timeframe: timeframe, deadline: deadline,
                completed: completed, state: state, fields: json, document: item.document, slug: slug,
                listDigest: f.value, digest: withBody.value)
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
    private var resolved: [BytesKey: [SiteUnit]] = [:]
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
        if let known = resolved[BytesKey(text)] { return known }
        let units = lookUp(text)
        resolved[BytesKey(text)] = units
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
