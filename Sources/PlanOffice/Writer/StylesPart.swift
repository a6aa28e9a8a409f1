/// `word/styles.xml`: Times New Roman everywhere (Liberation Serif when missing, see the font table);
/// body paragraphs justified with a 1.27 cm first-line indent.
struct StylesPart: PackagePart {
    let layout: IssuerLayout
    let path = "word/styles.xml"
    let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"

    var xml: String {
        let fonts =
            #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#
        return XML.declaration + #"<w:styles xmlns:w="\#(XML.w)">"#
            + #"<w:docDefaults><w:rPrDefault><w:rPr>\#(fonts)<w:sz w:val="\#(layout.bodySize)"/><w:szCs w:val="\#(layout.bodySize)"/>"#
            + #"<w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>"#
            + #"<w:pPr><w:spacing w:before="60" w:after="60" w:line="264" w:lineRule="auto"/><w:ind w:firstLine="\#(PageGeometry.firstLine)"/><w:jc w:val="both"/></w:pPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="Section Heading"/><w:basedOn w:val="Body"/><w:next w:val="Body"/><w:qFormat/>"#
            + #"<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Cell"><w:name w:val="Table Cell"/><w:basedOn w:val="Normal"/>"#
            + #"<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="\#(layout.tableSize)"/><w:szCs w:val="\#(layout.tableSize)"/></w:rPr></w:style>"#
            + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#
            + #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
            + "</w:styles>"
    }
}
