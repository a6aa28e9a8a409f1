import Foundation

/// An item as a status view sees it.
public struct ItemState: Sendable, Hashable {
    public let id: String
    public let title: String
    public let path: String
    /// The lead's registered name (as written when it is not registered).
    public let lead: String
    public let status: String
    public let timeframe: String
    public let deadline: CivilDate?
    /// Coordinating units by their registered names.
    public let support: [String]
    public let completed: CivilDate?
    public let evidence: [String]
    public let reason: String?
    /// The dated entries of "Kết quả thực hiện", oldest first.
    public let results: [ResultsSection.Entry]

    /// An item with its progress: the body's results section is read too. `period` is the item's
    /// plan's: it supplies the year a timeframe leaves out, as in `plan check`. `day`: units are named
    /// as they were called that day (a unit renamed or merged since by its successor's name).
    public init(item: Item, registry: UnitRegistry, period: PlanPeriod? = nil, on day: CivilDate? = nil) {
        self.init(
            fields: item.json, path: item.path, registry: registry, period: period,
            results: ItemProgress(document: item.document).results?.entries ?? [], on: day)
    }

    public init(
        fields: JSONValue, path: String, registry: UnitRegistry, period: PlanPeriod? = nil,
        results: [ResultsSection.Entry] = [], on day: CivilDate? = nil
    ) {
        id = fields["id"]?.stringValue ?? path
        title = fields["title"]?.stringValue ?? ""
        self.path = path
        let leadText = fields["lead"]?.stringValue ?? fields["lead"]?.arrayValue?.first?.stringValue
        lead = leadText.map { registry.name($0, on: day) ?? $0 } ?? ""
        status = fields["status"]?.stringValue ?? ""
        switch fields["timeframe"] {
        case .string(let s)?: timeframe = s
        case .number(let n)?: timeframe = JSONValue.format(number: n)
        default: timeframe = ""
        }
        deadline = ItemDeadline.of(fields: fields, period: period)
        let supportValues: [JSONValue] = fields["support"]?.arrayValue ?? (fields["support"].map { [$0] } ?? [])
        support = supportValues.compactMap(\.stringValue).filter { !$0.isEmpty }.map {
            registry.name($0, on: day) ?? $0
        }
        completed = fields["completed"]?.stringValue.flatMap(ProgressDate.parse)
        let evidenceValues: [JSONValue] = fields["evidence"]?.arrayValue ?? (fields["evidence"].map { [$0] } ?? [])
        evidence = evidenceValues.compactMap(\.stringValue).filter { !$0.isEmpty }
        reason = fields["reason"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        self.results = results.sorted { $0.date < $1.date }
    }

    /// Which of the four states the item is in on the cut-off date.
    public func state(at cutoff: CivilDate) -> DeadlineState? {
        DeadlineState.of(status: status, deadline: deadline, completed: completed, cutoff: cutoff)
    }

    /// Done, or no longer pursued (stopped or cancelled): never overdue, never "due soon".
    public var isFinished: Bool { status == "done" || ItemProgress.stoppedStatuses.contains(status) }

    public func isOverdue(on day: CivilDate) -> Bool {
        guard let deadline, !isFinished else { return false }
        return deadline < day
    }

    public var shortID: String { id.split(separator: "/").last.map(String.init) ?? id }
}

/// The plan as it stands on a day: items by lead unit and status, what is overdue, what is due soon,
/// and when the next periodic reports are due.
public struct PlanStatus: Sendable {
    public let today: CivilDate
    public let items: [ItemState]
    public let reports: [(plan: String, name: String, due: CivilDate)]
    public static let statuses = ["planned", "in-progress", "blocked", "done", "stopped", "cancelled"]

    public init(items: [ItemState], headers: [PlanHeader], today: CivilDate) {
        self.today = today
        self.items = items.sorted { $0.id.localizedStandardCompare($1.id) == .orderedAscending }
        var reports: [(String, String, CivilDate)] = []
        for h in headers {
            for r in h.reports {
                if let next = r.due.nextOccurrence(onOrAfter: today) { reports.append((h.planID, r.name, next)) }
            }
        }
        self.reports = reports.sorted { $0.2 < $1.2 }
    }

    public init(snapshot: Snapshot, today: CivilDate) {
        self.init(
            items: snapshot.items.map {
                ItemState(item: $0, registry: snapshot.registry, period: snapshot.period(of: $0), on: today)
            },
            headers: snapshot.headers.values.sorted { $0.planID < $1.planID }, today: today)
    }

    public var units: [String] {
        Array(Set(items.map(\.lead))).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    public func count(unit: String, status: String) -> Int { items.count { $0.lead == unit && $0.status == status } }

    /// The four-state figures on today's date, for one lead unit or for the whole plan.
    public func figures(unit: String? = nil) -> DeadlineFigures {
        DeadlineFigures(items.filter { unit == nil || $0.lead == unit }.map { $0.state(at: today) })
    }

    public var overdue: [ItemState] {
        items.filter { $0.isOverdue(on: today) }.sorted { ($0.deadline!, $0.id) < ($1.deadline!, $1.id) }
    }

    /// Due within `days` days from today.
    public func upcoming(days: Int = 30) -> [ItemState] {
        let limit = today.adding(days: days)
        return items.filter { i in
            guard let d = i.deadline, !i.isFinished else { return false }
            return d >= today && d <= limit
        }.sorted { ($0.deadline!, $0.id) < ($1.deadline!, $1.id) }
    }

    // MARK: Rendering

    public func markdown(_ language: Language) -> String {
        let vi = language == .vi
        func date(_ d: CivilDate) -> String { vi ? d.vietnamese : d.description }
        var out = "# " + Message(.statusTitle, date(today)).render(language) + "\n\n"
        let total = figures()
        out += "## " + Message(.figuresTitle, date(today)).render(language) + "\n\n"
        out += Message(.figuresHeadline, String(total.due), total.onTimeText, String(total[.overdue])).render(language)
        out += "\n\n" + DeadlineFigures.table(units.map { ($0, figures(unit: $0)) }, total: total, language) + "\n"
        out += "## " + Message(.statusByUnit).render(language) + "\n\n"
        let shown = Self.statuses + Array(Set(items.map(\.status)).subtracting(Self.statuses)).sorted()
        out +=
            "| " + Message(.statusUnit).render(language) + " | "
            + shown.map { StatusName.label($0, language) }.joined(separator: " | ")
            + " | " + Message(.statusTotal).render(language) + " |\n"
        out += "|---|" + shown.map { _ in "---:|" }.joined() + "---:|\n"
        for unit in units {
            let counts = shown.map { count(unit: unit, status: $0) }
            out +=
                "| \(unit.isEmpty ? Message(.reportNoLead).render(language) : unit) | "
                + counts.map(String.init).joined(separator: " | ")
                + " | \(counts.reduce(0, +)) |\n"
        }
        out += "\n## " + Message(.statusOverdue, String(overdue.count)).render(language) + "\n\n"
        out += list(overdue, language) { i in
            Message(.statusOverdueLine, date(i.deadline!), String(i.deadline!.days(until: today))).render(language)
        }
        let soon = upcoming()
        out += "\n## " + Message(.statusUpcoming, String(soon.count)).render(language) + "\n\n"
        out += list(soon, language) { i in Message(.statusDueLine, date(i.deadline!)).render(language) }
        if !reports.isEmpty {
            out += "\n## " + Message(.statusReports).render(language) + "\n\n"
            for r in reports { out += "- \(date(r.due)): \(r.name) (\(r.plan))\n" }
        }
        return out
    }

    private func list(_ items: [ItemState], _ language: Language, _ note: (ItemState) -> String) -> String {
        guard !items.isEmpty else { return Message(.statusNone).render(language) + "\n" }
        return items.map { "- \($0.shortID) — \($0.lead): \(note($0)), \(StatusName.label($0.status, language))\n" }
            .joined()
    }

    public func json() -> String {
        func item(_ i: ItemState) -> JSONValue {
            [
                "id": .string(i.id), "title": .string(i.title), "path": .string(i.path), "lead": .string(i.lead),
                "status": .string(i.status), "timeframe": .string(i.timeframe),
                "deadline": JSONValue(i.deadline?.description), "state": JSONValue(i.state(at: today)?.rawValue),
            ]
        }
        let byUnit: [JSONValue] = units.map { unit in
            var counts: [(String, JSONValue)] = []
            for s in Set(items.filter { $0.lead == unit }.map(\.status)).sorted() {
                counts.append((s, JSONValue(count(unit: unit, status: s))))
            }
            return [
                "unit": .string(unit), "statuses": .object(.init(uniqueKeysWithValues: counts)),
                "figures": figures(unit: unit).json,
            ]
        }
        let root: JSONValue = [
            "version": 1, "today": .string(today.description), "items": JSONValue(items.count),
            "figures": figures().json,
            "units": .array(byUnit), "overdue": .array(overdue.map(item)), "upcoming": .array(upcoming().map(item)),
            "reports": .array(
                reports.map {
                    ["plan": .string($0.plan), "name": .string($0.name), "due": .string($0.due.description)]
                }),
        ]
        return root.serialized() + "\n"
    }
}

/// Status values in words.
public enum StatusName {
    public static func label(_ status: String, _ language: Language) -> String {
        let id: MessageID? =
            switch status {
            case "planned": .statusPlanned
            case "in-progress": .statusInProgress
            case "done": .statusDone
            case "blocked": .statusBlocked
            case "stopped": .statusStopped
            case "cancelled": .statusCancelled
            default: nil
            }
        return id.map { Message($0).render(language) } ?? status
    }
}
