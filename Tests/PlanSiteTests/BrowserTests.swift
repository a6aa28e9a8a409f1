import Foundation
import TestSupport
import Testing

@testable import PlanKit
@testable import PlanSite

/// Headless Chromium on the site `plan site` writes: the DOM after the page's script ran, and a screenshot
/// of the plan page under `.build/site-tests/` for a person to look at. Skipped when Chromium is not
/// installed (CI installs Debian's `chromium`).
enum Chromium {
    static let path: String? = {
        if let p = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    static let missing = "chromium is not installed (apt-get install chromium): browser tests skipped"

    /// Chromium runs detached (its parent shell exits at once, so it is not this process's child): the
    /// memory tests of the CLI measure the largest child of the test process, and a browser is not one of
    /// theirs.
    static func run(_ arguments: [String]) throws -> String {
        let profile = try TemporaryDirectory()
        let p = profile.path
        try FileManager.default.createDirectory(atPath: p + "/run", withIntermediateDirectories: true)
        let out = try PlanBinary.run(
            [
                "-c",
                "( \"$@\" > \"$0/out\" 2> \"$0/err\"; echo $? > \"$0/rc.tmp\"; mv \"$0/rc.tmp\" \"$0/rc\" )"
                    + " < /dev/null > /dev/null 2>&1 &",
                p + "/run", path!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(p)/profile",
            ] + arguments, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(out.status == 0)
        let deadline = Date().addingTimeInterval(180)
        while !FileManager.default.fileExists(atPath: p + "/run/rc"), Date() < deadline { usleep(50_000) }
        let rc = (try? String(contentsOfFile: p + "/run/rc", encoding: .utf8))?.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let err = (try? String(contentsOfFile: p + "/run/err", encoding: .utf8)) ?? ""
        if rc != "0" { Issue.record("chromium exited \(rc ?? "no status"): \(err.suffix(2000))") }
        return (try? String(contentsOfFile: p + "/run/out", encoding: .utf8)) ?? ""
    }

    /// The page's DOM once its script ran.
    static func dom(_ file: String, fragment: String = "") throws -> String {
        try run(["--virtual-time-budget=3000", "--dump-dom", URL(fileURLWithPath: file).absoluteString + fragment])
    }

    static func screenshot(_ file: String, to png: String, width: Int = 1280, height: Int = 1600) throws {
        _ = try run([
            "--window-size=\(width),\(height)", "--virtual-time-budget=3000", "--screenshot=\(png)",
            URL(fileURLWithPath: file).absoluteString,
        ])
    }
}

/// What the tests count in a dumped DOM.
struct PlanPageDOM {
    let rows: [String]
    let bars: Int
    let hiddenGanttRows: Int

    init(_ dom: String) {
        rows = dom.matches(of: /<tr class="item"[^>]*>/).map { String($0.output) }
        bars = dom.matches(of: /class="bar[ "]/).count
        hiddenGanttRows = dom.matches(of: /<g class="row[^"]*"[^>]*display="none"/).count
    }

    var visibleRows: [String] { rows.filter { !$0.contains(" hidden") } }
}

@Suite(.serialized, .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missing)))
struct BrowserTests {
    static let output = PlanBinary.repositoryRoot.appendingPathComponent(".build/site-tests").path

    static func writeSite(workspace: String, to folder: String, extra: [String] = []) throws -> String {
        try? FileManager.default.removeItem(atPath: folder)
        let out = try PlanBinary.run(
            ["site", "--workspace", workspace, "--output", folder, "--today", "2026-12-03", "--lang", "vi"] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        let index = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(index == folder + "/index.html")
        return index
    }

    static func model(_ root: String) throws -> SiteModel {
        let snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: root))
        return SiteModel(
            SiteInput(snapshot: snapshot, history: [], today: CivilDate(iso: "2026-12-03")!, language: .vi))
    }

    /// Rows and bars of a plan page, and a filter in the address: the rows of one lead unit.
    static func checkPlanPage(_ page: String, plan: SitePlan) throws {
        let all = PlanPageDOM(try Chromium.dom(page))
        #expect(all.rows.count == plan.items.count)
        #expect(all.visibleRows.count == plan.items.count)
        #expect(all.bars == Gantt.spans(plan).count)
        #expect(all.bars > 0)

        let counts = Dictionary(grouping: plan.items.compactMap(\.lead?.slug), by: { $0 }).mapValues(\.count)
        let unit = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        let filtered = PlanPageDOM(try Chromium.dom(page, fragment: "#unit=\(unit)"))
        #expect(filtered.rows.count == plan.items.count)
        #expect(filtered.visibleRows.count == counts[unit])
        #expect(filtered.visibleRows.allSatisfy { $0.contains("data-unit=\"\(unit)\"") })
        let datedOfUnit = plan.items.filter { $0.lead?.slug == unit && Gantt.spans(plan)[$0.id] != nil }.count
        #expect(filtered.hiddenGanttRows == all.bars - datedOfUnit)

        // The same as a query string, with a state.
        let state = ProgressState.overdue.rawValue
        let expected = plan.items.filter { $0.lead?.slug == unit && $0.state == .overdue }.count
        let both = PlanPageDOM(try Chromium.dom(page, fragment: "?unit=\(unit)&state=\(state)"))
        #expect(both.visibleRows.count == expected)
    }

    @Test func bundledPlan() throws {
        let root = PlanBinary.repositoryRoot.path
        let folder = Self.output + "/dvk-2021"
        _ = try Self.writeSite(workspace: root, to: folder)
        let plan = try #require(try Self.model(root).plans.first { $0.id == "dvk-2021" })
        let page = folder + "/plans/dvk-2021/index.html"
        try Self.checkPlanPage(page, plan: plan)

        let weight = try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int ?? 0
        let css = try FileManager.default.attributesOfItem(atPath: folder + "/assets/site.css")[.size] as? Int ?? 0
        let js = try FileManager.default.attributesOfItem(atPath: folder + "/assets/site.js")[.size] as? Int ?? 0
        #expect(weight + css + js < 300_000, "plan page weighs \(weight + css + js) bytes")

        try Chromium.screenshot(page, to: Self.output + "/plan-page.png")
        #expect(FileManager.default.fileExists(atPath: Self.output + "/plan-page.png"))
        // `PLAN_UPDATE_SCREENSHOT=1` refreshes the README's picture from this run: the top of the page, smaller.
        if ProcessInfo.processInfo.environment["PLAN_UPDATE_SCREENSHOT"] != nil {
            _ = try Chromium.run([
                "--window-size=1280,1500", "--force-device-scale-factor=0.75", "--virtual-time-budget=3000",
                "--screenshot=" + PlanBinary.repositoryRoot.appendingPathComponent("docs/site-plan-page.png").path,
                URL(fileURLWithPath: page).absoluteString,
            ])
        }
    }

    /// A workspace of 1,000 items: the bundled plan's items copied under new ids, with leads, statuses and
    /// timeframes varied.
    @Test func generatedPlan() throws {
        let dir = try TemporaryDirectory()
        let repo = PlanBinary.repositoryRoot.path
        for f in ["plan.yaml", "schemas/units.yaml", "schemas/plan-item.schema.json", "plans/dvk-2021/plan.md"] {
            try dir.write(f, try Data(contentsOf: URL(fileURLWithPath: repo + "/" + f)))
        }
        let source = DirectoryFileSource(root: repo)
        let bundled = try WorkspaceLoader.load(from: source).items.filter { $0.planID == "dvk-2021" }
        let leads = [
            "Phòng Tuyên truyền - Báo chí - Xuất bản", "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp",
            "Trung tâm Thông tin và Nghiên cứu DLXH", "Ban Thanh tra Nhân dân của Ban", "Chi ủy",
        ]
        let timeframes = [
            "Hoàn thành trong tháng 9/2026", "Trước ngày 30/6/2026", "Quý IV/2026", "Thường xuyên, từ năm 2021 - 2025",
            "trước ngày 15/11 hằng năm", "Theo yêu cầu", "Từ tháng 3/2026 đến tháng 12/2026", "Năm 2027",
            "Sau khi Nghị định được ban hành",
        ]
        let statuses = ["planned", "in-progress", "done", "blocked", "cancelled"]
        for n in 0..<1000 {
            let base = bundled[n % bundled.count]
            let section = n / 25 + 1
            let letter = n % 25 + 1
            let text = """
                ---
                id: dvk-2021/\(section).\(letter)
                title: \(base.json["title"]?.stringValue ?? "Nhiệm vụ")
                section: Phần \(section)
                lead: \(leads[n % leads.count])
                timeframe: \(timeframes[n % timeframes.count])
                status: \(statuses[n % statuses.count])
                ---
                \(base.document.body)
                """
            try dir.write("plans/dvk-2021/\(section)/\(letter).md", text)
        }
        let folder = Self.output + "/generated"
        _ = try Self.writeSite(workspace: dir.path, to: folder, extra: ["--no-history"])
        let plan = try #require(try Self.model(dir.path).plans.first)
        #expect(plan.items.count == 1000)
        try Self.checkPlanPage(folder + "/plans/dvk-2021/index.html", plan: plan)

        // The section filter and the text search, through the page's own form.
        let section = try #require(plan.sections.dropFirst(3).first?.slug)
        let bySection = PlanPageDOM(
            try Chromium.dom(folder + "/plans/dvk-2021/index.html", fragment: "#section=\(section)"))
        #expect(bySection.visibleRows.count == 25)
    }

    /// Hostile text in a real browser: no element the page did not write, no handler, no script ran.
    @Test func hostileItemInBrowser() throws {
        let dir = try TemporaryDirectory()
        for (path, text) in SiteFixture.files(["plans/demo/9/9.md": HostileSiteTests.item]) {
            try dir.write(path, text)
        }
        let folder = Self.output + "/hostile"
        _ = try Self.writeSite(workspace: dir.path, to: folder, extra: ["--no-history"])
        let pages = try FileManager.default.subpathsOfDirectory(atPath: folder + "/plans/demo").filter {
            $0.hasPrefix("9-")
        }
        let page = try #require(pages.first)
        for file in [folder + "/plans/demo/" + page, folder + "/plans/demo/index.html"] {
            let dom = try Chromium.dom(file)
            #expect(dom.contains("<main"))
            let tags = HTMLScan.tags(dom)
            #expect(tags.count > 50)
            #expect(!tags.contains { $0.name == "img" || $0.name == "iframe" }, "an image or frame in \(file)")
            #expect(tags.count { $0.name == "script" } == 1, "a script besides the site's in \(file)")
            let handlers = tags.flatMap { t in t.attributes.filter { $0.0.hasPrefix("on") }.map { "\(t.name) \($0.0)" }
            }
            #expect(handlers.isEmpty, "event handler attributes in \(file): \(handlers)")
            let links = tags.flatMap { t in t.attributes.filter { $0.0 == "href" }.map(\.1) }
            #expect(links.allSatisfy { Escape.safeURL(MarkdownBody.decode($0)) != nil }, "\(links)")
        }
    }
}
