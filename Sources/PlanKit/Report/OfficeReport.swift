/// Who sends a report and how its header is laid out, from the `report:` mapping of a plan's header.
public struct ReportIssuer: Sendable, Hashable {
    /// Party bodies follow Hướng dẫn 36-HD/VPTW; state bodies Nghị định 30/2020/NĐ-CP, Phụ lục I.
    public enum Style: String, Sendable { case party, state }

    public var style: Style
    /// Cơ quan cấp trên trực tiếp ("THÀNH ỦY ĐÀ NẴNG"), may be empty.
    public var parent: String
    /// Tên cơ quan ban hành ("BAN TUYÊN GIÁO").
    public var issuer: String
    /// Địa danh ("Đà Nẵng").
    public var place: String
    /// Ký hiệu after the number: "BC/BTGTU" (Party), "BC-UBND" (state).
    public var code: String
    public var signer: String
    /// "PHÓ TRƯỞNG BAN".
    public var signerTitle: String
    /// "T/M BAN THƯỜNG VỤ" / "TM. ỦY BAN NHÂN DÂN"; empty when the head signs in their own name.
    public var onBehalf: String
    public var recipients: [String]

    public init(
        style: Style, parent: String = "", issuer: String, place: String, code: String, signer: String = "",
        signerTitle: String = "", onBehalf: String = "", recipients: [String] = []
    ) {
        self.style = style
        self.parent = parent
        self.issuer = issuer
        self.place = place
        self.code = code
        self.signer = signer
        self.signerTitle = signerTitle
        self.onBehalf = onBehalf
        self.recipients = recipients
    }

    /// From plan.md's `report:` mapping; the issuer defaults to the header's `issuer:`. With a registry
    /// and a day, an issuer the registry knows is named as it was called that day.
    public init(header: PlanHeader, registry: UnitRegistry = .empty, on day: CivilDate? = nil) {
        let r = header.fields?["report"]
        func text(_ key: String) -> String { r?[key]?.scalar?.value ?? "" }
        style = text("style") == "state" ? .state : .party
        parent = text("parent")
        let name = text("issuer")
        let written = name.isEmpty ? (header.issuer ?? "") : name
        let unit = registry.lookup(written)
        issuer = day.flatMap { d in unit.map { registry.name(of: $0, on: d) } } ?? written
        place = text("place")
        code = text("code").isEmpty ? "BC" : text("code")
        signer = text("signer")
        signerTitle = text("signer_title")
        onBehalf = text("on_behalf")
        recipients = r?["recipients"]?.items?.compactMap { $0.scalar?.value } ?? []
    }

    /// "Số 12-BC/BTGTU" or "Số: 12/BC-UBND"; a blank to fill by hand when there is no number yet.
    public func numberLine(_ number: String?) -> String {
        let n = number ?? "      "
        return style == .party ? "Số \(n)-\(code)" : "Số: \(n)/\(code)"
    }

    /// "Đà Nẵng, ngày 05 tháng 6 năm 2024": days under 10 and months 1 and 2 with a leading zero.
    public func placeAndDate(_ d: CivilDate) -> String {
        let day = d.day < 10 ? "0\(d.day)" : "\(d.day)"
        let month = d.month <= 2 ? "0\(d.month)" : "\(d.month)"
        return (place.isEmpty ? "" : place + ", ") + "ngày \(day) tháng \(month) năm \(d.year)"
    }
}

/// The report an office sends for a period: the model Markdown, JSON and Word are rendered from, so the
/// three never disagree.
public struct OfficeReport: Sendable {
    public struct Row: Sendable {
        public let number: Int
        public let item: ItemState
        public let state: DeadlineState?
        /// Results entries dated within the period, up to the cut-off.
        public let results: [ResultsSection.Entry]

        /// "Đã hoàn thành đúng hạn", "Tạm dừng", …: the state, else the status.
        public var stateText: String {
            let s = state?.label(.vi) ?? StatusName.label(item.status, .vi)
            return s.prefix(1).uppercased() + s.dropFirst()
        }

        /// "tháng 9/2021" or the deadline, for the annex's "Thời hạn" column.
        public var deadlineText: String {
            item.deadline.map { "\($0.day)/\($0.month)/\($0.year)" } ?? item.timeframe
        }
    }

    public let planID: String
    public let planTitle: String
    public let planKind: String
    public let issuer: ReportIssuer
    public let period: ReportingPeriod
    public let number: String?
    /// The date the report is signed.
    public let date: CivilDate
    public let rows: [Row]
    public let total: DeadlineFigures
    public let byUnit: [(unit: String, figures: DeadlineFigures)]
    /// Overdue or stopped: section II.
    public let shortcomings: [Row]
    /// Falling due in the next period: section III.
    public let upcoming: [Row]

    /// The items of the period: those not finished before it began.
    public init(
        header: PlanHeader, items: [ItemState], period: ReportingPeriod, number: String?, date: CivilDate,
        registry: UnitRegistry = .empty
    ) {
        planID = header.planID
        planTitle = header.title ?? header.planID
        planKind = header.fields?["kind"]?.scalar?.value ?? "Kế hoạch"
        issuer = ReportIssuer(header: header, registry: registry, on: date)
        self.period = period
        self.number = number
        self.date = date
        let cutoff = period.cutoff
        let inPeriod = items.filter { i in
            guard let c = i.completed, i.status == "done" else { return true }
            return c >= period.start
        }
        .sorted { $0.id.localizedStandardCompare($1.id) == .orderedAscending }
        let rows = inPeriod.enumerated().map { n, i in
            Row(
                number: n + 1, item: i, state: i.state(at: cutoff),
                results: i.results.filter { $0.date >= period.start && $0.date <= cutoff })
        }
        self.rows = rows
        total = DeadlineFigures(rows.map(\.state))
        let units = Array(Set(rows.map(\.item.lead))).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        byUnit = units.map { u in (u, DeadlineFigures(rows.filter { $0.item.lead == u }.map(\.state))) }
        shortcomings = rows.filter { $0.state == .overdue || ItemProgress.stoppedStatuses.contains($0.item.status) }
        let next = period.next
        upcoming = rows.filter { (r: Row) in
            guard let d = r.item.deadline, r.state != .doneOnTime, r.state != .doneLate,
                !ItemProgress.stoppedStatuses.contains(r.item.status)
            else { return false }
            return d >= next.start && d <= next.end
        }
    }

    /// "Sơ kết 6 tháng đầu năm 2024 thực hiện Kế hoạch …".
    public var subject: String { "\(period.heading) thực hiện \(planKind) \(planTitle)" }

    /// The paragraphs of section I's opening: the headline figures.
    public var headline: String {
        "Tính đến ngày \(period.cutoff.vietnamese), \(rows.count) nhiệm vụ thuộc kỳ báo cáo; "
            + "\(total.due) nhiệm vụ đến hạn, trong đó \(total[.doneOnTime]) hoàn thành đúng hạn "
            + "(\(total.onTimeText)), \(total[.doneLate]) hoàn thành quá hạn, \(total[.overdue]) quá hạn chưa "
            + "hoàn thành; \(total[.openInTime]) nhiệm vụ đang thực hiện trong hạn."
    }

    /// "Kết quả: …; văn bản: …" for one row.
    public static func resultText(_ row: Row) -> String {
        var parts: [String] = row.results.map { "\($0.date.vietnamese): \($0.text)" }
        if let c = row.item.completed, row.item.status == "done" { parts.append("Hoàn thành ngày \(c.vietnamese)") }
        if !row.item.evidence.isEmpty { parts.append("Văn bản: " + row.item.evidence.joined(separator: "; ")) }
        if let r = row.item.reason { parts.append("Lý do: " + r) }
        return parts.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: ". ")
    }

    public static let columns = [
        "STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn", "Kết quả và văn bản", "Tình trạng",
    ]

    public func annexCells(_ row: Row) -> [String] {
        [
            String(row.number), row.item.title, row.item.lead, row.item.support.joined(separator: "; "),
            row.deadlineText, Self.resultText(row), row.stateText,
        ]
    }

    public static let figureColumns = [
        "Đơn vị chủ trì", "Đến hạn", "Đúng hạn", "Quá hạn (đã xong)", "Trong hạn", "Quá hạn chưa xong",
        "Tỷ lệ đúng hạn",
    ]

    public static func figureCells(_ name: String, _ f: DeadlineFigures) -> [String] {
        [
            name, String(f.due), String(f[.doneOnTime]), String(f[.doneLate]), String(f[.openInTime]),
            String(f[.overdue]), f.onTimeText,
        ]
    }

    public var figureRows: [[String]] {
        byUnit.map { Self.figureCells($0.unit, $0.figures) } + [Self.figureCells("Tổng", total)]
    }

    // MARK: Markdown and JSON

    public func markdown() -> String {
        var out = "# BÁO CÁO\n\n**\(subject)**\n\n"
        out += "\(issuer.issuer) · \(issuer.numberLine(number)) · *\(issuer.placeAndDate(date))*\n\n"
        out += "Kỳ báo cáo: \(period.start.vietnamese) – \(period.end.vietnamese); chốt số liệu ngày "
        out += period.cutoff.vietnamese + (period.due.map { "; hạn gửi ngày \($0.vietnamese)" } ?? "") + ".\n\n"
        out += "## I. KẾT QUẢ THỰC HIỆN\n\n" + headline + "\n\n"
        out += table(Self.figureColumns, figureRows) + "\n"
        for r in rows {
            out += "- **\(r.item.shortID)** \(r.item.title) — \(r.item.lead): \(r.stateText)."
            let result = Self.resultText(r)
            out += result.isEmpty ? "\n" : " \(result).\n"
        }
        out += "\n## II. HẠN CHẾ\n\n"
        if shortcomings.isEmpty { out += "Không có nhiệm vụ quá hạn hoặc tạm dừng.\n" }
        for r in shortcomings {
            out += "- **\(r.item.shortID)** \(r.item.title) — \(r.item.lead): \(r.stateText)"
            out += (r.item.reason.map { ". Lý do: \($0)" } ?? "") + ".\n"
        }
        out += "\n## III. NHIỆM VỤ KỲ TỚI\n\n"
        if upcoming.isEmpty { out += "Không có nhiệm vụ đến hạn trong kỳ tới.\n" }
        for r in upcoming {
            out += "- **\(r.item.shortID)** \(r.item.title) — \(r.item.lead): hạn \(r.deadlineText).\n"
        }
        out += "\n## PHỤ LỤC\n\n" + table(Self.columns, rows.map(annexCells))
        return out
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---|" }.joined() + "\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    public func json() -> String {
        func row(_ r: Row) -> JSONValue {
            [
                "item": .string(r.item.id), "title": .string(r.item.title), "lead": .string(r.item.lead),
                "support": .array(r.item.support.map { .string($0) }), "status": .string(r.item.status),
                "deadline": JSONValue(r.item.deadline?.description),
                "completed": JSONValue(r.item.completed?.description),
                "state": JSONValue(r.state?.rawValue), "evidence": .array(r.item.evidence.map { .string($0) }),
                "reason": JSONValue(r.item.reason),
                "results": .array(r.results.map { ["date": .string($0.date.description), "text": .string($0.text)] }),
            ]
        }
        let root: JSONValue = [
            "version": 1, "plan": .string(planID), "subject": .string(subject),
            "issuer": [
                "style": .string(issuer.style.rawValue), "name": .string(issuer.issuer),
                "number": .string(issuer.numberLine(number)), "date": .string(date.description),
            ],
            "period": [
                "kind": .string(period.kind.rawValue), "label": .string(period.label),
                "start": .string(period.start.description), "end": .string(period.end.description),
                "cutoff": .string(period.cutoff.description), "due": JSONValue(period.due?.description),
            ],
            "figures": total.json,
            "units": .array(byUnit.map { ["unit": .string($0.unit), "figures": $0.figures.json] }),
            "items": .array(rows.map(row)),
            "shortcomings": .array(shortcomings.map { .string($0.item.id) }),
            "next_period": .array(upcoming.map { .string($0.item.id) }),
        ]
        return root.serialized() + "\n"
    }
}
