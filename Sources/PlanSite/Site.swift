import PlanKit

/// One file of the site: where it goes, and how to make its bytes (pages are made when asked, so a
/// writer can make and write them on every core without holding the whole site in memory).
public struct SitePage {
    /// Relative, `/`-separated.
    public let path: String
    /// A fingerprint of everything the page is made from (the day and the language included), the same
    /// from one run to the next: pages with the fingerprint they had last time are the bytes they were,
    /// for the same `plan`. Nil for the index (made from every plan) and the fixed files.
    public let fingerprint: UInt64?
    public let make: () -> [UInt8]

    public init(path: String, fingerprint: UInt64? = nil, make: @escaping () -> [UInt8]) {
        self.path = path
        self.fingerprint = fingerprint
        self.make = make
    }
}

/// The static site: a pure function of the workspace snapshot, its history, the day and the language.
public enum Site {
    /// Every file of the site, path (relative, `/`-separated) to bytes, sorted by path.
    public static func build(_ input: SiteInput) -> [(path: String, bytes: [UInt8])] {
        build(SiteModel(input))
    }

    public static func build(_ model: SiteModel) -> [(path: String, bytes: [UInt8])] {
        let all = pages(model)
        let bytes = (try? Parallel.map(count: all.count, makeState: { () }) { _, k in all[k].make() }) ?? []
        return zip(all, bytes).map { ($0.path, $1) }
    }

    /// Every file of the site, sorted by path, each made when its `make` is called (from any thread).
    public static func pages(_ model: SiteModel) -> [SitePage] {
        let pages = Pages(model: model)
        // What every page depends on: the pages' own version, the day and the language.
        var site = Fingerprint()
        site.combine(Pages.version)
        site.combine(model.today.description)
        site.combine(model.language.rawValue)
        var out: [SitePage] = [
            SitePage(path: Paths.index) { Array(pages.index().utf8) },
            SitePage(path: Paths.css) { Array(Assets.css.utf8) },
            SitePage(path: Paths.script) { Array(Assets.script.utf8) },
        ]
        let rank = Dictionary(model.units.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        // Item pages' fingerprints, on every core.
        let planPrints = model.plans.map { p in
            var f = site
            f.combine(p.digest)
            return f
        }
        let all = model.plans.indices.flatMap { k in model.plans[k].items.map { (k, $0) } }
        let itemPrints =
            (try? Parallel.map(count: all.count, makeState: { () }) { _, n in
                itemFingerprint(all[n].1, planPrints[all[n].0], pages)
            }) ?? []
        var n = 0
        var lead: [String: [(String, SiteItem)]] = [:]
        var support: [String: [(String, SiteItem)]] = [:]
        for p in model.plans {
            out.append(
                SitePage(path: Paths.plan(p), fingerprint: planFingerprint(p, site, pages, rank)) {
                    Array(pages.plan(p).utf8)
                })
            for i in p.items {
                out.append(
                    SitePage(path: Paths.item(p.slug, i), fingerprint: itemPrints[n]) { Array(pages.item(p, i).utf8) })
                n += 1
                if let l = i.lead { lead[l.slug, default: []].append((p.slug, i)) }
                for u in i.support { support[u.slug, default: []].append((p.slug, i)) }
            }
        }
        for u in model.units {
            let lead = lead[u.slug] ?? []
            let support = support[u.slug] ?? []
            var f = site
            f.combine(u.slug)
            f.combine(u.name)
            f.combine(u.kind?.rawValue ?? (u.registered ? "registered" : ""))
            for list in [lead, support] {
                f.combine(list.count)
                for (plan, i) in list {
                    f.combine(plan)
                    f.combine(i.listDigest)
                }
            }
            out.append(
                SitePage(path: Paths.unit(u), fingerprint: f.finished) {
                    Array(pages.unit(u, lead: lead, support: support).utf8)
                })
        }
        return out.sorted { $0.path < $1.path }
    }

    /// A plan page shows the plan (`digest`), all its items as lists show them (no body: `listDigest`),
    /// its lead units in the site's order of units (the registry's), and its recent changes (with where
    /// their items' pages are).
    static func planFingerprint(_ p: SitePlan, _ site: Fingerprint, _ pages: Pages, _ rank: [String: Int]) -> UInt64 {
        var f = site
        f.combine(p.digest)
        f.combine(p.items.count)
        for i in p.items { f.combine(i.listDigest) }
        let leads = Set(p.items.compactMap { $0.lead?.slug }).sorted { (rank[$0] ?? .max, $0) < (rank[$1] ?? .max, $1) }
        f.combine(leads.count)
        for slug in leads { f.combine(slug) }
        f.combine(p.recent.count)
        for (commit, change) in p.recent {
            f.combine(commit.id)
            f.combine(change.item)
            if let (plan, item) = pages.itemsByID[change.item] {
                f.combine(plan)
                f.combine(item.slug)
            } else {
                f.combine(0)
            }
        }
        return f.finished
    }

    /// An item page shows the item (`digest`, with its body), its plan, the items it depends on (where
    /// their pages are) and its history (each commit's change to it follows from the commit).
    static func itemFingerprint(_ i: SiteItem, _ plan: Fingerprint, _ pages: Pages) -> UInt64 {
        var f = plan
        f.combine(i.digest)
        let deps = pages.strings(i.fields["depends_on"])
        f.combine(deps.count)
        for id in deps {
            f.combine(id)
            if let (plan, item) = pages.itemsByID[id] {
                f.combine(plan)
                f.combine(item.slug)
            } else {
                f.combine(0)
            }
        }
        let history = pages.model.history[i.id] ?? []
        f.combine(history.count)
        for ref in history { f.combine(pages.model.commits[Int(ref.commit)].id) }
        return f.finished
    }
}
