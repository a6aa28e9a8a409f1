public struct YAMLSyntaxRule: FileRule {
    public static let description = RuleDescription(
        id: "yaml-syntax",
        summary: Localized(en: "front-matter is not valid YAML", vi: "phần khai báo sai cú pháp YAML"),
        severity: .error, scope: .file,
        triggering: [
            .item("title: ↓\"chưa đóng ngoặc\n"),
            .item("status: planned\n↓status: done"),
        ],
        nonTriggering: [.item("title: \"Có ngoặc: đúng\"")])
}
