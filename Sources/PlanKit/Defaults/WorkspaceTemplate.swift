/// The files `plan init` writes: the layout of a workspace, with comments that say what each setting is.
public enum WorkspaceTemplate {
    public static func config(locale: Language, period: String?) -> String {
        """
        # plan workspace configuration: the settings of every plan under plans/.
        # Cấu hình thư mục kế hoạch: áp dụng cho mọi kế hoạch trong thư mục plans/.
        version: 1

        # Language of messages and reports: vi or en (--lang overrides).
        # Ngôn ngữ của thông báo và báo cáo: vi hoặc en.
        locale: \(locale.rawValue)

        # The years the plans run over, when a plan's own plan.md does not say (e.g. 2026-2030).
        # Giai đoạn thực hiện, khi plan.md của kế hoạch không ghi.
        \(period.map { "period: " + $0 } ?? "# period: 2026-2030")

        # Rule severities: error, warning, info or off. `plan rules` lists the rules.
        # Mức độ của từng quy tắc kiểm tra: error, warning, info hoặc off.
        rules: {}

        # Paths (globs) not to check. Các đường dẫn không kiểm tra.
        ignore: []

        # What the prepare-commit-msg hook writes into commit messages: append, comment or off.
        # Tóm tắt thay đổi trong lời nhắn commit: append (thêm vào), comment (dạng chú thích) hoặc off.
        commit_summary: append

        """
    }

    public static let units = """
        # Registry of organisational units (danh mục đơn vị).
        # Every lead ("Chủ trì") and support ("Phối hợp") unit is checked against it. Each unit has an id,
        # its registered name, the other names or spellings in use (aliases) and a kind:
        # internal (a unit of the issuing body), external (another body), group (several units at once).
        #
        #   - id: so-tc
        #     name: Sở Tài chính
        #     aliases: [STC]
        #     kind: external
        units: []

        """

    /// Where `plan init` puts what, relative to the workspace root; the hooks are executable.
    public static func files(locale: Language, period: String?) -> [(path: String, text: String, executable: Bool)] {
        [
            (WorkspaceConfig.fileName, config(locale: locale, period: period), false),
            ("schemas/plan-item.schema.json", DefaultWorkspace.itemSchema, false),
            ("schemas/units.yaml", units, false),
            ("plans/.gitkeep", "", false),
            (".githooks/pre-commit", HookScripts.preCommit, true),
            (".githooks/prepare-commit-msg", HookScripts.prepareCommitMessage, true),
        ]
    }
}
