import PlanKit

/// One file of the site: where it goes, and how to make its bytes (pages are made when asked, so a
/// writer can make and write them on every core without holding the whole site in memory).
public struct SitePage {
    /// Relative, `/`-separated.
    public let path: String
    public let make: () -> [UInt8]
}

/// The static site: a pure function of the workspace snapshot, its history, the day and the language.
public enum Site {
    /// Every file of the site, path (relative, `/`-separated) to bytes, sorted by path.
    /// `bodies`: Markdown bodies rendered before (see `RenderedBodies`); the pages are the same with or
    /// without it.
    public static func build(_ input: SiteInput, bodies: RenderedBodies? = nil) -> [(path: String, bytes: [UInt8])] {
        build(SiteModel(input), bodies: bodies)
    }

    public static func build(_ model: SiteModel, bodies: RenderedBodies? = nil) -> [(path: String, bytes: [UInt8])] {
        let all = pages(model, bodies: bodies)
        let bytes = (try? Parallel.map(count: all.count, makeState: { () }) { _, k in all[k].make() }) ?? []
        return zip(all, bytes).map { ($0.path, $1) }
    }

    /// Every file of the site, sorted by path, each made when its `make` is called (from any thread).
    public static func pages(_ model: SiteModel, bodies: RenderedBodies? = nil) -> [SitePage] {
        let pages = Pages(model: model, bodies: bodies)
        var out: [SitePage] = [
            SitePage(path: Paths.index) { Array(pages.index().utf8) },
            SitePage(path: Paths.css) { Array(Assets.css.utf8) },
            SitePage(path: Paths.script) { Array(Assets.script.utf8) },
        ]
        var lead: [String: [(String, SiteItem)]] = [:]
        var support: [String: [(String, SiteItem)]] = [:]
        for p in model.plans {
            out.append(SitePage(path: Paths.plan(p)) { Array(pages.plan(p).utf8) })
            for i in p.items {
                out.append(SitePage(path: Paths.item(p.slug, i)) { Array(pages.item(p, i).utf8) })
                if let l = i.lead { lead[l.slug, default: []].append((p.slug, i)) }
                for u in i.support { support[u.slug, default: []].append((p.slug, i)) }
            }
        }
        for u in model.units {
            let lead = lead[u.slug] ?? []
            let support = support[u.slug] ?? []
            out.append(SitePage(path: Paths.unit(u)) { Array(pages.unit(u, lead: lead, support: support).utf8) })
        }
        return out.sorted { $0.path < $1.path }
    }
}
