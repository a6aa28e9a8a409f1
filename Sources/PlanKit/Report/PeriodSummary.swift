/// The summary a periodic report is made from: per lead unit, the items it leads and their status at
/// the period's end, what changed in them during the period, and what is overdue at its end.
public struct PeriodSummary: Sendable {
    public let period: ReportPeriod
    /// Items as they stood at the period's end.
    public let items: [ItemState]
    /// Commits of the period, oldest first.
    public let commits: [CommitReport]
    /// The day overdue is judged by: the period's end, or today when the period is not over.
    public let asOf: CivilDate

    public init(period: ReportPeriod, items: [ItemState], commits: [CommitReport], today: CivilDate) {
        self.period = period
        self.items = items.sorted { $0.id.localizedStandardCompare($1.id) == .orderedAscending }
        self.commits = commits.sorted { $0.time < $1.time }
        asOf = min(today, period.end)
    }

    public struct UnitSection: Sendable {
        public let unit: String
        public let items: [ItemState]
        public let changes: [(commit: CommitReport, change: ItemChange)]
        public let overdue: [ItemState]
    }

    public var sections: [UnitSection] {
        var units = Set(items.map(\.lead))
        var changesByUnit: [String: [(CommitReport, ItemChange)]] = [:]
        let leadByItem = Dictionary(items.map { ($0.id, $0.lead) }, uniquingKeysWith: { a, _ in a })
        for c in commits {
            for ch in c.changes {
                let unit = leadByItem[ch.item] ?? ch.lead ?? ""
                units.insert(unit)
                changesByUnit[unit, default: []].append((c, ch))
            }
        }
        return units.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map { unit in
            let mine = items.filter { $0.lead == unit }
            return UnitSection(
                unit: unit, items: mine, changes: changesByUnit[unit] ?? [],
                overdue: mine.filter { $0.isOverdue(on: asOf.adding(days: 1)) })
        }
    }

    /// The four-state figures on the day the period is judged by, for one lead unit or all.
    public func figures(unit: String? = nil) -> DeadlineFigures {
        DeadlineFigures(items.filter { unit == nil || $0.lead == unit }.map { $0.state(at: asOf) })
    }

    public func markdown(_ language: Language) -> String {
        let vi = language == .vi
        func date(_ d: CivilDate) -> String { vi ? d.vietnamese : d.description }
        var out =
            "# " + Message(.periodTitle, period.title(language), date(period.start), date(period.end)).render(language)
            + "\n"
        let total = figures()
        out += "\n## " + Message(.figuresTitle, date(asOf)).render(language) + "\n\n"
        out += Message(.figuresHeadline, String(total.due), total.onTimeText, String(total[.overdue])).render(language)
        out +=
            "\n\n" + DeadlineFigures.table(sections.map { ($0.unit, figures(unit: $0.unit)) }, total: total, language)
        for s in sections {
            let name = s.unit.isEmpty ? Message(.reportNoLead).render(language) : s.unit
            out += "\n## \(name)\n\n"
            var counts: [String: Int] = [:]
            for i in s.items { counts[i.status, default: 0] += 1 }
            let breakdown = counts.keys.sorted {
                (PlanStatus.statuses.firstIndex(of: $0) ?? 99, $0) < (PlanStatus.statuses.firstIndex(of: $1) ?? 99, $1)
            }
            .map { "\(counts[$0]!) \(StatusName.label($0, language))" }.joined(separator: ", ")
            out +=
                Message(.periodLeads, String(s.items.count), breakdown.isEmpty ? "—" : breakdown).render(language)
                + "\n\n"
            for i in s.items {
                out += "- \(i.shortID): \(i.title) — \(StatusName.label(i.status, language)); \(i.timeframe)\n"
            }
            out += "\n### " + Message(.periodChanges).render(language) + "\n\n"
            if s.changes.isEmpty { out += Message(.periodNoChanges).render(language) + "\n" }
            for (c, ch) in s.changes {
                out += "- \(date(c.day)) · " + ChangeText.line(ch, language) + " (`\(c.shortID)`)\n"
            }
            if !s.overdue.isEmpty {
                out += "\n### " + Message(.periodOverdue).render(language) + "\n\n"
                for i in s.overdue {
                    out += "- \(i.shortID): " + Message(.statusDueLine, date(i.deadline!)).render(language) + "\n"
                }
            }
        }
        return out
    }

    public func json() -> String {
        let units: [JSONValue] = sections.map { s in
            [
                "unit": .string(s.unit),
                "items": .array(
                    s.items.map { i in
                        [
                            "item": .string(i.id), "title": .string(i.title), "status": .string(i.status),
                            "timeframe": .string(i.timeframe), "deadline": JSONValue(i.deadline?.description),
                        ]
                    }),
                "changes": .array(
                    s.changes.map { c, ch in
                        var o = JSONReportRenderer.change(ch)
                        if case .object(var obj) = o {
                            obj.updateValue(.string(c.id), forKey: "commit", insertingAt: 0)
                            obj.updateValue(.string(c.date), forKey: "date", insertingAt: 1)
                            o = .object(obj)
                        }
                        return o
                    }),
                "overdue": .array(s.overdue.map { .string($0.id) }),
                "figures": figures(unit: s.unit).json,
            ]
        }
        let root: JSONValue = [
            "version": 1,
            "period": [
                "label": .string(period.label), "start": .string(period.start.description),
                "end": .string(period.end.description),
            ],
            "figures": figures().json,
            "units": .array(units),
        ]
        return root.serialized() + "\n"
    }
}
