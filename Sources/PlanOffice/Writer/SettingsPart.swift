/// `word/settings.xml`: a different first page (no page number on it) and Vietnamese proofing.
struct SettingsPart: PackagePart {
    let path = "word/settings.xml"
    let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"

    var xml: String {
        XML.declaration + #"<w:settings xmlns:w="\#(XML.w)">"#
            + #"<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>"#
            + #"<w:themeFontLang w:val="vi-VN"/><w:compat><w:compatSetting w:name="compatibilityMode" "#
            + #"w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    }
}
