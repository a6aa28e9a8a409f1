import PlanKit

/// The static site: a pure function of the workspace snapshot, its history, the day and the language.
public enum Site {
    /// Every file of the site, path (relative, `/`-separated) to bytes, sorted by path.
    /// `bodies`: Markdown bodies rendered before (see `RenderedBodies`); the pages are the same with or
    /// without it.
    public static func build(_ input: SiteInput, bodies: RenderedBodies? = nil) -> [(path: String, bytes: [UInt8])] {
        build(SiteModel(input), bodies: bodies)
    }

    public static func build(_ model: SiteModel, bodies: RenderedBodies? = nil) -> [(path: String, bytes: [UInt8])] {
        let pages = Pages(model: model, bodies: bodies)
        var files: [(String, String)] = [
            (Paths.index, pages.index()), (Paths.css, Assets.css), (Paths.script, Assets.script),
        ]
        var lead: [String: [(String, SiteItem)]] = [:]
        var support: [String: [(String, SiteItem)]] = [:]
        var jobs: [(plan: SitePlan, item: SiteItem)] = []
        for p in model.plans {
            files.append((Paths.plan(p), pages.plan(p)))
            for i in p.items {
                jobs.append((p, i))
                if let l = i.lead { lead[l.slug, default: []].append((p.slug, i)) }
                for u in i.support { support[u.slug, default: []].append((p.slug, i)) }
            }
        }
        for u in model.units {
            files.append((Paths.unit(u), pages.unit(u, lead: lead[u.slug] ?? [], support: support[u.slug] ?? [])))
        }
        // Item pages are most of the work: rendered on every core.
        let itemPages =
            (try? Parallel.map(count: jobs.count, makeState: { () }) { _, k in
                (Paths.item(jobs[k].plan.slug, jobs[k].item), Array(pages.item(jobs[k].plan, jobs[k].item).utf8))
            }) ?? []
        return (files.map { ($0.0, Array($0.1.utf8)) } + itemPages).sorted { $0.0 < $1.0 }
    }
}
