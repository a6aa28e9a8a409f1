public struct FileLegacyEncodingRule: FileRule {
    public static let description = RuleDescription(
        id: "file-legacy-encoding",
        summary: Localized(
            en: "text in a pre-Unicode Vietnamese encoding (TCVN3, VNI)",
            vi: "văn bản dùng bảng mã tiếng Việt cũ (TCVN3, VNI)"),
        severity: .error, scope: .file,
        triggering: [
            // "Kế hoạch tháng chương trình" in TCVN3 bytes (the .Vn fonts' code page).
            .file("---\nid: demo/1.a\ntitle: K↓«xD5» ho«xB9»ch th«xB8»ng ch«xAD»«xAC»ng tr«xD7»nh\n---\n"),
            // "Việt Nam tháng" in VNI bytes.
            .file("---\nid: demo/1.a\ntitle: Vie↓«xE4»t Nam tha«xF9»ng ca«xF9»c ho«xF8»a ngu«xF8»o«xE0»i\n---\n"),
            // TCVN3 text that was already mis-decoded into Unicode.
            .file("↓---\nid: demo/1.a\ntitle: K\u{D5} ho\u{B9}ch th\u{B8}ng ch\u{AD}\u{AC}ng tr\u{D7}nh\n---\n"),
        ],
        nonTriggering: [.item("title: Kế hoạch tháng chương trình"), .item("title: Bản quyền © 2021, số º1")])
}
