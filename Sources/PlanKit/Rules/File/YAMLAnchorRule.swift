public struct YAMLAnchorRule: FileRule {
    public static let description = RuleDescription(
        id: "yaml-anchor",
        summary: Localized(
            en: "YAML anchors and aliases in front-matter", vi: "dùng neo hoặc bí danh YAML trong phần khai báo"),
        severity: .error, scope: .file,
        triggering: [
            .item("title: ↓&t Tuyên truyền", "tags:\n  - *t"),
            .file("---\na: ↓&a [x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n---\n"),
        ],
        nonTriggering: [.item("title: Nghiên cứu & phát triển *mới*")])
}
