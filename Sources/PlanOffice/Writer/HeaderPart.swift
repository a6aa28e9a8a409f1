/// A page header: the page number centred at the top, or nothing (the first page has none).
struct HeaderPart: PackagePart {
    let path: String
    let pageNumber: Bool
    let sizeHalfPoints: Int
    let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"

    var xml: String {
        var out =
            XML.declaration + #"<w:hdr xmlns:w="\#(XML.w)" xmlns:r="\#(XML.r)"><w:p><w:pPr><w:jc w:val="center"/>"#
        out += #"<w:spacing w:after="0"/><w:ind w:firstLine="0"/></w:pPr>"#
        if pageNumber {
            let rPr = #"<w:rPr><w:sz w:val="\#(sizeHalfPoints)"/></w:rPr>"#
            out +=
                #"<w:r>\#(rPr)<w:fldChar w:fldCharType="begin"/></w:r><w:r>\#(rPr)<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#
            out += #"<w:r>\#(rPr)<w:fldChar w:fldCharType="separate"/></w:r><w:r>\#(rPr)<w:t>2</w:t></w:r>"#
            out += #"<w:r>\#(rPr)<w:fldChar w:fldCharType="end"/></w:r>"#
        }
        return out + "</w:p></w:hdr>"
    }
}
