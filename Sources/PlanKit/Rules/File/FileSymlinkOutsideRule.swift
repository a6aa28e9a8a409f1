public struct FileSymlinkOutsideRule: FileRule {
    public static let description = RuleDescription(
        id: "file-symlink-outside",
        summary: Localized(
            en: "symbolic link that leaves the workspace (not followed)",
            vi: "liên kết tượng trưng trỏ ra ngoài thư mục làm việc (không đọc)"),
        severity: .warning, scope: .file,
        triggering: [RuleExample(files: [("plans/demo/1-muc/↓1b.md", "symlink→/etc/passwd")])],
        nonTriggering: [RuleExample(files: [("plans/demo/1-muc/1b.md", "symlink→1a.md")])])
}
