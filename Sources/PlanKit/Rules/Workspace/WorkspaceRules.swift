public struct IDDuplicateRule: WorkspaceRule {
    public init() {}
    public static let description = RuleDescription(
        id: "id-duplicate",
        summary: Localized(en: "two items with the same id", vi: "hai nhiệm vụ trùng mã"),
        severity: .error, scope: .workspace,
        triggering: [RuleExample(files: [
            (ExampleWorkspace.itemPath, ExampleWorkspace.item(["id: ↓demo/1.a"])),
            ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: ↓demo/1.a"])),
        ])],
        nonTriggering: [RuleExample(files: [
            (ExampleWorkspace.itemPath, ExampleWorkspace.item(["id: demo/1.a"])),
            ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"])),
        ])])

    public func check(_ snapshot: Snapshot, _ context: RuleContext) -> [Finding] {
        var byID: [String: [Item]] = [:]
        for item in snapshot.items { if let id = item.idValue { byID[id, default: []].append(item) } }
        var findings: [Finding] = []
        for (id, items) in byID where items.count > 1 {
            for item in items {
                let others = items.filter { $0.path != item.path }.map(\.path)
                findings.append(Finding(item.document.location(of: item.id!),
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
        summary: Localized(en: "depends_on names an item that does not exist", vi: "depends_on ghi một nhiệm vụ không tồn tại"),
        severity: .error, scope: .workspace,
        triggering: [.item("depends_on:\n  - ↓demo/9.z")],
        nonTriggering: [RuleExample(files: [
            (ExampleWorkspace.itemPath, ExampleWorkspace.item(["depends_on: [demo/1.b]"])),
            ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"])),
        ])])

    public func check(_ snapshot: Snapshot, _ context: RuleContext) -> [Finding] {
        let ids = Set(snapshot.items.compactMap(\.idValue))
        var findings: [Finding] = []
        for item in snapshot.items {
            for d in item.dependsOn where d.json != .null && !ids.contains(d.value) {
                findings.append(Finding(item.document.location(of: d), Message(.dependsMissing, Catalogue.quote(d.value))))
            }
        }
        return findings
    }
}

public struct DependsOnCycleRule: WorkspaceRule {
    public init() {}
    public static let description = RuleDescription(
        id: "depends-on-cycle",
        summary: Localized(en: "items that depend on each other in a circle", vi: "các nhiệm vụ phụ thuộc lẫn nhau theo vòng tròn"),
        severity: .error, scope: .workspace,
        triggering: [
            RuleExample(files: [
                (ExampleWorkspace.itemPath, ExampleWorkspace.item(["depends_on: [↓demo/1.b]"])),
                ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b", "depends_on: [demo/1.a]"])),
            ]),
            .item("depends_on: [↓demo/1.a]"),
        ],
        nonTriggering: [RuleExample(files: [
            (ExampleWorkspace.itemPath, ExampleWorkspace.item(["depends_on: [demo/1.b]"])),
            ("plans/demo/1-muc/1b.md", ExampleWorkspace.item(["id: demo/1.b"])),
        ])])

    public func check(_ snapshot: Snapshot, _ context: RuleContext) -> [Finding] {
        // Items by id (the first of duplicates), edges from depends_on.
        var byID: [String: Item] = [:]
        for item in snapshot.items { if let id = item.idValue, byID[id] == nil { byID[id] = item } }
        var findings: [Finding] = []
        // Self-dependencies.
        for item in snapshot.items {
            for d in item.dependsOn where d.value == item.idValue {
                findings.append(Finding(item.document.location(of: d), Message(.dependsSelf)))
            }
        }
        // Tarjan's strongly connected components; a component of two or more items is a cycle.
        let ids = byID.keys.sorted()
        var index = 0
        var indices: [String: Int] = [:], low: [String: Int] = [:]
        var stack: [String] = [], onStack = Set<String>()
        var components: [[String]] = []
        func edges(_ id: String) -> [String] {
            byID[id]!.dependsOn.map(\.value).filter { byID[$0] != nil && $0 != id }
        }
        func strongConnect(_ v: String) {
            // Iterative to survive long chains.
            var work: [(String, Int)] = [(v, 0)]
            indices[v] = index; low[v] = index; index += 1
            stack.append(v); onStack.insert(v)
            while let (node, next) = work.last {
                let out = edges(node)
                if next < out.count {
                    work[work.count - 1].1 += 1
                    let w = out[next]
                    if indices[w] == nil {
                        indices[w] = index; low[w] = index; index += 1
                        stack.append(w); onStack.insert(w)
                        work.append((w, 0))
                    } else if onStack.contains(w) {
                        low[node] = min(low[node]!, indices[w]!)
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.0 { low[parent] = min(low[parent]!, low[node]!) }
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
        }
        for id in ids where indices[id] == nil { strongConnect(id) }
        for component in components {
            // Report at the first item (by path) of the cycle, on its edge into the cycle.
            let members = Set(component)
            let first = component.map { byID[$0]! }.min { $0.path < $1.path }!
            guard let edge = first.dependsOn.first(where: { members.contains($0.value) }) else { continue }
            var chain = [first.idValue!]
            var current = edge.value
            while current != first.idValue!, chain.count <= component.count {
                chain.append(current)
                current = byID[current]!.dependsOn.map(\.value).first { members.contains($0) } ?? first.idValue!
            }
            chain.append(first.idValue!)
            findings.append(Finding(first.document.location(of: edge), Message(.dependsCycle, chain.joined(separator: " → "))))
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

    public func check(_ snapshot: Snapshot, _ context: RuleContext) -> [Finding] {
        snapshot.planIDs.compactMap { id in
            guard snapshot.headers[id] == nil,
                  let first = snapshot.items.first(where: { $0.planID == id }) else { return nil }
            return Finding(SourceLocation(path: first.path, line: 1, column: 1), Message(.planHeaderMissing, id))
        }
    }
}

public struct PlanPeriodInvalidRule: DocumentRule {
    public init() {}
    public static let description = RuleDescription(
        id: "plan-period-invalid",
        summary: Localized(en: "a plan.md period that is not understood", vi: "giai đoạn trong plan.md không đọc được"),
        severity: .error, scope: .document,
        triggering: [RuleExample(files: [(ExampleWorkspace.headerPath, "---\ntitle: Kế hoạch\nperiod: ↓năm năm\n---\n")])],
        nonTriggering: [RuleExample(files: [(ExampleWorkspace.headerPath, "---\ntitle: Kế hoạch\nperiod: 2021-2025\n---\n")])])

    public func check(_ document: Document, _ context: RuleContext) -> [Finding] {
        guard document.path.hasSuffix("/plan.md"), let node = document.frontMatter?["period"]?.scalar,
              node.json != .null, PlanPeriod(text: node.value) == nil else { return [] }
        return [Finding(document.location(of: node), Message(.planPeriodInvalid, Catalogue.quote(node.value)))]
    }
}

public struct SuppressionUnusedRule: Rule {
    public static let description = RuleDescription(
        id: "suppression-unused",
        summary: Localized(en: "a plan-disable that suppresses nothing or names no rule",
                           vi: "plan-disable không tắt cảnh báo nào hoặc ghi quy tắc không tồn tại"),
        severity: .warning, scope: .item,
        triggering: [.item("plan-disable: ↓unit-alias"), .item("plan-disable: ↓khong-co")],
        nonTriggering: [.item("lead: Phòng Tuyên truyền - Báo chí và Xuất bản", "plan-disable: unit-alias")])
}
