import Foundation
import PlanKit
import Testing
import ZIPFoundation

@testable import PlanOffice

/// Small .docx packages written here part by part, so that each test shows the WordprocessingML it reads.
enum WordPackage {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    /// A table cell: spanning `span` columns, and with `merge` a vertical merge ("restart", or "" to
    /// continue the cell above).
    static func tc(_ text: String, span: Int = 1, merge: String? = nil) -> String {
        var pr = span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : ""
        if let merge { pr += merge == "" ? "<w:vMerge/>" : #"<w:vMerge w:val="\#(merge)"/>"# }
        return "<w:tc><w:tcPr>\(pr)</w:tcPr>" + (text.isEmpty ? "<w:p/>" : p(text)) + "</w:tc>"
    }

    static func make(
        body: String, numbering: String? = nil, styles: String? = nil, footnotes: String? = nil
    ) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        try add(
            "[Content_Types].xml",
            #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        try add("word/document.xml", #"<?xml version="1.0"?><w:document \#(w)><w:body>\#(body)</w:body></w:document>"#)
        if let numbering { try add("word/numbering.xml", #"<w:numbering \#(w)>\#(numbering)</w:numbering>"#) }
        if let styles { try add("word/styles.xml", #"<w:styles \#(w)>\#(styles)</w:styles>"#) }
        if let footnotes { try add("word/footnotes.xml", #"<w:footnotes \#(w)>\#(footnotes)</w:footnotes>"#) }
        return [UInt8](archive.data ?? Data())
    }

    static func p(_ text: String, num: (id: Int, level: Int)? = nil, style: String? = nil) -> String {
        var ppr = ""
        if let style { ppr += #"<w:pStyle w:val="\#(style)"/>"# }
        if let num { ppr += #"<w:numPr><w:ilvl w:val="\#(num.level)"/><w:numId w:val="\#(num.id)"/></w:numPr>"# }
        return "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>") + "<w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    static func level(_ i: Int, _ format: String, _ text: String, start: Int = 1, extra: String = "") -> String {
        #"<w:lvl w:ilvl="\#(i)"><w:start w:val="\#(start)"/><w:numFmt w:val="\#(format)"/><w:lvlText w:val="\#(text)"/>\#(extra)</w:lvl>"#
    }

    static func read(_ bytes: [UInt8]) throws -> OfficeDocument {
        try WordDocumentReader().read(bytes, path: "test.docx")
    }

    static func labels(_ d: OfficeDocument) -> [String] { d.paragraphs.map(\.labelled) }
}

@Suite struct NumberingTests {
    typealias P = WordPackage

    /// An outline as Vietnamese plans number it: "1.", "1.1.", "a)", with "- " bullets.
    static let outline =
        #"<w:abstractNum w:abstractNumId="0">"#
        + P.level(0, "decimal", "%1.") + P.level(1, "decimal", "%1.%2.") + P.level(2, "lowerLetter", "%3)")
        + P.level(3, "bullet", "\u{F0B7}") + "</w:abstractNum>"
        + #"<w:abstractNum w:abstractNumId="1">"# + P.level(0, "upperRoman", "%1.") + "</w:abstractNum>"
        + #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
        + #"<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#

    @Test func multiLevelLabelsRestartBelowAHigherLevel() throws {
        let body = [
            P.p("NHIỆM VỤ", num: (2, 0)), P.p("Sở Tài chính", num: (1, 0)), P.p("Rà soát", num: (1, 1)),
            P.p("Lập dự toán", num: (1, 2)), P.p("Thẩm định", num: (1, 2)), P.p("Dấu", num: (1, 3)),
            P.p("Báo cáo", num: (1, 1)), P.p("Sở Nội vụ", num: (1, 0)), P.p("Hướng dẫn", num: (1, 1)),
            P.p("Việc một", num: (1, 2)), P.p("TỔ CHỨC", num: (2, 0)),
        ].joined()
        let d = try P.read(P.make(body: body, numbering: Self.outline))
        #expect(
            P.labels(d) == [
                "I. NHIỆM VỤ", "1. Sở Tài chính", "1.1. Rà soát", "a) Lập dự toán", "b) Thẩm định", "- Dấu",
                "1.2. Báo cáo", "2. Sở Nội vụ", "2.1. Hướng dẫn", "a) Việc một", "II. TỔ CHỨC",
            ])
    }

    @Test func startOverrideMakesANewListAndNumIDZeroRemovesNumbering() throws {
        let numbering =
            Self.outline
            + #"<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#
            + #"<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">"#
            + P.level(0, "upperLetter", "%1-") + "</w:lvlOverride></w:num>"
        let body = [
            P.p("một", num: (1, 0)), P.p("hai", num: (1, 0)), P.p("năm", num: (3, 0)), P.p("sáu", num: (3, 0)),
            P.p("ba", num: (1, 0)), P.p("không số", num: (0, 0)), P.p("chữ", num: (4, 0)),
        ].joined()
        let d = try P.read(P.make(body: body, numbering: numbering))
        #expect(P.labels(d) == ["1. một", "2. hai", "5. năm", "6. sáu", "3. ba", "không số", "A- chữ"])
    }

    @Test func numberingFromAParagraphStyleAndItsLinkedLevel() throws {
        let numbering =
            #"<w:abstractNum w:abstractNumId="7">"# + P.level(0, "decimal", "%1.", extra: #"<w:pStyle w:val="Muc1"/>"#)
            + P.level(1, "lowerLetter", "%2)", extra: #"<w:pStyle w:val="Muc2"/>"#) + "</w:abstractNum>"
            + #"<w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num>"#
        let styles =
            #"<w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Muc2"><w:name w:val="Muc 2"/><w:basedOn w:val="Muc1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>"#
        let body = [P.p("Sở Y tế", style: "Muc1"), P.p("việc", style: "Muc2"), P.p("việc", style: "Muc2")].joined()
        let d = try P.read(P.make(body: body, numbering: numbering, styles: styles))
        #expect(P.labels(d) == ["1. Sở Y tế", "a) việc", "b) việc"])
        #expect(d.paragraphs[0].bold && d.paragraphs[0].headingLevel == 2 && d.paragraphs[0].style == "heading 2")
        #expect(!d.paragraphs[1].bold)
    }

    @Test func restartLevelLegalNumbersAndFormats() throws {
        let numbering =
            #"<w:abstractNum w:abstractNumId="0">"# + P.level(0, "upperRoman", "%1.")
            + P.level(1, "decimal", "%1.%2.", extra: #"<w:lvlRestart w:val="0"/><w:isLgl/>"#) + "</w:abstractNum>"
            + #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
        let body = [
            P.p("a", num: (1, 0)), P.p("b", num: (1, 1)), P.p("c", num: (1, 0)), P.p("d", num: (1, 1)),
        ].joined()
        let d = try P.read(P.make(body: body, numbering: numbering))
        // Level 2 never restarts, and shows level 1 as a decimal number.
        #expect(P.labels(d) == ["I. a", "1.1. b", "II. c", "2.2. d"])
    }

    @Test(arguments: [
        (NumberFormat.lowerLetter, 1, "a"), (.lowerLetter, 4, "d"), (.lowerLetter, 5, "e"), (.lowerLetter, 27, "aa"),
        (.upperLetter, 2, "B"), (.lowerRoman, 14, "xiv"), (.upperRoman, 1999, "MCMXCIX"), (.decimalZero, 7, "07"),
        (.decimal, 12, "12"),
    ])
    func formats(format: NumberFormat, n: Int, shown: String) {
        #expect(format.format(n) == shown)
    }

    @Test func lettersFollowWordAndTypedVietnameseLettersGetANote() throws {
        let numbering =
            #"<w:abstractNum w:abstractNumId="0">"# + P.level(0, "lowerLetter", "%1)") + "</w:abstractNum>"
            + #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
        let body = (1...5).map { P.p("việc \($0)", num: (1, 0)) }.joined() + P.p("đ) việc gõ tay")
        let bytes = try P.make(body: body, numbering: numbering)
        let r = try #require(try OfficeImport.read(bytes, path: "kh.docx"))
        #expect(r.text.contains("d) việc 4\n\ne) việc 5\n\nđ) việc gõ tay\n"))
        #expect(r.notes == [OfficeNote(line: 11, kind: .vietnameseLetters(typed: 1))])
        #expect(
            r.notes[0].render(.en).hasPrefix("line 11: typed letters follow Vietnamese order (đ after d; 1 in all)"))
        #expect(r.notes[0].render(.vi).hasPrefix("dòng 11:"))
    }
}

@Suite struct WordContentTests {
    typealias P = WordPackage

    @Test func runsTabsBreaksAndBold() throws {
        let body =
            #"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Số:</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:tab/><w:t xml:space="preserve"> 12/KH</w:t></w:r>"#
            + #"<w:r><w:rPr><w:b/></w:rPr><w:br/><w:t>-UBND</w:t></w:r></w:p>"#
            + #"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Đậm</w:t></w:r><w:r><w:t xml:space="preserve"> thường</w:t></w:r></w:p>"#
            + #"<w:p><w:r><w:t>Ẩn</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>giấu</w:t></w:r></w:p>"#
        let d = try P.read(P.make(body: body))
        #expect(d.paragraphs.map(\.text) == ["Số:\t 12/KH\n-UBND", "Đậm thường", "Ẩn"])
        #expect(d.paragraphs.map(\.bold) == [true, false, false])
        #expect(OfficeText.render(d).text == "Số: 12/KH\n-UBND\n\nĐậm thường\n\nẨn\n")
    }

    @Test func trackedChangesInsertionsReadDeletionsNotCommentsIgnored() throws {
        let body =
            #"<w:p><w:r><w:t xml:space="preserve">Hoàn thành trước </w:t></w:r>"#
            + #"<w:del w:id="1" w:author="A"><w:r><w:delText>30/6</w:delText></w:r></w:del>"#
            + #"<w:ins w:id="2" w:author="A"><w:r><w:t>31/12</w:t></w:r></w:ins>"#
            + #"<w:commentRangeStart w:id="3"/><w:r><w:t>/2025</w:t></w:r><w:commentRangeEnd w:id="3"/>"#
            + #"<w:r><w:commentReference w:id="3"/></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
            + #"<w:p><w:pPr><w:pPrChange w:id="4"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Đoạn</w:t></w:r></w:p>"#
        let d = try P.read(P.make(body: body))
        #expect(d.paragraphs.map(\.labelled) == ["Hoàn thành trước 31/12/2025", "Đoạn"])
    }

    @Test func tablesWithColumnAndRowMerges() throws {
        let body =
            "<w:tbl>"
            + "<w:tr>" + P.tc("TT") + P.tc("Nội dung") + P.tc("Chủ trì") + P.tc("Thời gian") + "</w:tr>"
            + "<w:tr>" + P.tc("I") + P.tc("THỂ CHẾ", span: 3) + "</w:tr>"
            + "<w:tr>" + P.tc("1") + P.tc("Ban hành") + P.tc("Sở Tư pháp", merge: "restart")
            + P.tc("2026", merge: "restart")
            + "</w:tr>"
            + "<w:tr>" + P.tc("2")
            + "<w:tc><w:p><w:r><w:t>Rà soát</w:t></w:r></w:p><w:p><w:r><w:t>văn bản</w:t></w:r></w:p></w:tc>"
            + P.tc("", merge: "") + P.tc("", merge: "continue") + "</w:tr>"
            + "</w:tbl>"
        let d = try P.read(P.make(body: body))
        guard case .table(let t) = d.blocks.first else {
            Issue.record("no table")
            return
        }
        #expect(t.rows[1].cells.map(\.columnSpan) == [1, 3])
        #expect(t.rows[3].cells.map(\.continuesAbove) == [false, false, true, true])
        #expect(t.resolvedRows[3].map(\.text) == ["2", "Rà soát văn bản", "Sở Tư pháp", "2026"])
        #expect(
            OfficeText.render(d).text
                == """
                | TT | Nội dung | Chủ trì | Thời gian |
                | I | THỂ CHẾ |  |  |
                | 1 | Ban hành | Sở Tư pháp | 2026 |
                | 2 | Rà soát văn bản |  |  |

                """)
    }

    /// A header over two rows, as Word writes it: "Cơ quan thực hiện" spanning two columns, "Chủ trì" and
    /// "Phối hợp" under it, the other header cells merged down. The spanned column is written as an empty
    /// cell, so every value stays under its header, and the importer reads both rows of the header.
    @Test func aTwoRowHeaderKeepsItsColumns() throws {
        let body =
            P.p("II. NHIỆM VỤ") + "<w:tbl>"
            + "<w:tr>" + P.tc("STT", merge: "restart") + P.tc("Nội dung", merge: "restart")
            + P.tc("Cơ quan thực hiện", span: 2) + P.tc("Thời gian hoàn thành", merge: "restart") + "</w:tr>"
            + "<w:tr>" + P.tc("", merge: "") + P.tc("", merge: "") + P.tc("Chủ trì") + P.tc("Phối hợp")
            + P.tc("", merge: "")
            + "</w:tr>"
            + "<w:tr>" + P.tc("1") + P.tc("Ban hành quy chế") + P.tc("Sở Tư pháp") + P.tc("Sở Nội vụ")
            + P.tc("Quý II/2026")
            + "</w:tr>"
            + "</w:tbl>"
        let d = try P.read(P.make(body: body))
        let text = OfficeText.render(d).text
        #expect(text.contains("| STT | Nội dung | Cơ quan thực hiện |  | Thời gian hoàn thành |"))
        let item = try #require(PlanImporter(registry: .empty).read(text).items.first)
        #expect(item.lead == "Sở Tư pháp" && item.support == ["Sở Nội vụ"] && item.timeframe == "Quý II/2026")
    }

    @Test func footnotesComeLastWithoutTheirMarkers() throws {
        let body =
            #"<w:p><w:r><w:t>Văn bản Trung ương</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"#
        let notes =
            #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#
            + #"<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Chỉ thị 27/CT-TTg.</w:t></w:r></w:p></w:footnote>"#
        let d = try P.read(P.make(body: body + P.p("Nơi nhận:"), footnotes: notes))
        #expect(OfficeText.render(d).text == "Văn bản Trung ương.\n\nNơi nhận:\n\nChỉ thị 27/CT-TTg.\n")
    }

    @Test func aPackageWithoutTheMainPartIsNotADocument() throws {
        let archive = try Archive(accessMode: .create)
        let data = Data("<Types/>".utf8)
        try archive.addEntry(
            with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(data.count),
            provider: { p, s in data.subdata(in: Int(p)..<Int(p) + s) })
        #expect(throws: OfficeError.notADocument(path: "x.docx")) {
            try OfficeImport.read([UInt8](archive.data!), path: "x.docx")
        }
    }

    @Test func plainTextIsLeftToTheTextImporter() throws {
        #expect(try OfficeImport.read(Array("1. Nhiệm vụ\n".utf8), path: "kh.txt") == nil)
    }
}
