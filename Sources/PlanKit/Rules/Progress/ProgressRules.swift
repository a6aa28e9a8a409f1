public struct ProgressCompletedMissingRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "progress-completed-missing",
        summary: Localized(
            en: "a done item without its completion date (completed:)",
            vi: "nhiệm vụ đã hoàn thành nhưng thiếu ngày hoàn thành (completed:)"),
        severity: .error, scope: .item,
        triggering: [.item("status: ↓done", "-completed")],
        nonTriggering: [.item("status: done", "completed: 2021-09-20"), .item("status: in-progress", "-completed")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard let status = facts.item.status, status.value == "done", facts.progress.completedScalar == nil else {
            return []
        }
        return [Finding(facts.item.document.location(of: status), Message(.progressCompletedMissing))]
    }
}

public struct ProgressCompletedInvalidRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "progress-completed-invalid",
        summary: Localized(
            en: "a completion date that is not a date (2024-06-10 or 10/6/2024)",
            vi: "ngày hoàn thành không phải một ngày (2024-06-10 hoặc 10/6/2024)"),
        severity: .error, scope: .item,
        triggering: [.item("completed: ↓tháng 6"), .item("completed: ↓31/2/2021")],
        nonTriggering: [.item("completed: 20/9/2021"), .item("completed: 2021-09-20")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard let s = facts.progress.completedScalar, facts.progress.completed == nil else { return [] }
        return [
            Finding(facts.item.document.location(of: s), Message(.progressCompletedInvalid, Catalogue.quote(s.value)))
        ]
    }
}

public struct ProgressCompletedFutureRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "progress-completed-future",
        summary: Localized(
            en: "a completion date after today (--today sets the date)",
            vi: "ngày hoàn thành sau ngày hôm nay (--today để đặt ngày)"),
        severity: .error, scope: .item,
        triggering: [.item("completed: ↓2022-03-01")],
        nonTriggering: [.item("completed: 2022-01-15"), .item("completed: 15/1/2022")])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard let s = facts.progress.completedScalar, let d = facts.progress.completed, d > context.today else {
            return []
        }
        return [
            Finding(
                facts.item.document.location(of: s),
                Message(.progressCompletedFuture, d.description, context.today.description))
        ]
    }
}

public struct ProgressEvidenceUnparseableRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "progress-evidence-unparseable",
        summary: Localized(
            en: "evidence that does not read as a document: type, number, issuer code and date",
            vi: "văn bản kết quả không đọc được: loại, số, ký hiệu và ngày"),
        severity: .error, scope: .item,
        triggering: [
            .item("evidence:\n  - ↓Báo cáo ngày 10/6/2021"), .item("evidence:\n  - ↓Báo cáo số 12-BC/BTGTU"),
            .item("evidence:\n  - ↓Chỉ thị số 06-CT-UBND ngày 30/8/2021"),
            .item("evidence:\n  - ↓Công văn số 1234/UBND-VX ngày 31/2/2021"),
            .item("evidence: ↓Số 12/UBND-VX ngày 10/6/2021"),
        ],
        nonTriggering: [
            .item("evidence:\n  - Báo cáo số 12-BC/BTGTU ngày 10/6/2021"),
            .item("evidence:\n  - \"Số: 12/BC-UBND ngày 05/3/2021\""),
            .item("evidence: Công văn số 1234/UBND-VX ngày 05/3/2021 của UBND thành phố"),
            .item("evidence:\n  - Số 12-BC/BTGTU ngày 10 tháng 6 năm 2021"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        facts.progress.evidence.compactMap { scalar, parsed in
            guard case .failure(let f) = parsed else { return nil }
            let q = Catalogue.quote(scalar.value)
            let message: Message =
                switch f {
                case .noNumber: Message(.progressEvidenceNoNumber, q)
                case .mixedStyle(let code): Message(.progressEvidenceMixedStyle, q, Catalogue.quote(code))
                case .noDate: Message(.progressEvidenceNoDate, q)
                case .invalidDate(let d): Message(.progressEvidenceInvalidDate, q, Catalogue.quote(d))
                case .noKind: Message(.progressEvidenceNoKind, q)
                }
            return Finding(facts.item.document.location(of: scalar), message)
        }
    }
}

public struct ProgressReasonMissingRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "progress-reason-missing",
        summary: Localized(
            en: "a stopped or cancelled item without its reason (reason:)",
            vi: "nhiệm vụ tạm dừng hoặc hủy bỏ mà không ghi lý do (reason:)"),
        severity: .error, scope: .item,
        triggering: [.item("status: ↓stopped"), .item("status: ↓cancelled", "reason: \"\"")],
        nonTriggering: [
            .item("status: stopped", "reason: Chờ hướng dẫn của Ban Tuyên giáo Trung ương"),
            .item("status: in-progress"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard let status = facts.item.status, ItemProgress.stoppedStatuses.contains(status.value),
            facts.progress.reason == nil
        else { return [] }
        return [
            Finding(
                facts.item.document.location(of: status),
                Message(.progressReasonMissing, Catalogue.quote(status.value)))
        ]
    }
}

public struct ProgressResultsNotStartedRule: ItemRule {
    public init() {}
    public static let description = RuleDescription(
        id: "progress-results-not-started",
        summary: Localized(
            en: "results written in an item whose status says it has not started",
            vi: "có kết quả thực hiện nhưng trạng thái nhiệm vụ là chưa triển khai"),
        severity: .warning, scope: .item,
        triggering: [
            .item(
                "status: planned", "-completed",
                body: "Nội dung.\n\n↓## Kết quả thực hiện\n\n- 10/6/2021: Đã tổ chức hội nghị.\n")
        ],
        nonTriggering: [
            .item(
                "status: in-progress", "-completed",
                body: "Nội dung.\n\n## Kết quả thực hiện\n\n- 10/6/2021: Đã tổ chức hội nghị.\n"),
            .item("status: planned", "-completed", body: "Nội dung.\n\n## Kết quả thực hiện\n\n"),
        ])

    public func check(_ facts: ItemFacts, _ context: RuleContext) -> [Finding] {
        guard let status = facts.item.status, status.value == ItemProgress.notStarted,
            let results = facts.progress.results, !results.entries.isEmpty
        else { return [] }
        return [
            Finding(
                facts.item.document.location(line: results.headingLine, column: 1),
                Message(.progressResultsNotStarted, String(results.entries.count)))
        ]
    }
}
