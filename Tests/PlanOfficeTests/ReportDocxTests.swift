import Foundation
import PlanKit
import TestSupport
import Testing
import ZIPFoundation

@testable import PlanOffice

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report of the made-up example workspace (`Tests/Fixtures/report-example`): one model rendered as
/// Markdown, JSON and Word; the Word package checked part by part, then rendered by LibreOffice and read
/// back with poppler.
@Suite struct ReportDocxTests {
    static let fixture = PlanBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/report-example").path
    static let signed = CivilDate(year: 2024, month: 6, day: 5)!

    /// The example's report for 2024-H1, in the Party style or, with the header's profile changed, the state's.
    static func report(style: ReportIssuer.Style = .party, period: String = "2024-H1") throws -> OfficeReport {
        var files: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: fixture)
        while let path = walker?.nextObject() as? String {
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: fixture + "/" + path, isDirectory: &folder), !folder.boolValue {
                files[path] = Array(try Data(contentsOf: URL(fileURLWithPath: fixture + "/" + path)))
            }
        }
        if style == .state {
            var header = String(decoding: files["plans/vd-2024/plan.md"]!, as: UTF8.self)
            for (a, b) in [
                ("style: party", "style: state"), ("parent: Đảng bộ tỉnh Ví Dụ", "parent: Ủy ban nhân dân tỉnh Ví Dụ"),
                ("issuer: Thành ủy Ví Dụ", "issuer: Ủy ban nhân dân thành phố Ví Dụ"), ("code: BC/TU", "code: BC-UBND"),
                ("on_behalf: T/M Ban Thường vụ", "on_behalf: TM. Ủy ban nhân dân"),
                ("signer_title: Phó Bí thư", "signer_title: Chủ tịch"),
            ] {
                header = header.replacingOccurrences(of: a, with: b)
            }
            files["plans/vd-2024/plan.md"] = Array(header.utf8)
        }
        let snapshot = try WorkspaceLoader.load(from: MemoryFileSource(bytes: files))
        let header = try #require(snapshot.headers["vd-2024"])
        let reporting = try #require(ReportingPeriod.resolve(period, header: header))
        return OfficeReport(
            header: header, items: snapshot.items.map { ItemState(item: $0, registry: snapshot.registry) },
            period: reporting, number: "12", date: signed)
    }

    @Test func periodDatesComeFromThePlan() throws {
        let h1 = try Self.report().period
        #expect(h1.cutoff == CivilDate(year: 2024, month: 5, day: 31))
        #expect(h1.due == CivilDate(year: 2024, month: 6, day: 10))
        let year = try Self.report(period: "2024").period
        #expect(year.cutoff == CivilDate(year: 2024, month: 10, day: 31))
        #expect(year.due == CivilDate(year: 2024, month: 11, day: 15))
        let final = try Self.report(period: "final").period
        #expect(final.kind == .final)
        #expect(final.start == CivilDate(year: 2024, month: 1, day: 1))
        #expect(final.cutoff == CivilDate(year: 2025, month: 10, day: 31))
        #expect(final.due == CivilDate(year: 2025, month: 11, day: 15))
        #expect(final.heading == "Tổng kết giai đoạn 2024 - 2025")
    }

    @Test func fourStatesOfTheExample() throws {
        let r = try Self.report()
        let states = Dictionary(uniqueKeysWithValues: r.rows.map { ($0.item.shortID, $0.state) })
        #expect(states["1.a"] == .doneOnTime)
        #expect(states["1.b"] == .doneLate)
        #expect(states["1.c"] == .doneOnTime)
        #expect(states["2.a"] == .openInTime)
        #expect(states["2.b"] == .overdue)
        #expect(states["3.a"] == DeadlineState?.none)
        #expect(states["3.b"] == DeadlineState?.none)
        #expect(r.total.due == 4 && r.total.onTimeText == "50%" && r.total[.overdue] == 1)
        #expect(r.shortcomings.map(\.item.shortID) == ["2.b", "3.a"])
        #expect(r.upcoming.map(\.item.shortID) == ["3.b"])
    }

    /// Markdown and JSON, from the same model as the Word file, against golden files
    /// (`PLAN_UPDATE_GOLDEN=1` rewrites them).
    @Test(arguments: ["md", "json"])
    func golden(_ ext: String) throws {
        let r = try Self.report()
        let actual = ext == "md" ? r.markdown() : r.json()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/office.2024-H1.\(ext)")
        if ProcessInfo.processInfo.environment["PLAN_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)))
    }

    /// Content types for every part, every relationship's target present, every part well-formed XML.
    @Test(arguments: [ReportIssuer.Style.party, .state])
    func packageIsWellFormed(_ style: ReportIssuer.Style) throws {
        let archive = try Archive(data: try ReportDocx.data(try Self.report(style: style)), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        #expect(Set(parts.keys).isSuperset(of: ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]))
        for (path, data) in parts {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path): \(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        let types = String(decoding: parts["[Content_Types].xml"]!, as: UTF8.self)
        for path in parts.keys where path.hasPrefix("word/") && !path.contains("_rels") {
            #expect(types.contains("PartName=\"/\(path)\""), "\(path) has no content type")
        }
        for rels in parts.keys where rels.hasSuffix(".rels") {
            let text = String(decoding: parts[rels]!, as: UTF8.self)
            let folder = rels == "_rels/.rels" ? "" : "word/"
            for target in text.components(separatedBy: "Target=\"").dropFirst() {
                let name = String(target.prefix { $0 != "\"" })
                #expect(parts[folder + name] != nil, "\(rels) points at a missing \(name)")
            }
        }
    }

    // MARK: Rendered by LibreOffice

    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var renderersMissing: Bool {
        let missing = ["soffice", "pdfinfo", "pdftotext", "pdftoppm"].filter { tool($0) == nil }
        if !missing.isEmpty {
            print(
                "skipped: \(missing.joined(separator: ", ")) not installed "
                    + "(apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2)")
        }
        return !missing.isEmpty
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.tool(tool)!)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a tool in a process this one never waits for (an orphan of a shell that exits at once), then
    /// waits for the marker it leaves. LibreOffice needs some 200 MB: reaped by the test process, it would
    /// count in the children's peak memory that other tests measure.
    static func detached(_ tool: String, _ arguments: [String], done marker: String) throws {
        try run(
            "sh", ["-c", #"("$0" "$@"; touch "$MARKER") >/dev/null 2>&1 &"#, Self.tool(tool)!] + arguments,
            environment: ["MARKER": marker])
        let limit = Date().addingTimeInterval(300)
        while !FileManager.default.fileExists(atPath: marker), Date() < limit { Thread.sleep(forTimeInterval: 0.2) }
    }

    /// The .docx rendered to PDF: A4 portrait pages, then the annex in landscape; the text has the header
    /// blocks of the style, every item of the period and the counts. Page 1 as a PNG under .build/.
    @Test(.disabled(if: renderersMissing), arguments: [ReportIssuer.Style.party, .state])
    func rendersInLibreOffice(_ style: ReportIssuer.Style) throws {
        let report = try Self.report(style: style)
        let dir = try TemporaryDirectory()
        let docx = dir.path + "/bao-cao.docx"
        try ReportDocx.data(report).write(to: URL(fileURLWithPath: docx))
        // A profile of its own: parallel runs and a user's LibreOffice do not share one.
        try Self.detached(
            "soffice",
            [
                "-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
                dir.path, docx,
            ], done: dir.path + "/converted")
        let pdf = dir.path + "/bao-cao.pdf"
        #expect(FileManager.default.fileExists(atPath: pdf))
        let info = try Self.run("pdfinfo", ["-f", "1", "-l", "99", pdf])
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count >= 2)
        #expect(sizes.first?.contains("595.") == true && sizes.first?.contains("x 841.") == true, "\(sizes)")
        #expect(sizes.last?.contains("841.") == true && sizes.last?.contains("x 595.") == true, "annex: \(sizes)")
        let text = try Self.run("pdftotext", [pdf, "-"])
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if style == .party {
            for s in [
                "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH VÍ DỤ", "THÀNH ỦY VÍ DỤ", "*", "Số 12-BC/TU",
                "T/M BAN THƯỜNG VỤ",
            ] {
                #expect(flat.contains(s), "\(s)")
            }
        } else {
            for s in [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-UBND",
                "TM. ỦY BAN NHÂN DÂN",
            ] {
                #expect(flat.contains(s), "\(s)")
            }
        }
        for s in [
            "Ví Dụ, ngày 05 tháng 6 năm 2024", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "II. HẠN CHẾ", "III. NHIỆM VỤ KỲ TỚI",
            "Nơi nhận:", "PHỤ LỤC", "4 nhiệm vụ đến hạn", "2 hoàn thành đúng hạn (50%)", "1 quá hạn chưa hoàn thành",
            "Nguyễn Văn Giả Định",
        ] {
            #expect(flat.contains(s), "\(s)")
        }
        for row in report.rows { #expect(flat.contains(row.item.title), "\(row.item.title)") }
        // Page 1 carries no page number; the annex page is the last and is landscape.
        let pages = text.split(separator: "\u{0C}").map { $0.split(separator: "\n").map(String.init) }
        #expect(pages.count >= 2)
        #expect(pages.first?.first.flatMap { Int($0) } == nil, "page 1 has a page number: \(pages.first ?? [])")
        #expect(pages.dropFirst().first?.first == "2", "page 2 starts with \(pages.dropFirst().first?.first ?? "")")
        let build = PlanBinary.repositoryRoot.appendingPathComponent(".build").path
        try Self.run(
            "pdftoppm",
            ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, "\(build)/report-\(style.rawValue)-page1"])
        #expect(FileManager.default.fileExists(atPath: "\(build)/report-\(style.rawValue)-page1.png"))
        try? FileManager.default.removeItem(atPath: "\(build)/report-\(style.rawValue).pdf")
        try FileManager.default.copyItem(atPath: pdf, toPath: "\(build)/report-\(style.rawValue).pdf")
    }
}
