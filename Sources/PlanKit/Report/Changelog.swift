import Foundation

/// CHANGELOG.md for a plan: commits that changed items, newest first, grouped by month or by reporting
/// period (the periods end on the plan's report dates). A marker line records what the file was made
/// from, so a later run adds only the newer commits and leaves every other byte as it was.
public struct Changelog: Sendable {
    public enum Grouping: Sendable, Hashable {
        case month
        /// Periods ending on these days of the year (month, day), e.g. 10/6 and 15/11.
        case period([(month: Int, day: Int)])

        public static func == (a: Grouping, b: Grouping) -> Bool { a.name == b.name }
        public func hash(into h: inout Hasher) { h.combine(name) }

        public var name: String {
            switch self {
            case .month: "month"
            case .period: "period"
            }
        }
    }

    public let language: Language
    public let grouping: Grouping

    public init(language: Language, grouping: Grouping) {
        self.language = language
        self.grouping = grouping
    }

    func date(_ d: CivilDate) -> String { language == .vi ? d.vietnamese : d.description }

    /// The group a day belongs to: its key (sortable) and its heading.
    public func group(of day: CivilDate) -> (key: String, title: String) {
        switch grouping {
        case .month:
            let key = String(day.description.prefix(7))
            let label = language == .vi ? "\(day.month)/\(day.year)" : key
            return (key, Message(.changelogMonth, label).render(language))
        case .period(let given):
            let anchors = (given.isEmpty ? [(6, 30), (12, 31)] : given).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            func anchor(_ year: Int, _ a: (Int, Int)) -> CivilDate {
                CivilDate(year: year, month: a.0, day: min(a.1, CivilDate.daysIn(month: a.0, year: year)))!
            }
            // The first report day on or after `day`, and the one before it.
            var ends: [CivilDate] = []
            for y in (day.year - 1)...(day.year + 1) { for a in anchors { ends.append(anchor(y, a)) } }
            ends.sort()
            let i = ends.firstIndex { $0 >= day }!
            let end = ends[i]
            let start = ends[i - 1].adding(days: 1)
            return (end.description, Message(.changelogPeriod, date(start), date(end)).render(language))
        }
    }

    public func marker(head: String) -> String {
        "<!-- plan-changelog: by=\(grouping.name) lang=\(language.rawValue) head=\(head) -->"
    }

    var header: String { "# " + Message(.changelogTitle).render(language) + "\n\n" }

    func entry(_ c: CommitReport) -> String {
        var out = "\n### \(date(c.day)) · \(c.author) · `\(c.shortID)`\n\n"
        if !c.subject.isEmpty { out += c.subject + "\n\n" }
        for ch in c.changes { out += "- " + ChangeText.line(ch, language) + "\n" }
        return out
    }

    func groups(_ commits: [CommitReport]) -> [(key: String, title: String, commits: [CommitReport])] {
        var out: [(key: String, title: String, commits: [CommitReport])] = []
        for c in commits where !c.changes.isEmpty {
            let g = group(of: c.day)
            if out.last?.key == g.key {
                out[out.count - 1].commits.append(c)
            } else {
                out.append((g.key, g.title, [c]))
            }
        }
        return out
    }

    func groupText(_ g: (key: String, title: String, commits: [CommitReport])) -> String {
        "\n## \(g.title)\n<!-- group: \(g.key) -->\n" + g.commits.map(entry).joined()
    }

    /// The whole file, from commits newest first.
    public func render(_ commits: [CommitReport], head: String) -> String {
        header + marker(head: head) + "\n" + groups(commits).map(groupText).joined()
    }

    /// What an existing file was made from, when it was made by `plan changelog` with these settings.
    public func recordedHead(in text: String) -> String? {
        guard
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).first(where: {
                $0.hasPrefix("<!-- plan-changelog:")
            }),
            line.contains(" by=\(grouping.name) "), line.contains(" lang=\(language.rawValue) "),
            let range = line.range(of: "head="), let end = line.range(of: " -->")
        else { return nil }
        return String(line[range.upperBound..<end.lowerBound])
    }

    /// The file with newer commits (newest first) added where a full render would put them; nil when
    /// the file was not made by a previous run with the same settings.
    public func update(_ text: String, newCommits: [CommitReport], head: String) -> String? {
        guard let old = recordedHead(in: text), let markerRange = text.range(of: marker(head: old) + "\n") else {
            return nil
        }
        var out = text
        out.replaceSubrange(markerRange, with: marker(head: head) + "\n")
        let afterMarker = out.range(of: marker(head: head) + "\n")!.upperBound
        var newGroups = groups(newCommits)
        // Entries of the newest existing group go at its top; newer groups go before it.
        let firstExisting: (key: String, range: Range<String.Index>)? = {
            guard let r = out.range(of: "<!-- group: ", range: afterMarker..<out.endIndex),
                let end = out.range(of: " -->\n", range: r.upperBound..<out.endIndex)
            else { return nil }
            return (String(out[r.upperBound..<end.lowerBound]), r.lowerBound..<end.upperBound)
        }()
        if let first = firstExisting, let last = newGroups.last, last.key == first.key {
            out.insert(contentsOf: last.commits.map(entry).joined(), at: first.range.upperBound)
            newGroups.removeLast()
        }
        out.insert(contentsOf: newGroups.map(groupText).joined(), at: afterMarker)
        return out
    }
}
