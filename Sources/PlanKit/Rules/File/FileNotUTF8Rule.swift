public struct FileNotUTF8Rule: FileRule {
    public static let description = RuleDescription(
        id: "file-not-utf8",
        summary: Localized(en: "file is not valid UTF-8", vi: "tệp không ở mã UTF-8 hợp lệ"),
        severity: .error, scope: .file,
        triggering: [.item("title: Kế hoạch ↓«xFF» năm")],
        nonTriggering: [.item("title: Kế hoạch năm 2021")])
}
