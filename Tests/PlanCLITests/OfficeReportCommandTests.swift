import Foundation
import TestSupport
import Testing

/// `plan report --period P --format docx|markdown|json` on the made-up example workspace.
@Suite struct OfficeReportCommandTests {
    static let fixture = PlanBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/report-example").path

    @Test func docxToAFileAndTheSameFiguresInMarkdown() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/bao-cao.docx"
        let out = try PlanBinary.run(
            [
                "report", "--workspace", Self.fixture, "--period", "2024-H1", "--format", "docx", "--output", file,
                "--number", "12", "--today", "2024-06-05",
            ])
        #expect(out.status == 0, "\(out.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(bytes.prefix(2) == Data("PK".utf8))
        let md = try PlanBinary.run(
            ["report", "--workspace", Self.fixture, "--period", "2024-H1", "--office", "--today", "2024-06-05"])
        #expect(md.status == 0)
        #expect(md.stdout.contains("4 nhiệm vụ đến hạn, trong đó 2 hoàn thành đúng hạn (50%)"))
        let final = try PlanBinary.run(
            ["report", "--workspace", Self.fixture, "--period", "final", "--format", "json", "--office"])
        #expect(final.stdout.contains("\"kind\": \"final\""), "\(final.stdout.prefix(400))")
    }

    @Test func docxNeedsAnOutputFile() throws {
        let out = try PlanBinary.run(
            ["report", "--workspace", Self.fixture, "--period", "2024-H1", "--format", "docx", "--lang", "en"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--output"))
    }

    /// `plan status` gives the headline figures; a stopped item is neither overdue nor due soon.
    @Test func statusFigures() throws {
        let out = try PlanBinary.run(
            ["status", "--workspace", Self.fixture, "--today", "2024-05-31", "--lang", "en", "--format", "json"])
        #expect(out.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let figures = try #require(json?["figures"] as? [String: Any])
        #expect(figures["due"] as? Int == 4)
        #expect(figures["done_on_time"] as? Int == 2)
        #expect(figures["done_late"] as? Int == 1)
        #expect(figures["overdue"] as? Int == 1)
        #expect(figures["on_time_percent"] as? Int == 50)
        let overdue = (json?["overdue"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(overdue == ["vd-2024/2.b"])
        let md = try PlanBinary.run(["status", "--workspace", Self.fixture, "--today", "2024-05-31", "--lang", "en"])
        #expect(md.stdout.contains("4 items due (done, or past their deadline); 50% of them done on time; 1 overdue"))
    }
}
