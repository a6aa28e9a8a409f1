public struct FileMergeConflictRule: FileRule {
    public static let description = RuleDescription(
        id: "file-merge-conflict",
        summary: Localized(en: "unresolved git merge conflict markers", vi: "còn dấu xung đột khi gộp của git"),
        severity: .error, scope: .file,
        triggering: [
            .file("---\nid: demo/1.a\n↓<<<<<<< HEAD\nstatus: done\n=======\nstatus: planned\n>>>>>>> nhanh-khac\n---\n")
        ],
        nonTriggering: [.item("status: done", body: "Tiêu đề\n=======\n\nNội dung.\n")])
}
