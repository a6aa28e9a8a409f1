public struct FileNoFrontMatterRule: FileRule {
    public static let description = RuleDescription(
        id: "file-no-front-matter",
        summary: Localized(en: "item file without a front-matter", vi: "tệp nhiệm vụ thiếu phần khai báo"),
        severity: .error, scope: .file,
        triggering: [
            .file("↓Nội dung nhiệm vụ, chưa có phần khai báo.\n"),
            .file("↓"),
            .file("\n↓---\nid: demo/1.a\n---\n"),
        ],
        nonTriggering: [.item()])
}
