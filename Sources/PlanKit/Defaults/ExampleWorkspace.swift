/// The small workspace rule examples run in: a period, a registry of a few units, a plan header,
/// and a standard valid item that examples change a few lines of.
public enum ExampleWorkspace {
    public static let itemPath = "plans/demo/1-muc/1a.md"
    public static let headerPath = "plans/demo/plan.md"
    public static let today = CivilDate(year: 2022, month: 1, day: 15)!

    public static let config = """
        locale: vi
        period: 2021-2025

        """

    public static let units = """
        units:
          - id: ptt-bc-xb
            name: Phòng Tuyên truyền - Báo chí - Xuất bản
            aliases: [Phòng Tuyên truyền - Báo chí và Xuất bản]
            kind: internal
          - id: pvh-vn-kg-th
            name: Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp
            kind: internal
          - id: so-tttt
            name: Sở Thông tin và Truyền thông
            kind: external
          - id: so-vhttdl
            name: Sở Văn hóa, Thể thao và Du lịch
            kind: external
          - id: cac-phong
            name: Các phòng chức năng thuộc Ban
            kind: group
          - id: phong-th
            name: Phòng Tổng hợp
            kind: internal
            until: 2021-12-31
            successor: pvh-vn-kg-th
          - id: to-thu-ky
            name: Tổ Thư ký
            kind: internal
            until: 2021-06-30

        """

    public static let header = """
        ---
        id: demo
        title: Kế hoạch mẫu
        issuer: Ban Tuyên giáo
        period: 2021-2025
        ---

        """

    static let standardFields: [(key: String, block: String)] = [
        ("id", "id: demo/1.a"),
        ("title", "title: Tuyên truyền, phổ biến kế hoạch"),
        ("lead", "lead: Phòng Tuyên truyền - Báo chí - Xuất bản"),
        ("support", "support:\n  - Sở Thông tin và Truyền thông"),
        ("timeframe", "timeframe: Tháng 9/2021"),
        ("status", "status: done"),
        ("completed", "completed: 2021-09-20"),
    ]

    /// The standard item with field blocks replaced (same key) or appended (new key). A block `-key`
    /// removes the field.
    public static func item(_ fields: [String], body: String = "Nội dung nhiệm vụ.\n") -> String {
        var blocks = standardFields
        for f in fields {
            if f.hasPrefix("-") {
                blocks.removeAll { $0.key == String(f.dropFirst()) }
                continue
            }
            let key = String(f.prefix { $0 != ":" }).replacingOccurrences(of: "↓", with: "")
            if let i = blocks.firstIndex(where: { $0.key == key }) {
                blocks[i] = (key, f)
            } else {
                blocks.append((key, f))
            }
        }
        return "---\n" + blocks.map(\.block).joined(separator: "\n") + "\n---\n" + body
    }

    /// The files of the example workspace, without items.
    public static var baseFiles: [String: String] {
        [
            WorkspaceConfig.fileName: config,
            "schemas/plan-item.schema.json": DefaultWorkspace.itemSchema,
            "schemas/units.yaml": units,
            headerPath: header,
        ]
    }
}
