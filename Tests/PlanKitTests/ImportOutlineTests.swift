import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// The outline and the rules that make items of it (issue 15): which parts hold items, fields in every
/// form, bodies kept whole, tables with groups, unit names with commas, standing duties. Each small
/// document in `Tests/Fixtures/import/` shows one layout with the irregularities real plans have.
@Suite struct ImportOutlineTests {
    static func read(_ name: String, _ options: ImportOptions = ImportOptions()) throws -> ImportedPlan {
        PlanImporter(registry: .empty).read(try ImportTests.fixture(name), options: options)
    }

    static func item(_ plan: ImportedPlan, _ number: String) throws -> ImportedItem {
        try ImportTests.item(plan, number)
    }

    // MARK: Parts

    /// "Phần thứ nhất" with its title on the next line, "PHẦN THỨ BA" in capitals: parts like "I.", "III.".
    @Test func partsNamedInWords() throws {
        let plan = try Self.read("named-parts.txt")
        #expect(plan.items.map(\.number) == ["1.a", "1.b"])
        #expect(try Self.item(plan, "1.a").lead == "Sở Nội vụ")
        #expect(try Self.item(plan, "1.b").timeframe == "Năm 2026")
        let parts = plan.outline.entries.filter { $0.role == .part }.map(\.text)
        #expect(
            parts == [
                "Phần thứ nhất MỤC ĐÍCH, YÊU CẦU", "Phần thứ hai NHIỆM VỤ, GIẢI PHÁP", "PHẦN THỨ BA TỔ CHỨC THỰC HIỆN",
            ])
        #expect(ImportText.part("Phần I. NHIỆM VỤ")?.numeral == "I")
        #expect(ImportText.part("Phần 2: Giải pháp")?.numeral == "II")
        #expect(ImportText.part("Phần việc còn lại được giao") == nil)
        #expect(ImportText.part("Phần thứ tư")?.title == "")
    }

    /// "A. NHIỆM VỤ CHUNG" and "B. NHIỆM VỤ CỤ THỂ" inside a part, each numbering its tasks from 1:
    /// groups, with the capital in the item numbers so that they stay distinct.
    @Test func capitalGroupsNumberedAfresh() throws {
        let plan = try Self.read("capital-groups.txt")
        #expect(plan.items.map(\.number) == ["A.1", "B.1", "B.2"])
        #expect(
            plan.items.map(\.lead) == [
                "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh", "Trung tâm Phục vụ hành chính công tỉnh",
            ])
        #expect(plan.items.map(\.timeframe) == ["Quý I/2026", "Quý II/2026", "Năm 2026"])
        #expect(plan.items.map(\.section) == ["NHIỆM VỤ CHUNG", "NHIỆM VỤ CỤ THỂ", "NHIỆM VỤ CỤ THỂ"])
        #expect(plan.outline.entries.filter { $0.role == .group }.map(\.marker) == [.capital("A"), .capital("B")])
        #expect(ImportText.capital("Đ. Nhiệm vụ khác")?.index == 4)
        #expect(ImportText.capital("V. TỔ CHỨC THỰC HIỆN") == nil)
        #expect(ImportText.capital("A. nguyễn") == nil)
    }

    // MARK: Fields in every form

    @Test func lettersLabelsAndNestedLabelsMakeOneItem() throws {
        let plan = try Self.read("fields.txt")
        #expect(plan.items.map(\.number) == ["1", "2", "3", "4", "5"])
        // "a) Nhiệm vụ:", "b) Cơ quan thực hiện:" with "- Đơn vị chủ trì:" and "- Đơn vị phối hợp:" under it,
        // "c) Thời gian thực hiện:": one item, not three.
        let one = try Self.item(plan, "1")
        #expect(one.lead == "Sở Khoa học và Công nghệ")
        #expect(one.support == ["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"])
        #expect(one.timeframe == "Quý II/2026")
        #expect(one.body.contains("Xây dựng kho dữ liệu dùng chung của tỉnh"))
    }

    @Test func severalLabelsOnALineAndTheProduct() throws {
        let two = try Self.item(try Self.read("fields.txt"), "2")
        #expect(two.lead == "Sở Nội vụ" && two.support == ["UBND các xã, phường"] && two.timeframe == "Năm 2026")
        #expect(two.product == "05 lớp tập huấn")
        // Bodies stay whole: the bullets under the item are its text, not items.
        #expect(
            two.body == [
                "Tập huấn kỹ năng số", "- Tổ chức 05 lớp tập huấn cho cán bộ cấp xã.",
                "- Biên soạn tài liệu hướng dẫn.",
            ])
    }

    /// Fields in the task's own paragraph: in parentheses at its end, labelled or as "Sở A chủ trì,
    /// phối hợp với Sở B", or as labelled sentences after it. A parenthesis that is no field stays text.
    @Test func fieldsWrittenInTheTasksOwnParagraph() throws {
        let plan = try Self.read("inline-fields.txt")
        #expect(plan.items.map(\.number) == ["1", "2", "3", "5"])
        let one = try Self.item(plan, "1")
        #expect(one.title == "Hoàn thiện thể chế, chính sách về chuyển đổi số")
        #expect(one.lead == "Sở Khoa học và Công nghệ" && one.support == ["Sở Tư pháp", "Sở Nội vụ"])
        #expect(one.timeframe == "Quý II/2026")
        let two = try Self.item(plan, "2")
        #expect(two.title == "Xây dựng cơ sở dữ liệu dùng chung của tỉnh")
        #expect(two.lead == "Sở Khoa học và Công nghệ" && two.support == ["các sở, ban, ngành"])
        #expect(two.timeframe == "năm 2026")
        let three = try Self.item(plan, "3")
        #expect(three.lead == "Sở Nội vụ" && three.support == ["Sở Văn hóa, Thể thao và Du lịch"])
        #expect(three.timeframe == "hoàn thành trước ngày 30/9/2026")
        #expect(three.body.contains("- Mỗi lớp tối đa 50 học viên."))
        // Not fields: the parenthesis stays in the text (a task without fields among tasks with them is
        // no item, as on lines below).
        let four = try #require(plan.outline.entries.first { $0.text.hasPrefix("Rà soát thủ tục") })
        #expect(four.text.hasSuffix("(thực hiện theo hướng dẫn của Bộ)."))
        #expect(!plan.outline.entries.contains { $0.inline && $0.line == four.line })
        let five = try Self.item(plan, "5")
        #expect(five.lead == "Công an tỉnh" && five.timeframe == "thường xuyên")
        // A unit's heading with its role in parentheses is no task; a purpose's parenthesis is no field.
        #expect(!plan.items.contains { $0.lead == "cơ quan" })
        #expect(InlineFields.split("Sở Tài chính (cơ quan chủ trì)") == nil)
        #expect(InlineFields.split("Nâng cao hiệu quả (sau đây gọi là Chương trình).") == nil)
        #expect(InlineFields.split("Tổ chức hội nghị (Sở A chủ trì, tổ chức hội nghị).") == nil)
        #expect(
            InlineFields.split("Tổng kết. Chủ trì: Sở Nội vụ. Phối hợp: Sở Tài chính. Thời hạn: tháng 12/2026.")?.fields
                .map(\.value) == ["Sở Nội vụ", "Sở Tài chính", "tháng 12/2026"])
    }

    /// The assignment as prose: a paragraph of its own under the task, or sentences after it. A
    /// sentence that goes on with a duty after its partners is the task's text, not its fields.
    @Test func fieldsWrittenAsProse() throws {
        let plan = try Self.read("prose-fields.txt")
        #expect(plan.items.map(\.number) == ["1.a", "1.b", "2.a"])
        let a = try Self.item(plan, "1.a")
        #expect(a.lead == "Sở Tư pháp" && a.support == ["các sở, ngành"])
        #expect(a.timeframe == "hoàn thành trong năm 2026")
        let b = try Self.item(plan, "1.b")
        #expect(b.lead == "Sở Khoa học và Công nghệ" && b.support == ["Sở Tài chính"] && b.timeframe == "Quý IV/2026")
        #expect(b.title.hasPrefix("Xây dựng cơ chế thử nghiệm"))
        // Partners followed by a duty: no fields read from that paragraph, which stays in the body.
        let c = try Self.item(plan, "2.a")
        #expect(c.lead == nil && c.timeframe == "năm 2026")
        #expect(c.body.contains { $0.hasPrefix("Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Xây dựng tổ chức") })
    }

    /// Under unit headings, a lead written inside a duty's paragraph does not turn the part into a task
    /// list: every duty stays an item of its unit, and the fields in its parentheses are its own.
    @Test func fieldsInsideDutiesListedUnitByUnit() throws {
        let plan = try Self.read("inline-unit-duties.txt")
        #expect(plan.layouts == [.byUnit])
        #expect(plan.items.map(\.lead) == ["Sở Nội vụ", "Sở Nội vụ", "Sở Tài chính", "Sở Tài chính"])
        #expect(plan.items.map(\.timeframe) == ["hoàn thành trước ngày 30/6/2026", "Quý III/2026", "hằng năm", nil])
        #expect(plan.items[2].support == ["Sở Nội vụ"])
        #expect(plan.items.map(\.title)[0] == "Tổ chức tập huấn cho cán bộ cấp xã")
    }

    /// Duties written as prose under the closing part: the partners are the names right after "phối hợp
    /// [chặt chẽ] với", up to the first verb (before a space or a comma); "phối hợp với" in a later clause
    /// names no partners of the unit's lead slot; a lead-in that names units of its own leads its points.
    @Test func dutiesWrittenAsProse() throws {
        let plan = try Self.read("unit-duties-prose.txt")
        #expect(plan.layouts == [.byUnit])
        #expect(
            plan.items.map(\.lead) == [
                "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Giáo dục và Đào tạo",
                "Đài Phát thanh và Truyền hình tỉnh", "Ủy ban nhân dân các xã, phường",
                "Ủy ban nhân dân phường Hải Châu và Ủy ban nhân dân phường Thanh Khê",
                "Ủy ban nhân dân phường Hải Châu và Ủy ban nhân dân phường Thanh Khê",
                // A request keeps its "Đề nghị"; the name is not too long to be one without it.
                "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội cấp tỉnh",
                "Các cơ sở sản xuất", "Sở Công Thương",
            ])
        #expect(
            plan.items.map(\.support) == [
                [], ["các sở liên quan"], ["các sở, ngành liên quan"], [],
                ["Sở Nông nghiệp và Môi trường", "Sở Y tế"], [], [], [],
                ["Sở Nông nghiệp và Môi trường", "các cơ quan liên quan", "cộng đồng dân cư"], [],
                // A bare plural noun and another sharing its qualifier: one unit.
                ["các hiệp hội và doanh nghiệp công nghệ số trên địa bàn"],
            ])
    }

    /// Tasks numbered in brackets, "(1)", "(2)", with their fields as dash lines.
    @Test func numbersInBrackets() throws {
        let plan = try Self.read("bracket-numbers.txt")
        #expect(plan.items.map(\.number) == ["1", "2"])
        #expect(plan.items.map(\.lead) == ["Sở Nội vụ", "Sở Nông nghiệp và Môi trường"])
        #expect(plan.items.map(\.timeframe) == ["trước ngày 30/6/2025", "trước ngày 31/7/2025"])
        #expect(plan.items[0].support == ["Các sở, ban, ngành có liên quan", "UBND các xã, phường"])
    }

    /// A table whose number column came out empty (Word numbers it itself), with group rows written
    /// across it, and three columns of bodies: the one that drafts leads, the one that submits and the
    /// one that reviews are kept as text.
    @Test func aTableWhoseNumbersWereLost() throws {
        let plan = try Self.read("table-unnumbered.txt")
        #expect(plan.items.map(\.number) == ["1", "2", "3"])  // in order over the table
        #expect(plan.items.map(\.lead) == ["Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương"])
        #expect(plan.items.map(\.timeframe) == ["Tháng 7/2025", "Quý III/2025", "Tháng 9/2025"])
        #expect(
            plan.items.map(\.section) == [
                "Văn bản thuộc thẩm quyền của Hội đồng nhân dân tỉnh",
                "Văn bản thuộc thẩm quyền của Hội đồng nhân dân tỉnh",
                "Văn bản thuộc thẩm quyền của Ủy ban nhân dân tỉnh",
            ])
        #expect(plan.items[0].body.contains("Cơ quan trình: Ủy ban nhân dân tỉnh"))
        #expect(plan.items[0].body.contains("Cơ quan thẩm tra/chuẩn bị ý kiến: Ban Pháp chế Hội đồng nhân dân tỉnh"))
    }

    /// A task section written as a resolution writes it: points that open with their units ("b) Bộ Tài
    /// chính tiếp tục …"), and a unit named in a paragraph of its own over the points after it.
    @Test func tasksThatNameTheirUnits() throws {
        let plan = try Self.read("resolution-tasks.txt")
        #expect(plan.items.map(\.number) == ["1.a", "1.b", "1.c", "2.a", "2.b", "3.a"])
        #expect(
            plan.items.map(\.lead) == [
                "Ủy ban nhân dân các tỉnh", "Bộ Tài chính", nil, "Ủy ban nhân dân các tỉnh, thành phố",
                "Ủy ban nhân dân các tỉnh, thành phố", "Bộ Tài chính",
            ])
    }

    @Test func labelsWithoutColonAndValuesOverSeveralLines() throws {
        let three = try Self.item(try Self.read("fields.txt"), "3")
        #expect(three.lead == "Văn phòng Ủy ban nhân dân tỉnh")
        #expect(three.timeframe == "+ Đợt 1 trước ngày 30/6/2026. + Đợt 2 trước ngày 30/11/2026")
        #expect(three.product == "Danh mục thủ tục được cắt giảm")
    }

    @Test func severalBodiesWithNoLeadAreKeptAndSaid() throws {
        let plan = try Self.read("fields.txt")
        let four = try Self.item(plan, "4")
        #expect(four.lead == "Sở Văn hóa, Thể thao và Du lịch, Báo và Phát thanh, Truyền hình tỉnh, Sở Nội vụ")
        #expect(plan.notes.contains(ImportNote(line: 57, kind: .severalLeads(number: "4"))))
        let summary = ImportSummary(plan: plan, writer: ImportWriter(planID: "p", language: .en), registry: .empty)
        #expect(
            summary.render(.en, dryRun: true, unitsPath: "u").contains(
                "line 57: p/4 names several implementing bodies and none as the lead; all are kept as its lead"))
    }

    @Test func leadSlotNamingLeadAndPartners() throws {
        let five = try Self.item(try Self.read("fields.txt"), "5")
        #expect(five.lead == "Sở Khoa học và Công nghệ")
        #expect(
            five.support == [
                "các sở, ban, ngành", "Ủy ban nhân dân các xã, phường, đặc khu", "các cơ quan có liên quan",
            ])
    }

    // MARK: Which parts hold items

    @Test func purposeAndFundingNeverHoldItems() throws {
        let plan = try Self.read("fields.txt")
        let roles = plan.outline.entries.filter { $0.line >= 9 && $0.line <= 19 }.map(\.role)
        #expect(roles.allSatisfy { $0 == .part || $0 == .skipped })
        #expect(!plan.items.contains { $0.line >= 69 && $0.line < 77 })
    }

    @Test func standingDutiesAreLeftOutAndSaid() throws {
        let plan = try Self.read("fields.txt")
        #expect(plan.standingParts.map(\.part) == ["IV. TỔ CHỨC THỰC HIỆN"])
        #expect(plan.standingParts.map(\.items) == [3])
        let summary = ImportSummary(plan: plan, writer: ImportWriter(planID: "p", language: .vi), registry: .empty)
        #expect(
            summary.render(.vi, dryRun: true, unitsPath: "u").contains(
                "IV. TỔ CHỨC THỰC HIỆN: 3 nhiệm vụ thường xuyên của các đơn vị chưa nhập (nhập bằng --standing-duties)")
        )
    }

    @Test func standingDutiesImportedAsASectionOfTheirOwn() throws {
        let plan = try Self.read("fields.txt", ImportOptions(standingDuties: true))
        let standing = plan.items.filter(\.standing)
        #expect(standing.map(\.number) == ["IV.1.a", "IV.1.b", "IV.2"])
        #expect(standing.map(\.lead) == ["Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành"])
        #expect(standing.allSatisfy { $0.section == "TỔ CHỨC THỰC HIỆN" && $0.sectionNumber == "IV" })
        #expect(plan.items.count == 8)
    }

    @Test func sectionChoosesThePart() throws {
        let plan = try Self.read("fields.txt", ImportOptions(sections: ["IV"]))
        #expect(plan.items.map(\.number) == ["1.a", "1.b", "2"])
        let byTitle = try Self.read("fields.txt", ImportOptions(sections: ["tổ chức thực hiện"]))
        #expect(byTitle.items.count == 3)
        #expect(try Self.read("fields.txt", ImportOptions(sections: ["IX"])).items.isEmpty)
    }

    @Test func leadlessTasksGiveWayToUnitDuties() throws {
        let plan = try Self.read("unit-duties.txt")
        // II "NỘI DUNG" assigns nothing: the units' duties in III are the items.
        #expect(plan.items.allSatisfy { $0.line > 17 })
        #expect(plan.standingParts.isEmpty)
    }

    // MARK: Duties unit by unit

    @Test func dutiesUnitByUnit() throws {
        let plan = try Self.read("unit-duties.txt")
        #expect(plan.layouts == [.byUnit])
        #expect(plan.items.map(\.number) == ["1.a", "1.b", "2.a.a", "2.a.b", "2.b", "3.a", "3.b", "4", "5"])
        // A unit named with commas, and a timeframe paragraph after its points.
        let first = try Self.item(plan, "1.a")
        #expect(first.lead == "Sở Văn hóa, Thể thao và Du lịch" && first.section == "Sở Văn hóa, Thể thao và Du lịch")
        #expect(try Self.item(plan, "1.b").timeframe == "Tháng 12/2025")
        // "a) Chủ trì, phối hợp với …:" leads in to its points and names their partners.
        let lettered = try Self.item(plan, "2.a.a")
        #expect(lettered.lead == "Ủy ban nhân dân các xã, phường, đặc khu")
        #expect(lettered.support == ["Sở Y tế", "Công an tỉnh"])
        // Points that only list a duty's objects stay in its text.
        #expect(
            try Self.item(plan, "2.b").body == ["Triển khai các dự án sau:", "- Dự án kè sông.", "- Dự án nước sạch."])
    }

    @Test func pointsNamingTheirOwnUnitShareTheTimeframeAfterThem() throws {
        let plan = try Self.read("unit-duties.txt")
        let a = try Self.item(plan, "3.a")
        #expect(a.lead == "Sở Xây dựng" && a.timeframe == "Trước ngày 15/12/2025")
        let b = try Self.item(plan, "3.b")
        #expect(b.lead == "Sở Công Thương" && b.support == ["Sở Tài chính"] && b.timeframe == "Trước ngày 15/12/2025")
        #expect(try Self.item(plan, "4").lead == "Đề nghị Công ty Điện lực tỉnh")
        // A general rule among the units is kept, with no lead, not given one.
        #expect(try Self.item(plan, "5").lead == nil)
    }

    // MARK: Tables

    @Test func tableColumnsInAnyOrderWithGroupsAndSubRows() throws {
        let plan = try Self.read("table-groups.txt")
        #expect(plan.layouts == [.table])
        #expect(plan.items.map(\.number) == ["1", "2", "1.1", "1.1.1"])
        let first = try Self.item(plan, "1")
        #expect(first.lead == "Sở Khoa học và Công nghệ" && first.support == ["Sở Tài chính", "Công an tỉnh"])
        #expect(first.timeframe == "Quý I/2026" && first.product == "Mạng được nâng cấp")
        #expect(first.section == "Hạ tầng" && first.sectionNumber == "I")
        // A wrapped cell joins its cell; a row-spanned row goes into the item's text.
        let second = try Self.item(plan, "2")
        #expect(second.title == "Xây dựng trung tâm dữ liệu của tỉnh")
        #expect(second.body.last == "Lắp đặt thiết bị dự phòng | Công an tỉnh")
        #expect(second.support == ["Các sở, ban, ngành", "UBND các xã, phường"])
        // After the repeated header: a numbered group with no lead, then its sub-rows.
        #expect(try Self.item(plan, "1.1.1").lead == "Sở Nội vụ")
        #expect(try Self.item(plan, "1.1").section == "Đào tạo kỹ năng số")
        // The units' duties beside the table are standing duties.
        #expect(plan.standingParts.map(\.items) == [2])
    }

    /// A header over two rows, "Cơ quan thực hiện" spanning "Chủ trì" and "Phối hợp": the second row
    /// names the columns under the first.
    @Test func aHeaderOverTwoRows() throws {
        let plan = try Self.read("table-two-row-header.txt")
        #expect(plan.layouts == [.table])
        #expect(plan.items.count == 3)
        #expect(
            plan.items.map(\.lead) == ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ"])
        #expect(plan.items.map(\.support) == [["Các sở, ban, ngành"], ["Sở Nội vụ"], ["Sở Tài chính"]])
        #expect(plan.items.map(\.timeframe) == ["Quý II/2026", "Tháng 6/2026", "2026 - 2027"])
        let second = try #require(plan.outline.entries.first { $0.cells?.contains("Phối hợp") == true })
        #expect(second.rule == "table header, second row")
        // Units consulted on a draft are no lead; of two columns read as the lead, the one saying
        // "chủ trì" is it.
        #expect(
            TableReader.header([
                "STT", "Tên văn bản", "Đơn vị chủ trì soạn thảo", "Đơn vị cho ý kiến", "Thời gian trình",
            ])
                == [.number, .content, .lead, .other("Đơn vị cho ý kiến"), .timeframe])
        #expect(
            TableReader.header(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Đơn vị thực hiện"])
                == [.number, .content, .lead, .other("Đơn vị thực hiện")])
        // The document that gave a task is not the task.
        #expect(
            TableReader.header(["TT", "Nhiệm vụ", "Văn bản giao nhiệm vụ", "Cơ quan chủ trì"])
                == [.number, .content, .other("Văn bản giao nhiệm vụ"), .lead])
        // A row of the table is no second header, even right under the first.
        #expect(TableReader.secondHeader(["", "Nhiệm vụ chung"], under: [.number, .content]) == nil)
        #expect(
            TableReader.secondHeader(["", "", "Chủ trì", "Phối hợp"], under: [.number, .content, .lead, .other("")])
                == [.number, .content, .lead, .support])
    }

    // MARK: Unit names

    @Test(arguments: [
        ("Sở Văn hóa, Thể thao và Du lịch, Sở Nội vụ", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"]),
        ("UBND các xã, phường", ["UBND các xã, phường"]),
        ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
        ("Ủy ban nhân dân các xã, phường, đặc khu", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
        ("Sở Tài chính, các cơ quan, đơn vị có liên quan", ["Sở Tài chính", "các cơ quan, đơn vị có liên quan"]),
        (
            "các sở, ban, ngành, đoàn thể Thành phố, Ủy ban nhân dân phường, xã, đặc khu, báo, đài và các đơn vị có liên quan",
            [
                "các sở, ban, ngành, đoàn thể Thành phố", "Ủy ban nhân dân phường, xã, đặc khu", "báo, đài",
                "các đơn vị có liên quan",
            ]
        ),
        (
            "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            [
                "các bộ", "cơ quan ngang bộ", "cơ quan thuộc Chính phủ",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            ]
        ),
        ("- Bộ Khoa học và Công nghệ; - Bộ Xây dựng", ["Bộ Khoa học và Công nghệ", "Bộ Xây dựng"]),
        ("Sở Tài chính Các sở, ngành", ["Sở Tài chính", "Các sở, ngành"]),
        (
            "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
            ["Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"]
        ),
    ])
    func unitNamesWithCommasStayWhole(_ text: String, _ expected: [String]) {
        #expect(SupportSplitter(registry: .empty).split(text) == expected)
    }

    @Test func unitsAtTheStartOfADuty() {
        #expect(UnitNames.leading("Sở Xây dựng đăng tải thông điệp", registry: .empty)?.unit == "Sở Xây dựng")
        #expect(UnitNames.leading("Tổ chức tập huấn cho cán bộ", registry: .empty) == nil)
        #expect(UnitNames.leadAndPartners("Sở Tài chính (cơ quan chủ trì)") == nil)
        let lp = UnitNames.leadAndPartners("Sở Y tế chủ trì, phối hợp với Công an tỉnh triển khai")
        #expect(lp?.lead == "Sở Y tế" && lp?.partners == "Công an tỉnh")
        // Partners end at the first verb, before a space or a comma, wherever it stands among the stops;
        // "tổ chức chính trị" and "cần thiết" are no verbs.
        #expect(UnitNames.partnersText("các bộ liên quan hỗ trợ nghiên cứu khoa học") == "các bộ liên quan")
        #expect(UnitNames.partnersText("các bộ, ngành liên quan nghiên cứu, xây dựng") == "các bộ, ngành liên quan")
        #expect(
            UnitNames.partnersText("các tổ chức chính trị - xã hội, đơn vị cần thiết khác tổ chức tập huấn")
                == "các tổ chức chính trị - xã hội, đơn vị cần thiết khác")
        #expect(UnitNames.leading("UBND phường A cần rà soát", registry: .empty)?.unit == "UBND phường A")
        // A body named by its role is no "Cơ quan" cut short.
        #expect(UnitNames.leading("Cơ quan chủ trì giải quyết thủ tục đầu tư có trách nhiệm", registry: .empty) == nil)
        // "quản lý" and "chỉ đạo" after "Ban" name the body.
        #expect(
            UnitNames.partnersText("Sở Tài chính, Ban quản lý dự án tỉnh thực hiện")
                == "Sở Tài chính, Ban quản lý dự án tỉnh")
        #expect(UnitNames.leading("Ban chỉ đạo tỉnh chỉ đạo các xã", registry: .empty)?.unit == "Ban chỉ đạo tỉnh")
    }

    // MARK: The outline

    @Test func explainGivesEveryEntryItsRoleAndRule() throws {
        let text = try Self.read("unit-duties.txt").outline.explained()
        #expect(text.contains("   19  unit    heading names a unit       1. Sở Văn hóa, Thể thao và Du lịch:"))
        #expect(
            text.contains(
                "   21  item    point under a unit           - Tuyên truyền về công tác phòng, chống thiên tai."))
        #expect(text.contains("   29  group   the unit's role over points     a) Chủ trì, phối hợp với Sở Y tế"))
        #expect(text.contains("    9  skipped never items: purpose"))
    }

    /// A Word reader hands over paragraphs and table rows: the same outline and items as the text.
    @Test func blocksGiveTheSameItemsAsText() throws {
        let blocks: [Outline.Block] = [
            .paragraph(line: 1, text: "KẾ HOẠCH"), .paragraph(line: 2, text: "Phát triển hạ tầng số"),
            .paragraph(line: 3, text: "II. NHIỆM VỤ"),
            .row(line: 4, cells: ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]),
            .row(line: 5, cells: ["1", "Nâng cấp mạng", "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Năm 2026"]),
        ]
        let plan = PlanImporter(registry: .empty).read(blocks: blocks)
        #expect(plan.items.map(\.number) == ["1"])
        #expect(plan.items.first?.line == 5)
        #expect(plan.items.first?.support == ["Sở Văn hóa, Thể thao và Du lịch"])
        #expect(plan.outline.entries.last?.role == .item)
    }
}
