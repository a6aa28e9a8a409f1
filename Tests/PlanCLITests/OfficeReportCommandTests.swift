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
}
