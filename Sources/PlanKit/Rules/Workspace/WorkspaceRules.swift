public struct IDDuplicateRule: WorkspaceRule {
    public init() {}
    public static let description = RuleDescription(
        id: "id-duplicate",
        summary: Localized(en: "two items with the same id", vi: "hai nhiệm vụ trùng mã"),
        severity: .error, scope: .workspace,
        triggering: [
            RuleExample(files: [
                (ExampleWorkspace.itemPath, ExampleWorkspace.item(["id: ↓demo/1.a"])),
                ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: ↓demo/1.a"])),
            ])
        ],
        nonTriggering: [
            RuleExample(files: [
                (ExampleWorkspace.itemPath, ExampleWorkspace.item(["id: demo/1.a"])),
                ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"])),
            ])
        ])

    public func check(_ view: WorkspaceView, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (id, indices) in view.duplicateIDs {
            for i in indices {
                let item = view.items[i]
                let others = indices.filter { $0 != i }.map { view.items[$0].path }
                findings.append(
                    Finding(
                        item.location(item.facts.id!),
                        Message(.idDuplicate, Catalogue.quote(id), Catalogue.quoteList(others))))
            }
        }
        return findings
    }
}

public struct DependsOnMissingRule: WorkspaceRule {
    public init() {}
    public static let description = RuleDescription(
        id: "depends-on-missing",
        summary: Localized(
            en: "depends_on names an item that does not exist", vi: "depends_on ghi một nhiệm vụ không tồn tại"),
        severity: .error, scope: .workspace,
        triggering: [.item("depends_on:\n  - ↓demo/9.z")],
        nonTriggering: [
            RuleExample(files: [
                (ExampleWorkspace.itemPath, ExampleWorkspace.item(["depends_on: [demo/1.b]"])),
                ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"])),
            ])
        ])

    public func check(_ view: WorkspaceView, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for i in view.items.indices where !view.items[i].facts.dependsOn.isEmpty {
            let item = view.items[i]
            for d in item.facts.dependsOn where view.firstItemByID[d.value] == nil {
                findings.append(Finding(item.location(d), Message(.dependsMissing, Catalogue.quote(d.value))))
            }
        }
        return findings
    }
}

public struct DependsOnCycleRule: WorkspaceRule {
    public init() {}
    public static let description = RuleDescription(
        id: "depends-on-cycle",
        summary: Localized(
            en: "items that depend on each other in a circle", vi: "các nhiệm vụ phụ thuộc lẫn nhau theo vòng tròn"),
        severity: .error, scope: .workspace,
        triggering: [
            RuleExample(files: [
                (ExampleWorkspace.itemPath, ExampleWorkspace.item(["depends_on: [↓demo/1.b]"])),
                ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "depends_on: [demo/1.a]"])),
            ]),
            .item("depends_on: [↓demo/1.a]"),
        ],
        nonTriggering: [
            RuleExample(files: [
                (ExampleWorkspace.itemPath, ExampleWorkspace.item(["depends_on: [demo/1.b]"])),
                ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"])),
            ])
        ])

    public func check(_ view: WorkspaceView, _ context: RuleContext) -> [Finding] {
        // Items by id (the first of duplicates), edges from depends_on. Only items with dependencies
        // can be in a cycle: the graph is theirs.
        func item(_ id: String) -> FileFacts? { view.firstItemByID[id].map { view.items[$0] } }
        var findings: [Finding] = []
        var edges: [String: [String]] = [:]
        for i in view.items.indices where !view.items[i].facts.dependsOn.isEmpty {
            let it = view.items[i]
            for d in it.facts.dependsOn where d.value == it.facts.id?.value {
                findings.append(Finding(it.location(d), Message(.dependsSelf)))
            }
            guard let id = it.facts.id?.value, view.firstItemByID[id] == i else { continue }
            let out = it.facts.dependsOn.map(\.value).filter { view.firstItemByID[$0] != nil && $0 != id }
            if !out.isEmpty { edges[id] = out }
        }
        // Tarjan's strongly connected components, iteratively (long chains must not overflow the
        // stack); a component of two or more items is a cycle.
        var index = 0
        var indices: [String: Int] = [:]
        var low: [String: Int] = [:]
        var stack: [String] = []
        var onStack = Set<String>()
        var components: [[String]] = []
        for root in edges.keys.sorted() where indices[root] == nil {
            var work: [(node: String, next: Int)] = [(root, 0)]
            indices[root] = index
            low[root] = index
            index += 1
            stack.append(root)
            onStack.insert(root)
            while let (node, next) = work.last {
                let out = edges[node] ?? []
                if next < out.count {
                    work[work.count - 1].next += 1
                    let w = out[next]
                    if indices[w] == nil {
                        indices[w] = index
                        low[w] = index
                        index += 1
                        stack.append(w)
                        onStack.insert(w)
                        work.append((w, 0))
                    } else if onStack.contains(w) {
                        low[node] = min(low[node]!, indices[w]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent]!, low[node]!) }
                if low[node] == indices[node] {
                    var component: [String] = []
                    while let w = stack.popLast() {
                        onStack.remove(w)
                        component.append(w)
                        if w == node { break }
                    }
                    if component.count > 1 { components.append(component.sorted()) }
                }
            }
        }
        for component in components {
            // Reported once, at the first item (by path) of the cycle, on its edge into the cycle.
            let members = Set(component)
            let first = component.compactMap(item).min { $0.path < $1.path }!
            let firstID = first.facts.id!.value
            guard let edge = first.facts.dependsOn.first(where: { members.contains($0.value) }) else { continue }
            var chain = [firstID]
            var current = edge.value
            while current != firstID, chain.count <= component.count {
                chain.append(current)
                current = edges[current]?.first { members.contains($0) } ?? firstID
            }
            chain.append(firstID)
            findings.append(Finding(first.location(edge), Message(.dependsCycle, chain.joined(separator: " → "))))
        }
        return findings
    }
}

public struct PlanHeaderMissingRule: WorkspaceRule {
    public init() {}
    public static let description = RuleDescription(
        id: "plan-header-missing",
        summary: Localized(en: "a plan folder without its plan.md", vi: "thư mục kế hoạch thiếu tệp plan.md"),
        severity: .warning, scope: .workspace,
        triggering: [RuleExample(files: [("plans/khac/1-muc/↓1a.md", ExampleWorkspace.item(["id: khac/1.a"]))])],
        nonTriggering: [.item()])

    public func check(_ view: WorkspaceView, _ context: RuleContext) -> [Finding] {
        var reported = Set<String>()
        return view.items.compactMap { item in
            guard !view.headerPlanIDs.contains(item.planID), reported.insert(item.planID).inserted else { return nil }
            return Finding(
                SourceLocation(path: item.path, line: 1, column: 1), Message(.planHeaderMissing, item.planID))
        }
    }
}

public struct PlanPeriodInvalidRule: DocumentRule {
    public init() {}
    public static let description = RuleDescription(
        id: "plan-period-invalid",
        summary: Localized(en: "a plan.md period that is not understood", vi: "giai đoạn trong plan.md không đọc được"),
        severity: .error, scope: .document,
        triggering: [
            RuleExample(files: [(ExampleWorkspace.headerPath, "---\ntitle: Kế hoạch\nperiod: ↓năm năm\n---\n")])
        ],
        nonTriggering: [
            RuleExample(files: [(ExampleWorkspace.headerPath, "---\ntitle: Kế hoạch\nperiod: 2021-2025\n---\n")])
        ])

    public func check(_ document: Document, _ context: RuleContext) -> [Finding] {
        guard document.path.hasSuffix("/plan.md"), let node = document.frontMatter?["period"]?.scalar,
            node.json != .null, PlanPeriod(text: node.value) == nil
        else { return [] }
        return [Finding(document.location(of: node), Message(.planPeriodInvalid, Catalogue.quote(node.value)))]
    }
}

public struct SuppressionUnusedRule: Rule {
    public static let description = RuleDescription(
        id: "suppression-unused",
        summary: Localized(
            en: "a plan-disable that suppresses nothing or names no rule",
            vi: "plan-disable không tắt cảnh báo nào hoặc ghi quy tắc không tồn tại"),
        severity: .warning, scope: .item,
        triggering: [.item("plan-disable: ↓unit-alias"), .item("plan-disable: ↓khong-co")],
        nonTriggering: [.item("lead: Phòng Tuyên truyền - Báo chí và Xuất bản", "plan-disable: unit-alias")])
}
