import Foundation
import Testing

@testable import PlanKit

@Suite struct QueryTests {
    @Test func nextIDFollowsVietnameseLetterOrder() {
        let ids = ["p/2.a", "p/2.b", "p/2.c", "p/2.d", "p/1.a", "q/2.e"]
        #expect(ItemNumbering.next(planID: "p", section: "2", existing: ids) == "2.đ")
        #expect(ItemNumbering.next(planID: "p", section: "2", existing: ids + ["p/2.đ"]) == "2.e")
        #expect(ItemNumbering.next(planID: "p", section: "2", existing: ["p/2.e"]) == "2.g")
        // A gap stays a gap: a deleted item's letter is not given to a new one.
        #expect(ItemNumbering.next(planID: "p", section: "1", existing: ["p/1.a", "p/1.c"]) == "1.d")
        #expect(ItemNumbering.next(planID: "p", section: "3", existing: ids) == "3.a")
        #expect(ItemNumbering.next(planID: "p", section: "1.2", existing: ["p/1.2.a"]) == "1.2.b")
        #expect(ItemNumbering.next(planID: "p", section: nil, existing: ["p/1", "p/7", "p/2.a"]) == "8")
        #expect(
            ItemNumbering.isValidSection("1.3") && !ItemNumbering.isValidSection("1/..")
                && !ItemNumbering.isValidSection("1."))
    }

    @Test func displayWidths() {
        let composed = "Phòng Văn hóa"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(DisplayWidth.of(composed) == 13)
        #expect(DisplayWidth.of(decomposed) == 13)
        #expect(DisplayWidth.of("計画") == 4)
        #expect(DisplayWidth.truncate("Thông qua các hội nghị", to: 10) == "Thông qua…")
        #expect(DisplayWidth.of(DisplayWidth.truncate(decomposed + " thuộc Ban", to: 8)) == 8)
        #expect(DisplayWidth.pad("Hạn", to: 5) == "Hạn  ")
    }

    @Test func itemsSortByNumberThenLetter() {
        let ids = ["p/10.a", "p/2.đ", "p/2.d", "p/2.e", "p/1.a", "p/2"]
        #expect(ids.sorted(by: ItemList.naturalLess) == ["p/1.a", "p/2", "p/2.d", "p/2.đ", "p/2.e", "p/10.a"])
    }

    @Test func csvQuotesWhatNeedsIt() throws {
        let snapshot = try WorkspaceLoader.load(
            from: MemoryFileSource(
                files: ExampleWorkspace.baseFiles.merging(
                    [ExampleWorkspace.itemPath: ExampleWorkspace.item(["title: Tuyên truyền, \"phổ biến\""])]) { $1 }))
        let rows = try ItemList.rows(snapshot, ItemFilter(today: ExampleWorkspace.today))
        let csv = ItemList.csv(rows, bom: false, language: .en)
        #expect(
            csv.contains("\r\ndemo/1.a,\"Tuyên truyền, \"\"phổ biến\"\"\",Phòng Tuyên truyền - Báo chí - Xuất bản,"))
    }
}
