public struct FileTooLargeRule: FileRule {
    public static let description = RuleDescription(
        id: "file-too-large",
        summary: Localized(
            en: "file, front-matter, line or nesting beyond plan's limits",
            vi: "tệp, phần khai báo, dòng hoặc độ lồng nhau vượt giới hạn"),
        severity: .error, scope: .file,
        triggering: [
            .item("↓title: " + String(repeating: "dài ", count: 5000)),
            .item("tags: ↓" + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)),
        ],
        nonTriggering: [.item("title: " + String(repeating: "dài ", count: 200))])
}
