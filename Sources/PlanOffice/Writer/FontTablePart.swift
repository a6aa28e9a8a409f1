/// `word/fontTable.xml`: Times New Roman, with Liberation Serif (same metrics) named as its alternative,
/// so a machine without Times lays the pages out the same.
struct FontTablePart: PackagePart {
    let path = "word/fontTable.xml"
    let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"

    var xml: String {
        XML.declaration + #"<w:fonts xmlns:w="\#(XML.w)">"#
            + #"<w:font w:name="Times New Roman"><w:altName w:val="Liberation Serif"/>"#
            + #"<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/>"#
            + #"<w:pitch w:val="variable"/></w:font>"#
            + #"<w:font w:name="Liberation Serif"><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#
            + "</w:fonts>"
    }
}
