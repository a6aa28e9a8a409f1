import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// `plan import`'s reading of plan documents: the seed plan, and small documents of each layout with
/// the irregularities real ones have (in `Tests/Fixtures/import/`).
@Suite struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static var bundledRegistry: UnitRegistry {
        get throws {
            let url = Fixtures.repositoryRoot.appendingPathComponent("schemas/units.yaml")
            return try UnitRegistryFile.parse(path: "schemas/units.yaml", bytes: Array(Data(contentsOf: url)))
        }
    }

    /// A registry for the small documents: two of their units registered, the rest not.
    static let registry = UnitRegistry(units: [
        Unit(id: "vp-so", name: "Văn phòng Sở"),
        Unit(id: "so-vhttdl", name: "Sở Văn hóa, Thể thao và Du lịch"),
    ])

    static func read(_ name: String, registry: UnitRegistry = registry) throws -> ImportedPlan {
        PlanImporter(registry: registry).read(try fixture(name))
    }

    static func item(_ plan: ImportedPlan, _ number: String) throws -> ImportedItem {
        try #require(plan.items.first { $0.number == number }, "no item \(number) in \(plan.items.map(\.number))")
    }

    static func words(_ s: String) -> [Substring] { s.split(whereSeparator: \.isWhitespace) }

    // MARK: The seed plan

    /// Importing the seed gives the bundled `plans/dvk-2021/` item for item: paths, ids, titles, sections,
    /// leads, supports, timeframes, and the body text up to whitespace.
    @Test func seedReproducesTheBundledPlan() throws {
        let seed = try String(contentsOf: Fixtures.url("seed/000_2d058464ff698761.txt"), encoding: .utf8)
        let plan = PlanImporter(registry: try Self.bundledRegistry).read(seed)
        let writer = ImportWriter(planID: "dvk-2021", language: .vi)
        let files = writer.files(plan)
        let root = Fixtures.repositoryRoot
        let bundled = try FileManager.default.subpathsOfDirectory(
            atPath: root.appendingPathComponent("plans/dvk-2021").path
        )
        .filter { $0.hasSuffix(".md") }.map { "plans/dvk-2021/" + $0 }.sorted()
        #expect(files.map(\.path).sorted() == bundled)
        #expect(plan.items.count == 22)
        #expect(
            plan.items.map(\.number) == [
                "1.a", "1.b", "2.a", "2.b", "3.a", "3.b", "3.c", "3.d", "4.a", "4.b", "5.a", "5.b",
                "5.c", "6.a", "6.b", "6.c", "6.d", "6.đ", "7.a", "7.b", "7.c", "7.d",
            ])
        for file in files {
            let bytes = Array(try Data(contentsOf: root.appendingPathComponent(file.path)))
            let expected = try DocumentParser.parse(path: file.path, bytes: bytes).get()
            let actual = try DocumentParser.parse(path: file.path, bytes: Array(file.text.utf8)).get()
            #expect(actual.frontMatter?.json == expected.frontMatter?.json, "\(file.path): front-matter differs")
            #expect(Self.words(actual.body) == Self.words(expected.body), "\(file.path): body differs")
        }
        // The first item of section 7 has no letter in the document.
        #expect(plan.notes == [ImportNote(line: 390, kind: .unlettered(number: "7.a"))])
        #expect(plan.layouts == [.list])
    }

    @Test func seedHeader() throws {
        let seed = try String(contentsOf: Fixtures.url("seed/000_2d058464ff698761.txt"), encoding: .utf8)
        let h = PlanImporter(registry: try Self.bundledRegistry).read(seed).header
        #expect(h.kind == "Kế hoạch")
        #expect(h.issuer == "Ban Tuyên giáo Thành ủy")
        #expect(
            h.title?.hasPrefix("Triển khai công tác dân vận và đẩy mạnh phong trào thi đua “Dân vận khéo”, thực hiện")
                == true)
        #expect(h.title?.hasSuffix("Nghị quyết Đại hội lần thứ XIII của Đảng") == true)
        #expect(h.period == "2021-2025")
        #expect(h.legalBases.count == 3)
        #expect(
            h.legalBases[1]
                == "Kế hoạch số 20-KH/TU ngày 09/7/2021 của Thành ủy Đà Nẵng về đẩy mạnh phong trào thi đua “Dân vận khéo” trên địa bàn thành phố giai đoạn 2021 - 2025"
        )
        #expect(
            h.reports == [
                ImportedReport(name: "Báo cáo 6 tháng", due: "trước ngày 10/6 hằng năm"),
                ImportedReport(name: "Báo cáo năm", due: "trước ngày 15/11 hằng năm"),
            ])
    }

    // MARK: List layout

    @Test func listHeaderBlock() throws {
        let h = try Self.read("list.txt").header
        #expect(h.issuer == "Sở Tài chính")
        #expect(h.number == "45/KH-STC")
        #expect(h.date == "2022-03-15")
        #expect(h.title == "Chuyển đổi số của Sở Tài chính năm 2022")
        #expect(h.period == "2022")
        #expect(
            h.legalBases == [
                "Quyết định số 123/QĐ-UBND ngày 10/01/2022 của UBND thành phố về chuyển đổi số năm 2022",
                "Kế hoạch số 20-KH/UBND ngày 05/02/2022 của UBND thành phố",
            ])
        #expect(
            h.reports == [
                ImportedReport(name: "Báo cáo 6 tháng", due: "trước ngày 15/6 hằng năm"),
                ImportedReport(name: "Báo cáo năm", due: "trước ngày 30/11 hằng năm"),
            ])
    }

    @Test func listItemsWithIrregularLabelsAndLetters() throws {
        let plan = try Self.read("list.txt")
        #expect(plan.items.map(\.number) == ["1.a", "1.b", "1.d", "2", "3.a", "3.1.a"])
        let a = try Self.item(plan, "1.a")
        #expect(a.title == "Nâng cấp mạng nội bộ của Sở")
        #expect(a.section == "Hạ tầng số" && a.sectionNumber == "1")
        #expect(
            a.lead == "Văn phòng Sở" && a.support == ["Trung tâm Tin học", "Phòng Kế hoạch"]
                && a.timeframe == "Quý II/2022")
        #expect(a.body == ["Nâng cấp mạng nội bộ của Sở. Thay thế thiết bị cũ."])
        // Labels without a colon.
        let b = try Self.item(plan, "1.b")
        #expect(b.lead == "Văn phòng Sở" && b.timeframe == "Tháng 6/2022")
        // The letter c is missing in the document: d stays d. It has no timeframe.
        let d = try Self.item(plan, "1.d")
        #expect(d.lead == "Phòng Quản lý giá" && d.timeframe == nil && d.missing == [.timeframe])
        // A section that is itself the task; "Thời gian" given twice keeps the second in the text.
        let two = try Self.item(plan, "2")
        #expect(two.section == nil && two.title == "Tổ chức tập huấn kỹ năng số cho công chức")
        #expect(two.timeframe == "Năm 2022" && two.body.last == "Thời gian: Tháng 10/2022")
        // A paragraph under a heading with fields and no letter: the first free letter.
        let unlettered = try Self.item(plan, "3.a")
        #expect(unlettered.body == ["Rà soát, chuẩn hóa quy trình nội bộ trước khi đưa lên môi trường số."])
        #expect(unlettered.section == "Ứng dụng")
        // A nested section; a unit name holding a comma and "và" stays whole.
        let nested = try Self.item(plan, "3.1.a")
        #expect(nested.section == "Dịch vụ công" && nested.lead == "Phòng Tin học")
        #expect(nested.support == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"])
        #expect(nested.timeframe == "Tháng 9/2022")
        // A paragraph under an item's fields still belongs to the item: bodies stay whole.
        #expect(nested.body.last == "Nội dung này được tổng hợp vào báo cáo chung.")
        #expect(
            plan.notes.map(\.kind) == [.repeatedField(number: "2", label: "Thời gian"), .unlettered(number: "3.a")])
    }

    /// The whole output for the list document, as files (`PLAN_UPDATE_GOLDEN=1` rewrites it).
    @Test func listGolden() throws {
        let plan = try Self.read("list.txt")
        let files = ImportWriter(planID: "stc-2022", language: .vi).files(plan)
        let text = files.map { "==> \($0.path) <==\n\($0.text)" }.joined(separator: "\n")
        try ReporterTests.golden("import.list.md", text)
        // Everything it wrote reads back as YAML front-matter.
        for f in files { _ = try DocumentParser.parse(path: f.path, bytes: Array(f.text.utf8)).get() }
    }

    /// No Roman parts: the preamble ends where the first numbered section starts.
    @Test func documentWithoutParts() {
        let text = """
            KẾ HOẠCH
            Kiểm tra nội bộ năm 2025
            -----
            Căn cứ Quyết định số 12/QĐ-STC ngày 02/01/2025 của Sở Tài chính, Văn phòng Sở xây dựng kế hoạch
            như sau:
            1. Kiểm tra hồ sơ
            a) Rà soát hồ sơ lưu trữ.
            - Chủ trì: Văn phòng Sở
            - Thời gian: Quý II/2025
            """
        let plan = PlanImporter(registry: Self.registry).read(text)
        #expect(plan.items.map(\.number) == ["1.a"])
        #expect(plan.items.first?.timeframe == "Quý II/2025")
        #expect(plan.header.legalBases == ["Quyết định số 12/QĐ-STC ngày 02/01/2025 của Sở Tài chính"])
        #expect(
            plan.blocks.first
                == .paragraph(
                    "Căn cứ Quyết định số 12/QĐ-STC ngày 02/01/2025 của Sở Tài chính, Văn phòng Sở xây dựng kế hoạch như sau:"
                ))
    }

    // MARK: Table layout

    @Test func tableWithGroupsRepeatedHeaderAndWrappedCells() throws {
        let plan = try Self.read("table.txt")
        #expect(plan.layouts == [.table])
        #expect(plan.items.map(\.number) == ["I.1", "I.2", "II.1", "II.2"])
        let first = try Self.item(plan, "I.1")
        #expect(first.section == "Quảng bá du lịch" && first.lead == "Sở Du lịch" && first.timeframe == "Quý III/2023")
        #expect(first.support == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương"])
        // A row with no number continues the one above; other columns go into the text.
        let second = try Self.item(plan, "I.2")
        #expect(second.title == "Xây dựng bộ nhận diện thương hiệu điểm đến thành phố")
        #expect(second.support == ["Các sở, ngành"])
        #expect(second.body == ["Xây dựng bộ nhận diện thương hiệu điểm đến thành phố", "Ghi chú: Ưu tiên"])
        #expect(try Self.item(plan, "II.1").support == ["UBND các quận, huyện"])
        #expect(try Self.item(plan, "II.1").missing == [.timeframe])
        // After the repeated header row: a row with no lead.
        #expect(try Self.item(plan, "II.2").missing == [.lead])
        #expect(plan.header.title == "Thực hiện Đề án phát triển du lịch giai đoạn 2023-2025")
        #expect(plan.header.period == "2023-2025")
        #expect(plan.blocks.contains(.paragraph("DANH MỤC NHIỆM VỤ")))
    }

    @Test func tabSeparatedTable() throws {
        let plan = try Self.read("tabs.txt")
        #expect(plan.items.map(\.number) == ["1", "2"])
        let first = try Self.item(plan, "1")
        #expect(first.title == "Rà soát văn bản quy phạm pháp luật" && first.lead == "Văn phòng" && first.support == [])
        #expect(first.timeframe == "Tháng 5/2024")
        #expect(try Self.item(plan, "2").support == ["Văn phòng"])
    }

    // MARK: Grouped by unit

    @Test func sectionsHeadedByAUnit() throws {
        let plan = try Self.read("by-unit.txt")
        #expect(plan.layouts == [.byUnit])
        #expect(plan.items.map(\.number) == ["1.a", "1.b", "2.a", "2.b"])
        #expect(
            plan.items.map(\.lead) == [
                "Sở Tài chính", "Sở Tài chính", "Sở Nông nghiệp và Phát triển nông thôn",
                "Sở Nông nghiệp và Phát triển nông thôn",
            ])
        #expect(plan.items.map(\.timeframe) == ["hoàn thành trước ngày 30/6/2024", "thường xuyên", "Quý II/2024", nil])
        #expect(try Self.item(plan, "2.a").section == "Sở Nông nghiệp và Phát triển nông thôn")
    }

    // MARK: Pieces

    @Test(arguments: [
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Các Sở, ban, ngành", ["Các Sở, ban, ngành"]),
        ("UBND các quận, huyện", ["UBND các quận, huyện"]),
        ("Sở Nội vụ và Sở Tài chính", ["Sở Nội vụ", "Sở Tài chính"]),
        ("Sở Thông tin và Truyền thông", ["Sở Thông tin và Truyền thông"]),
        (
            "Sở Tài chính, Sở Kế hoạch và Đầu tư, UBND các quận, huyện.",
            ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "UBND các quận, huyện"]
        ),
        ("Văn phòng Sở; các phòng chuyên môn", ["Văn phòng Sở", "các phòng chuyên môn"]),
        ("Sở Văn hóa, Thể thao và Du lịch, Văn phòng Sở", ["Sở Văn hóa, Thể thao và Du lịch", "Văn phòng Sở"]),
        ("các đơn vị liên quan", ["các đơn vị liên quan"]),
    ])
    func supportIsSplitOnlyWhereSafe(_ text: String, _ expected: [String]) {
        #expect(SupportSplitter(registry: Self.registry).split(text) == expected)
    }

    @Test func registryExplainedSplitsKeepTheWrittenText() throws {
        let split = SupportSplitter(registry: try Self.bundledRegistry)
            .split("Ban Dân vận Thành ủy, Sở Thông tin và Truyền thông thành phố, các cơ quan báo chí.")
        #expect(split == ["Ban Dân vận Thành ủy", "Sở Thông tin và Truyền thông thành phố", "các cơ quan báo chí"])
    }

    @Test func titlesAreTheFirstClauseCutAtAWord() {
        #expect(
            ImportText.title(of: "Tăng cường kiểm tra, giám sát việc thực thi công vụ; chấn chỉnh, xử lý.")
                == "Tăng cường kiểm tra, giám sát việc thực thi công vụ")
        #expect(
            ImportText.title(of: "Tổ chức sơ kết “Dân vận khéo”. Sau đó báo cáo.") == "Tổ chức sơ kết “Dân vận khéo”")
        let long = String(repeating: "công tác dân vận, ", count: 12)
        let t = ImportText.title(of: long)
        // Words up to 120 characters, then "…".
        #expect(t.count == 121 && t.hasSuffix("vận, công tác dân…"))
        // A full stop inside a number or an abbreviation does not end the sentence.
        #expect(
            ImportText.title(of: "Thực hiện Quyết định số 1.234/QĐ-UBND ngày 5.6.2022 về cải cách.")
                == "Thực hiện Quyết định số 1.234/QĐ-UBND ngày 5.6.2022 về cải cách")
    }

    @Test func fieldLabels() {
        #expect(ImportText.field("- Chủ trì: Sở A.")?.field == .lead)
        #expect(ImportText.field("Cơ quan chủ trì Sở A")?.value == "Sở A")
        #expect(ImportText.field("Cơ quan thực hiện: Sở A")?.field == .lead)
        #expect(ImportText.field("- Đơn vị phối hợp: Sở B")?.field == .support)
        #expect(ImportText.field("Thời gian hoàn thành: Quý I/2023")?.field == .timeframe)
        #expect(ImportText.field("Tiến độ Tháng 9/2022")?.value == "Tháng 9/2022")
        // Text that only starts with a label's words is no field.
        #expect(ImportText.field("Chủ trì, phối hợp với các sở ngành") == nil)
        #expect(ImportText.field("Phối hợp tổ chức tốt công tác tuyên truyền") == nil)
        #expect(
            ImportText.inlineFields("Sở A; Phối hợp: Sở B; Thời gian: 2023").map(\.value) == ["Sở A", "Sở B", "2023"])
    }

    @Test func wrappedLinesJoinWithoutLosingHyphens() {
        #expect(PlanText.join(["Kế hoạch số 20-", "KH/TU ngày"]) == "Kế hoạch số 20-KH/TU ngày")
        #expect(PlanText.join(["kinh tế -", "xã hội"]) == "kinh tế - xã hội")
        let text = PlanText("Dòng một\n\n5\n\n  Dòng hai  \n\nTrang 6\n\nDòng ba\n")
        #expect(text.lines.map(\.text) == ["Dòng một", "Dòng hai", "Dòng ba"])
        #expect(text.lines.map(\.number) == [1, 5, 9])
    }

    // MARK: Encodings

    @Test func utf16WithBOMIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "KẾ HOẠCH".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try PlanImporter.decode(bytes, path: "a.txt") == "KẾ HOẠCH")
    }

    @Test func notUTF8NamesTheByte() {
        let bytes = Array("Kế hoạch ".utf8) + [0xFF] + Array(" tiếp".utf8)
        #expect(throws: PlanError.self) { try PlanImporter.decode(bytes, path: "a.txt") }
        do {
            _ = try PlanImporter.decode(bytes, path: "a.txt")
        } catch {
            #expect(
                error.render(.en)
                    == "a.txt:1:10: file is not UTF-8: byte 0xFF at offset 13 is invalid; save it as UTF-8")
        }
    }

    @Test func legacyEncodingIsNamed() {
        // "Kế hoạch triển khai" in TCVN3 (ABC): Vietnamese letters in single bytes 0xA1-0xFF.
        let tcvn3: [UInt8] =
            Array("K".utf8) + [0xD5] + Array(" ho".utf8) + [0xB9] + Array("ch tri".utf8) + [0xD3]
            + Array("n khai c".utf8) + [0xA5] + Array("ng t".utf8) + [0xA8] + Array("c d".utf8) + [0xA9]
            + Array("n v".utf8) + [0xA9] + Array("n".utf8)
        do {
            _ = try PlanImporter.decode(tcvn3, path: "cu.txt")
            Issue.record("a TCVN3 file was read")
        } catch {
            #expect(error.render(.en).contains("TCVN3"))
        }
    }

    /// A paragraph pasted from a TCVN3 file ("thiªn" for "thiên") is too little for the document to
    /// read as TCVN3, but the item repeats it in its title and text: the summary says so at import time,
    /// as `plan check` will after.
    @Test func mojibakeInOneItemIsNamed() throws {
        let text = """
            II. NHIỆM VỤ
            1. Phòng chống thiên tai
            a) Bố trí kinh phí phòng chống thiªn tai, khắc phục hậu quả thiªn tai
            - Chủ trì: Văn phòng Sở
            - Thời gian: Năm 2022
            """
        let bytes = Array(text.utf8)
        let plan = PlanImporter(registry: Self.registry).read(try PlanImporter.decode(bytes, path: "a.txt"))
        let writer = ImportWriter(planID: "p", language: .vi)
        let summary = ImportSummary(plan: plan, writer: writer, registry: Self.registry)
        #expect(summary.legacyText.map(\.name) == ["p/1.a"])
        #expect(
            summary.render(.en, dryRun: true, unitsPath: "schemas/units.yaml").contains(
                "line 3: the text of p/1.a looks like TCVN3 (ABC) text shown as Unicode (mojibake)"))
        let item = try #require(summary.files.first { $0.item != nil })
        guard case .failure(let f) = DocumentParser.parse(path: item.path, bytes: Array(item.text.utf8)) else {
            Issue.record("the item parsed")
            return
        }
        #expect(f.rule == FileRules.legacyEncoding)
    }

    // MARK: Writing

    @Test func pathsAndIDs() {
        let w = ImportWriter(planID: "dvk-2021", language: .vi)
        let item = ImportedItem(
            number: "6.đ", sectionNumber: "6", section: "Về đẩy mạnh thực hiện phong trào", title: "T", line: 1)
        #expect(w.path(of: item) == "plans/dvk-2021/6-day-manh-thuc-hien/6dd.md")
        #expect(w.id(of: item) == "dvk-2021/6.đ")
        #expect(ImportWriter.stem("1.1.a") == "1.1a")
        #expect(ImportWriter.stem("II.2") == "ii.2")
        #expect(ImportWriter.stem("../x") == "x")
        for bad in ["", "../x", "a/b", "Dvk", "-x", "dvk 2021", "đvk", String(repeating: "a", count: 65)] {
            #expect(!ImportWriter.isValidPlanID(bad), "\(bad)")
        }
        #expect(ImportWriter.isValidPlanID("dvk-2021"))
    }

    @Test func unitsAreAppendedKeepingTheFile() throws {
        let file = "# Danh mục đơn vị\nunits:\n  - id: a\n    name: Sở A # ghi chú\n"
        let out = try UnitsFileAppender.append(["Sở Nội vụ", "Sở A mới"], to: file, path: "schemas/units.yaml")
        #expect(out.hasPrefix(file))
        let registry = try UnitRegistryFile.parse(path: "u", bytes: Array(out.utf8))
        #expect(registry.units.map(\.name) == ["Sở A", "Sở Nội vụ", "Sở A mới"])
        #expect(registry.units.map(\.id) == ["a", "so-noi-vu", "so-a-moi"])
        // A file whose list is not at the end is left for a person to edit.
        #expect(throws: UnitsFileAppender.Failure.self) {
            try UnitsFileAppender.append(["Sở B"], to: "units:\n  - name: Sở A\nother: 1\n", path: "u")
        }
        // The empty list `plan init` writes: the comments stay, `[]` gives way to the entries.
        let fresh = "# Danh mục đơn vị\n#   - id: so-tc\nunits: []\n"
        let filled = try UnitsFileAppender.append(["Sở Nội vụ"], to: fresh, path: "schemas/units.yaml")
        #expect(filled.hasPrefix("# Danh mục đơn vị\n#   - id: so-tc\nunits:\n"))
        #expect(try UnitRegistryFile.parse(path: "u", bytes: Array(filled.utf8)).units.map(\.name) == ["Sở Nội vụ"])
    }
}
