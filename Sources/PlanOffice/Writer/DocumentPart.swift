import PlanKit

/// `word/document.xml`: the report laid out as the issuer's rules say. A portrait section (header
/// blocks, sections I–III, signature and recipients) then a landscape one (the annex table).
struct DocumentPart: PackagePart {
    let report: OfficeReport
    let layout: IssuerLayout
    let path = "word/document.xml"
    let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    /// Relationship ids of the headers, as the document's relationships part names them.
    static let defaultHeader = "rIdHeaderDefault"
    static let firstHeader = "rIdHeaderFirst"

    var xml: String {
        var body = headerBlocks() + titleBlock() + sections() + signature()
        body += paragraph([], Para(sectionBreak: sectionProperties(landscape: false)))
        body += annex()
        body += sectionProperties(landscape: true)
        return XML.declaration + #"<w:document xmlns:w="\#(XML.w)" xmlns:r="\#(XML.r)"><w:body>"# + body
            + "</w:body></w:document>"
    }

    // MARK: Building blocks

    struct Run {
        var text: String
        var bold = false
        var italic = false
        var underline = false
        var size: Int?
    }

    struct Para {
        var style: String?
        var align: String?
        var size: Int?
        var before: Int?
        var after: Int?
        var firstLine: Int?
        /// A rule under the paragraph, this many twips narrower on each side than the text.
        var ruleInset: Int?
        var keepNext = false
        var sectionBreak: String?
    }

    func run(_ r: Run) -> String {
        var props = ""
        if r.bold { props += "<w:b/><w:bCs/>" }
        if r.italic { props += "<w:i/><w:iCs/>" }
        if let s = r.size { props += #"<w:sz w:val="\#(s)"/><w:szCs w:val="\#(s)"/>"# }
        if r.underline { props += #"<w:u w:val="single"/>"# }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + #"<w:t xml:space="preserve">"#
            + XML.escape(r.text) + "</w:t></w:r>"
    }

    func paragraph(_ runs: [Run], _ p: Para = Para()) -> String {
        var props = ""
        if let s = p.style { props += #"<w:pStyle w:val="\#(s)"/>"# }
        if p.keepNext { props += "<w:keepNext/>" }
        if p.ruleInset != nil {
            props += #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#
        }
        if p.before != nil || p.after != nil {
            props +=
                "<w:spacing" + (p.before.map { #" w:before="\#($0)""# } ?? "")
                + (p.after.map { #" w:after="\#($0)""# } ?? "") + "/>"
        }
        if let inset = p.ruleInset {
            props += #"<w:ind w:left="\#(inset)" w:right="\#(inset)"/>"#
        } else if let f = p.firstLine {
            props += #"<w:ind w:firstLine="\#(f)"/>"#
        }
        if let a = p.align { props += #"<w:jc w:val="\#(a)"/>"# }
        if let s = p.size { props += #"<w:rPr><w:sz w:val="\#(s)"/><w:szCs w:val="\#(s)"/></w:rPr>"# }
        if let s = p.sectionBreak { props += s }
        return "<w:p>" + (props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>") + runs.map(run).joined() + "</w:p>"
    }

    func centred(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil, rule: Int? = nil)
        -> String
    {
        let line = paragraph(
            [Run(text: text, bold: bold, italic: italic, size: size)], Para(align: "center", size: size))
        // The rule is the bottom border of an empty paragraph of its own, indented to the rule's length, so
        // the text above keeps the column's full width.
        return line + (rule.map { paragraph([], Para(align: "center", size: 4, ruleInset: $0)) } ?? "")
    }

    /// A table: fixed column widths, borders or none, optional header row repeated on every page.
    func table(widths: [Int], rows: [[String]], borders: Bool, header: Bool, bold: Set<Int> = []) -> String {
        let border = borders ? "single" : "nil"
        var out = "<w:tbl><w:tblPr>" + #"<w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/>"#
        out += "<w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out += #"<w:\#(side) w:val="\#(border)" w:sz="4" w:space="0" w:color="000000"/>"#
        }
        out += #"</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#
        out += widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        for (n, row) in rows.enumerated() {
            out += "<w:tr>"
            if header && n == 0 { out += "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" }
            for (c, text) in row.enumerated() {
                out += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[c])" w:type="dxa"/></w:tcPr>"#
                let isHeader = header && n == 0
                out += paragraph(
                    [Run(text: text, bold: isHeader || bold.contains(n), size: layout.tableSize)],
                    Para(style: "Cell", align: isHeader || c == 0 || (c > 0 && text.count < 8) ? "center" : "left"))
                out += "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    /// A borderless two-column table whose cells hold paragraphs already built.
    func columns(_ left: [String], _ right: [String], widths: (Int, Int)) -> String {
        var out = #"<w:tbl><w:tblPr><w:tblW w:w="\#(widths.0 + widths.1)" w:type="dxa"/><w:tblBorders>"#
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out += #"<w:\#(side) w:val="nil"/>"#
        }
        out += #"</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>"#
        out += #"<w:tblGrid><w:gridCol w:w="\#(widths.0)"/><w:gridCol w:w="\#(widths.1)"/></w:tblGrid><w:tr>"#
        out += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths.0)" w:type="dxa"/></w:tcPr>"# + left.joined() + "</w:tc>"
        out += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths.1)" w:type="dxa"/></w:tcPr>"# + right.joined() + "</w:tc>"
        return out + "</w:tr></w:tbl>"
    }

    // MARK: The report

    func headerBlocks() -> String {
        let issuer = report.issuer
        let size = layout.headerSize
        var left: [String] = []
        var right: [String] = []
        let dateLine = paragraph(
            [Run(text: issuer.placeAndDate(report.date), italic: true, size: 28)],
            Para(align: "center", size: 28, before: 120))
        if issuer.style == .party {
            if !issuer.parent.isEmpty { left.append(centred(issuer.parent.uppercased(), size: size)) }
            left.append(centred(issuer.issuer.uppercased(), bold: true, size: size))
            left.append(centred("*", size: size))
            left.append(centred(issuer.numberLine(report.number), size: size))
            right.append(centred("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, size: layout.mottoTitleSize, rule: 550))
            right.append(dateLine)
        } else {
            if !issuer.parent.isEmpty { left.append(centred(issuer.parent.uppercased(), size: size)) }
            left.append(centred(issuer.issuer.uppercased(), bold: true, size: size, rule: 1100))
            left.append(
                paragraph(
                    [Run(text: issuer.numberLine(report.number), size: size)],
                    Para(align: "center", size: size, before: 120)))
            right.append(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: layout.mottoTitleSize))
            right.append(centred("Độc lập - Tự do - Hạnh phúc", bold: true, size: 28, rule: 1300))
            right.append(dateLine)
        }
        let w = PageGeometry.portraitText
        let share = issuer.style == .party ? 42 : 38
        return columns(left, right, widths: (w * share / 100, w - w * share / 100))
    }

    func titleBlock() -> String {
        var out = paragraph(
            [Run(text: "BÁO CÁO", bold: true, size: layout.kindSize)],
            Para(align: "center", size: layout.kindSize, before: 360))
        out += centred(report.subject, bold: true, size: 28)
        if report.issuer.style == .party {
            out += centred("-----", size: 28)
        } else {
            out += paragraph([], Para(align: "center", size: 4, ruleInset: 3600))
        }
        return out + paragraph([], Para(after: 120))
    }

    func heading(_ text: String) -> String { paragraph([Run(text: text)], Para(style: "Section")) }
    func body(_ text: String) -> String { paragraph([Run(text: text)], Para(style: "Body")) }

    func sections() -> String {
        let period = report.period
        var out = body(
            "Thực hiện \(report.planKind) \(report.planTitle), \(report.issuer.issuer) báo cáo kết quả "
                + "\(period.title) (số liệu tính đến ngày \(period.cutoff.vietnamese)) như sau:")
        out += heading("I. KẾT QUẢ THỰC HIỆN")
        out += body(report.headline)
        out += body("Kết quả theo đơn vị chủ trì:")
        let w = PageGeometry.portraitText
        let widths = [2755, 900, 950, 1100, 950, 1250, 1450]
        let scaled = widths.map { $0 * w / widths.reduce(0, +) }
        out += table(
            widths: scaled, rows: [OfficeReport.figureColumns] + report.figureRows, borders: true, header: true,
            bold: [report.figureRows.count])
        out += paragraph([], Para(after: 60))
        for r in report.rows {
            let result = OfficeReport.resultText(r)
            out += paragraph(
                [
                    Run(text: "- \(r.item.shortID). \(r.item.title) ", bold: false),
                    Run(text: "(\(r.item.lead)): ", italic: true),
                    Run(text: r.stateText + "." + (result.isEmpty ? "" : " " + result + ".")),
                ], Para(style: "Body"))
        }
        out += heading("II. HẠN CHẾ")
        if report.shortcomings.isEmpty { out += body("Không có nhiệm vụ quá hạn hoặc tạm dừng.") }
        for r in report.shortcomings {
            out += body(
                "- \(r.item.shortID). \(r.item.title) (\(r.item.lead)): \(r.stateText)"
                    + (r.item.reason.map { ". Lý do: \($0)" } ?? "") + ".")
        }
        out += heading("III. NHIỆM VỤ KỲ TỚI")
        if report.upcoming.isEmpty { out += body("Không có nhiệm vụ đến hạn trong kỳ tới.") }
        for r in report.upcoming {
            out += body("- \(r.item.shortID). \(r.item.title) (\(r.item.lead)): hạn \(r.deadlineText).")
        }
        out += body("(Chi tiết tại Phụ lục kèm theo.)")
        return out
    }

    func signature() -> String {
        let issuer = report.issuer
        var left: [String] = []
        if issuer.style == .party {
            left.append(paragraph([Run(text: "Nơi nhận:", underline: true, size: layout.recipientsTitleSize)]))
        } else {
            left.append(
                paragraph([Run(text: "Nơi nhận:", bold: true, italic: true, size: layout.recipientsTitleSize)]))
        }
        for (n, r) in issuer.recipients.enumerated() {
            let end = n == issuer.recipients.count - 1 ? "." : (issuer.style == .party ? "," : ";")
            left.append(paragraph([Run(text: "- " + r + end, size: layout.recipientsSize)]))
        }
        var right: [String] = []
        let authority = layout.authority(issuer)
        if !authority.isEmpty { right.append(centred(authority, bold: true, size: 28)) }
        if !issuer.signerTitle.isEmpty { right.append(centred(issuer.signerTitle.uppercased(), bold: true, size: 28)) }
        for _ in 0..<4 { right.append(paragraph([], Para(size: 28))) }
        if !issuer.signer.isEmpty { right.append(centred(issuer.signer, bold: true, size: 28)) }
        let w = PageGeometry.portraitText
        return paragraph([], Para(after: 120)) + columns(left, right, widths: (w / 2, w - w / 2))
    }

    func annex() -> String {
        var out = centred("PHỤ LỤC", bold: true, size: 28)
        out += centred("Tình hình thực hiện các nhiệm vụ \(report.period.title)", bold: true, size: 28)
        out += centred(
            "(Kèm theo Báo cáo \(report.issuer.numberLine(report.number)), \(report.issuer.placeAndDate(report.date)))",
            italic: true, size: 26)
        out += paragraph([], Para(after: 120))
        let widths = [700, 3200, 1900, 1900, 1400, 3687, 1500]
        return out
            + table(
                widths: widths, rows: [OfficeReport.columns] + report.rows.map(report.annexCells), borders: true,
                header: true) + paragraph([])
    }

    func sectionProperties(landscape: Bool) -> String {
        var out = "<w:sectPr>"
        out += #"<w:headerReference w:type="default" r:id="\#(Self.defaultHeader)"/>"#
        if !landscape { out += #"<w:headerReference w:type="first" r:id="\#(Self.firstHeader)"/>"# }
        out += #"<w:type w:val="nextPage"/>"#
        if landscape {
            out += #"<w:pgSz w:w="\#(PageGeometry.a4Long)" w:h="\#(PageGeometry.a4Short)" w:orient="landscape"/>"#
        } else {
            out += #"<w:pgSz w:w="\#(PageGeometry.a4Short)" w:h="\#(PageGeometry.a4Long)"/>"#
        }
        out +=
            #"<w:pgMar w:top="\#(PageGeometry.top)" w:right="\#(PageGeometry.right)" w:bottom="\#(PageGeometry.bottom)" "#
        out += #"w:left="\#(PageGeometry.left)" w:header="567" w:footer="567" w:gutter="0"/>"#
        if !landscape { out += "<w:titlePg/>" }
        return out + "</w:sectPr>"
    }
}
