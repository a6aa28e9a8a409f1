public struct FileUnterminatedFrontMatterRule: FileRule {
    public static let description = RuleDescription(
        id: "file-unterminated-front-matter",
        summary: Localized(en: "front-matter that is never closed", vi: "phần khai báo không có dòng đóng"),
        severity: .error, scope: .file,
        triggering: [.file("↓---\nid: demo/1.a\ntitle: Nhiệm vụ\n\nNội dung.\n")],
        nonTriggering: [.item()])
}
