import PlanGit
import PlanKit

/// Builds a period summary from history: the items as the last commit of the period left them, and
/// the item changes of the period's commits.
public enum PeriodReport {
    public static func build(
        period: ReportPeriod, reader: HistoryReader, workspace: RepoWorkspace,
        today: CivilDate = .today()
    ) throws -> PeriodSummary {
        let repo = try workspace.open()
        var items: [ItemState] = []
        if let head = try repo.head() {
            // The newest commit made on or before the period's last day.
            var last: Commit?
            try repo.walk(include: [head]) { id in
                let c = try repo.commit(id)
                let day = CommitReport(
                    id: "", author: "", email: "", time: c.author.time,
                    offsetMinutes: c.author.offsetMinutes, message: "", changes: []
                ).day
                if day <= period.end {
                    last = c
                    return false
                }
                return true
            }
            if let last {
                let source = try GitFileSource.tree(last.tree, label: last.id.short, workspace, repository: repo)
                let snapshot = try WorkspaceLoader.load(from: source)
                items = snapshot.items.map {
                    ItemState(
                        item: $0, registry: snapshot.registry, period: snapshot.period(of: $0), on: period.end)
                }
            }
        }
        let commits = try reader.reports(HistoryOptions(since: period.start, until: period.end, reverse: true))
        return PeriodSummary(period: period, items: items, commits: commits, today: today)
    }
}
