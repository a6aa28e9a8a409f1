import Foundation
import TestSupport
import Testing

@testable import PlanKit
@testable import PlanSite

/// A small workspace with every kind of timeframe, in memory.
enum SiteFixture {
    static let today = CivilDate(year: 2022, month: 1, day: 15)!

    static func files(_ extra: [String: String] = [:]) -> [String: String] {
        var files = ExampleWorkspace.baseFiles
        files[ExampleWorkspace.headerPath] = """
            ---
            id: demo
            title: Kế hoạch mẫu
            issuer: Ban Tuyên giáo
            period: 2021-2025
            reports:
              - name: Báo cáo 6 tháng
                due: trước ngày 10/6 hằng năm
            ---

            """
        func item(_ path: String, _ fields: [String], body: String = "Nội dung nhiệm vụ.\n") {
            files["plans/demo/" + path] = ExampleWorkspace.item(fields, body: body)
        }
        item("1-muc/1a.md", ["section: Tuyên truyền"], body: "Nội dung **quan trọng**.\n\n- một\n- hai\n")
        item(
            "1-muc/1b.md",
            [
                "id: demo/1.b", "title: Tổ chức hội nghị", "section: Tuyên truyền", "status: in-progress",
                "timeframe: Quý I/2022",
            ])
        item(
            "1-muc/1c.md",
            [
                "id: demo/1.c", "title: Rà soát quy chế", "section: Tuyên truyền", "status: planned",
                "timeframe: Tháng 11/2021", "lead: Sở Văn hóa, Thể thao và Du lịch",
            ])
        item(
            "2-muc/2a.md",
            [
                "id: demo/2.a", "title: Thực hiện thường xuyên", "section: Kiểm tra", "status: in-progress",
                "timeframe: Thường xuyên, từ năm 2021 - 2025", "lead: Các phòng chức năng thuộc Ban",
            ])
        item(
            "2-muc/2b.md",
            [
                "id: demo/2.b", "title: Báo cáo hằng năm", "section: Kiểm tra", "status: planned",
                "timeframe: trước ngày 15/11 hằng năm",
            ])
        item(
            "2-muc/2c.md",
            [
                "id: demo/2.c", "title: Khi có yêu cầu", "section: Kiểm tra", "status: planned",
                "timeframe: Theo yêu cầu", "lead: Đơn vị chưa đăng ký",
            ])
        item(
            "2-muc/2d.md",
            [
                "id: demo/2.đ", "title: Đã hủy", "section: Kiểm tra", "status: cancelled",
                "timeframe: Từ tháng 3/2021 đến tháng 6/2021",
            ])
        item(
            "2-muc/2e.md",
            ["id: demo/2.d", "title: Chữ d", "section: Kiểm tra", "status: done", "timeframe: 2021-12-31"])
        for (k, v) in extra { files[k] = v }
        return files
    }

    static func snapshot(_ extra: [String: String] = [:]) throws -> Snapshot {
        try WorkspaceLoader.load(from: MemoryFileSource(files: files(extra)))
    }

    static let history: [CommitReport] = [
        CommitReport(
            id: "b4d93dd1c0ffee00000000000000000000000001", author: "Nguyễn Văn A", email: "a@example.org",
            time: 1_640_000_000, offsetMinutes: 420, message: "Lùi hạn 1.b\n",
            changes: [
                ItemChange(
                    kind: .modified, item: "demo/1.b", path: "plans/demo/1-muc/1b.md", title: "Tổ chức hội nghị",
                    lead: "Phòng Tuyên truyền - Báo chí - Xuất bản",
                    fields: [
                        FieldChange(
                            field: "timeframe", from: "Tháng 12/2021", to: "Quý I/2022",
                            detail: .timeframe(
                                shiftDays: 90, fromLabel: "tháng 12/2021", toLabel: "quý I/2022",
                                fromLabelEN: "2021-12", toLabelEN: "Q1 2022"))
                    ])
            ]),
        CommitReport(
            id: "7cfc40f1c0ffee00000000000000000000000002", author: "Trần Thị B", email: "b@example.org",
            time: 1_630_000_000, offsetMinutes: 420, message: "Thêm kế hoạch\n",
            changes: [
                ItemChange(kind: .added, item: "demo/1.b", path: "plans/demo/1-muc/1b.md", title: "Tổ chức hội nghị")
            ]),
    ]

    static func model(_ language: Language = .vi, _ extra: [String: String] = [:]) throws -> SiteModel {
        SiteModel(SiteInput(snapshot: try snapshot(extra), history: history, today: today, language: language))
    }

    static func site(_ language: Language = .vi, _ extra: [String: String] = [:]) throws -> [String: String] {
        let input = SiteInput(snapshot: try snapshot(extra), history: history, today: today, language: language)
        var out: [String: String] = [:]
        for f in Site.build(input) { out[f.path] = String(decoding: f.bytes, as: UTF8.self) }
        return out
    }
}

@Suite struct EscapeTests {
    @Test func textAndAttributes() {
        #expect(Escape.text("a < b & c > d \"q\" 'x'") == "a &lt; b &amp; c &gt; d \"q\" 'x'")
        #expect(Escape.attribute("\"><img onerror='x'>&") == "&quot;&gt;&lt;img onerror=&#39;x&#39;&gt;&amp;")
        #expect(Escape.text("Tiếng Việt") == "Tiếng Việt")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:x", "\u{1}javascript:x", "data:text/html,<script>", "vbscript:x", "file:///etc/passwd",
    ])
    func unsafeURLs(_ url: String) {
        #expect(Escape.safeURL(url) == nil)
    }

    @Test(arguments: ["https://example.org/a?b=c", "http://x", "mailto:a@b.vn", "../a.html", "#top", "a/b:c", "?q=1:2"])
    func safeURLs(_ url: String) {
        #expect(Escape.safeURL(url) == url)
    }
}

@Suite struct MarkdownBodyTests {
    @Test func rendersMarkdown() {
        let html = MarkdownBody.html(
            "# Tiêu đề\n\nĐoạn **đậm** và *nghiêng*, [liên kết](https://example.org).\n\n- a\n- b\n")
        #expect(html.contains("<h3>Tiêu đề</h3>"))
        #expect(html.contains("<strong>đậm</strong>"))
        #expect(html.contains("<a href=\"https://example.org\">liên kết</a>"))
        #expect(html.contains("<ul><li>a</li><li>b</li></ul>"))
    }

    /// Texts built from prose and from what Markdown reads as syntax: wherever the plain-prose path
    /// answers, it answers as Ink does (the same `<p>` runs and text, byte for byte).
    @Test func plainProseIsWhatInkMakesOfIt() {
        let pieces = [
            "Tiếp", "tục", "thực", "hiện", "Đảng", "Tie\u{302}\u{301}ng", "quý", "II/2026,", "(đợt", "1);", "\"Dân",
            "vận\"", "–", "…", "2026", "1.", "3)", "-", "Ⅳ", "a:", "50%", "e-mail", "https://x.vn/a?b=c", "Ư",
            "*đậm*", "_x_", "~y~", "[z]", "!", "<b>", "&amp;", "#", "|", "`c`", "\\", "\u{301}", "\u{200B}",
            "\u{A0}", "\t", "\r",
        ]
        let gaps = [" ", " ", " ", " ", "\n", "\n\n", "\n\n\n", "  ", " \n", "\n ", "\n- ", "\n1. ", "\n# "]
        var random = SeededRandom(state: 15)
        var plain = 0
        for round in 0..<3000 {
            var text = random.chance(20) ? random.pick(["\n", " ", ""]) : ""
            let rich = round % 3 == 0  // a third may hold anything; the rest only prose
            for k in 0..<Int(1 + random.next() % 14) {
                if k > 0 { text += rich ? random.pick(gaps) : random.pick(Array(gaps.prefix(6))) }
                text += rich ? random.pick(pieces) : random.pick(Array(pieces.prefix(14)))
            }
            text += random.pick(["", "\n", "\n\n", " "])
            guard let fast = MarkdownBody.plainProse(text) else { continue }
            plain += 1
            #expect(
                MarkdownBody.sanitize(fast) == MarkdownBody.ink(text, headingShift: 0),
                "\(text.debugDescription)")
        }
        #expect(plain > 400)  // 478 with this seed
        for syntax in ["- a", "a  b", "a \nb", "1. a", "a\n# b", "**a**", "a\tb", " a", "Ⅳ. a", "a\n\u{301}b"] {
            #expect(MarkdownBody.plainProse(syntax) == nil, "\(syntax.debugDescription)")
        }
        #expect(MarkdownBody.plainProse("Một dòng\nhai dòng\n\nBa.\n") == "<p>Một dòng hai dòng</p><p>Ba.</p>")
    }

    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "Text <script>alert(1)</script> inline",
        "<img src=x onerror=alert(1)>",
        "\"><img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[x](a\" onclick=\"alert(1))",
        "![pic\" onerror=\"alert(1)](x.png)",
        "[ref][r]\n\n[r]: javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">raw</a>",
        "<p onclick=\"alert(1)\">p</p>",
        "<div><iframe src=\"javascript:alert(1)\"></iframe></div>",
        "<svg onload=alert(1)>",
        "`<script>alert(1)</script>`",
        "```\n<script>alert(1)</script>\n```",
        "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:z) |",
        "</p></div></main><script>alert(1)</script>",
        "<!-- <script>alert(1)</script> -->",
        "<style>body{display:none}</style>",
    ]

    @Test(arguments: hostile)
    func hostileBodiesAreInert(_ body: String) {
        let html = MarkdownBody.html(body)
        for tag in HTMLScan.tags(html) {
            #expect(MarkdownBody.allowed.contains(tag.name) && tag.name != "img", "tag <\(tag.name)> in \(html)")
            for (name, value) in tag.attributes {
                #expect(["href", "start", "align"].contains(name), "attribute \(name) in \(html)")
                if name == "href" { #expect(Escape.safeURL(MarkdownBody.decode(value)) != nil, "\(html)") }
            }
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<iframe"))
        #expect(!html.lowercased().contains("<style"))
    }

    @Test func rawHTMLIsShownAsText() {
        let html = MarkdownBody.html("<b>đậm</b> and <script>alert(1)</script>")
        #expect(html.contains("&lt;b&gt;") || html.contains("&lt;script&gt;"))
        #expect(!html.contains("<b>"))
    }

    @Test func unbalancedTagsAreClosed() {
        let html = MarkdownBody.sanitize("<ul><li>a<em>b</ul></main>")
        #expect(html == "<ul><li>a<em>b</em></li></ul>&lt;/main&gt;")
    }
}

/// The tags of an HTML text, with their attributes: enough to check what a page lets through.
enum HTMLScan {
    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    static func tags(_ html: String) -> [Tag] {
        let tag = /<([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/
        let attribute = /([^\s"'=\/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/
        return html.matches(of: tag).map { m in
            let attrs = String(m.output.2).matches(of: attribute).map { a in
                (
                    String(a.output.1).lowercased(),
                    String(a.output.2 ?? a.output.3 ?? a.output.4 ?? "")
                )
            }
            return Tag(name: String(m.output.1).lowercased(), attributes: attrs)
        }
    }
}

@Suite struct SiteModelTests {
    /// The four states of `DeadlineState`, and what falls outside them.
    @Test func states() {
        let d = CivilDate(year: 2022, month: 6, day: 30)!
        let before = CivilDate(year: 2022, month: 6, day: 1)!
        let after = CivilDate(year: 2022, month: 7, day: 1)!
        func state(_ status: String, _ deadline: CivilDate?, _ completed: CivilDate?, _ today: CivilDate)
            -> ProgressState
        { ProgressState(status: status, deadline: deadline, completed: completed, today: today) }
        #expect(state("planned", d, nil, after) == .overdue)
        #expect(state("planned", d, nil, before) == .open)
        #expect(state("in-progress", d, nil, d) == .open)
        #expect(state("in-progress", d, nil, after) == .overdue)
        #expect(state("planned", nil, nil, d) == .noDeadline)
        #expect(state("done", d, before, after) == .doneOnTime)
        #expect(state("done", d, after, after) == .doneLate)
        #expect(state("done", d, nil, after) == .doneOnTime)
        #expect(state("done", nil, before, after) == .doneOnTime)
        #expect(state("cancelled", d, nil, after) == .cancelled)
        #expect(state("stopped", d, nil, after) == .cancelled)
        #expect(state("stopped", nil, nil, after) == .cancelled)
    }

    @Test func modelOfTheFixture() throws {
        let model = try SiteFixture.model()
        let plan = try #require(model.plans.first)
        #expect(
            plan.items.map(\.id) == [
                "demo/1.a", "demo/1.b", "demo/1.c", "demo/2.a", "demo/2.b", "demo/2.c", "demo/2.d", "demo/2.đ",
            ])
        // Slugs are ASCII and distinct: đ is dd.
        #expect(plan.items.map(\.slug) == ["1-a", "1-b", "1-c", "2-a", "2-b", "2-c", "2-d", "2-dd"])
        #expect(plan.sections.map(\.name) == ["Tuyên truyền", "Kiểm tra"])
        let states = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.label, $0.state) })
        #expect(states["1.a"] == .doneOnTime)
        #expect(states["1.b"] == .open)
        #expect(states["1.c"] == .overdue)
        #expect(states["2.a"] == .open)
        #expect(states["2.b"] == .noDeadline)
        #expect(states["2.đ"] == .cancelled)
        let f = PlanFigures(items: plan.items, today: SiteFixture.today)
        #expect(f.total == 8 && f.overdue == 1 && f.dueByToday == 3 && f.doneOnTime == 2 && f.onTimePercent == 67)
        // Registered units keep their registry ids; an unknown name gets a page of its own.
        #expect(model.units.map(\.slug).contains("ptt-bc-xb"))
        #expect(model.units.contains { $0.slug == "x-don-vi-chua-dang-ky" && !$0.registered })
        #expect(model.history["demo/1.b"]?.count == 2)
    }

    /// A unit that ended before the site's day is shown by the name of the unit that took over.
    @Test func unitsAreNamedAsOnTheDay() throws {
        let model = try SiteFixture.model(
            .vi,
            [
                "plans/demo/3-muc/3a.md": ExampleWorkspace.item([
                    "id: demo/3.a", "section: Khác", "lead: Phòng Tổng hợp", "status: in-progress", "-completed",
                ])
            ])
        let item = try #require(model.plans.first?.items.first { $0.id == "demo/3.a" })
        #expect(item.lead?.name == "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp")
        #expect(!model.units.contains { $0.name == "Phòng Tổng hợp" })
    }

    @Test func spans() throws {
        let plan = try #require(try SiteFixture.model().plans.first)
        let spans = Gantt.spans(plan)
        func span(_ label: String) -> Span? { spans[plan.items.first { $0.label == label }!.id] }
        // "Tháng 9/2021" is the month: a window.
        #expect(
            span("1.a")
                == .range(
                    CivilDate(year: 2021, month: 9, day: 1)!, CivilDate(year: 2021, month: 9, day: 30)!,
                    continuous: false))
        #expect(span("2.d") == .milestone(CivilDate(year: 2021, month: 12, day: 31)!))
        guard case .range(_, _, continuous: true)? = span("2.a") else {
            Issue.record("continuous item not drawn as such")
            return
        }
        guard case .recurring(_, _, let days)? = span("2.b") else {
            Issue.record("recurring item not drawn as such")
            return
        }
        #expect(days.count == 5 && days.first == CivilDate(year: 2021, month: 11, day: 15))
        #expect(span("2.c") == nil)
        guard case .range(_, _, continuous: false)? = span("2.đ") else {
            Issue.record("a range not drawn as one")
            return
        }
    }

    @Test func naturalOrder() {
        #expect(NaturalOrder.less("p/2.a", "p/10.a"))
        #expect(NaturalOrder.less("p/1.b", "p/1.c"))
        #expect(!NaturalOrder.less("p/1.c", "p/1.c"))
    }

    /// The plan page's recent changes are the newest of all, however many there are: before, gathering
    /// stopped after 5,000 in the dictionary's order (which differs from run to run), so the newest could
    /// be missing and the page changed between two runs on the same input.
    @Test func recentChangesAreTheNewestOfAll() throws {
        func short(_ n: Int) -> String { String(format: "%07x", n) }
        func commit(_ n: Int, _ item: String) -> CommitReport {
            CommitReport(
                id: short(n) + String(repeating: "0", count: 33), author: "A", email: "a@example.org",
                time: 1_600_000_000 + Int64(n), offsetMinutes: 420, message: "\(n)\n",
                changes: [ItemChange(kind: .modified, item: item, path: "plans/demo/x.md", title: "T", fields: [])])
        }
        // 6,000 changes over forty items (of the plan, by their ids), then the newest on another one.
        var history = (0..<6000).map { commit($0, "demo/9.\($0 % 40)") }
        history.append(commit(7000, "demo/1.a"))
        let model = SiteModel(
            SiteInput(
                snapshot: try SiteFixture.snapshot(), history: history.reversed(), today: SiteFixture.today,
                language: .vi))
        let plan = try #require(model.plans.first)
        let html = Pages(model: model).recentChanges(plan)
        let shown = html.components(separatedBy: "<code>").dropFirst().map { String($0.prefix(7)) }
        #expect(shown == [short(7000)] + (5986..<6000).reversed().map(short))
    }

    @Test func siteFilesAndStableAddresses() throws {
        let site = try SiteFixture.site()
        for path in [
            "index.html", "assets/site.css", "assets/site.js", "plans/demo/index.html", "plans/demo/1-a.html",
            "plans/demo/2-dd.html", "units/ptt-bc-xb.html", "units/x-don-vi-chua-dang-ky.html",
        ] {
            #expect(site[path] != nil, "\(path) missing")
        }
        #expect(site.keys.allSatisfy { $0.allSatisfy(\.isASCII) })
        let plan = try #require(site["plans/demo/index.html"])
        #expect(plan.components(separatedBy: "<tr class=\"item\"").count - 1 == 8)
        #expect(plan.components(separatedBy: "class=\"bar").count - 1 == 7)
        #expect(plan.contains("<html lang=\"vi\">"))
        let item = try #require(site["plans/demo/1-b.html"])
        #expect(item.contains("b4d93dd"))
        #expect(item.range(of: "b4d93dd")!.lowerBound < item.range(of: "7cfc40f")!.lowerBound, "newest first")
        // The same input gives the same bytes.
        #expect(try SiteFixture.site() == site)
    }

    /// Every relative link of every page leads to a file of the site.
    @Test func linksResolve() throws {
        let site = try SiteFixture.site()
        var checked = 0
        for (path, html) in site where path.hasSuffix(".html") {
            let folder = path.split(separator: "/").dropLast().map(String.init)
            for tag in HTMLScan.tags(html) {
                for (name, value) in tag.attributes where name == "href" || name == "src" {
                    let target = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    guard !target.isEmpty, !target.contains(":") else { continue }
                    var parts = folder
                    for p in target.split(separator: "/") {
                        if p == ".." { parts.removeLast() } else if p != "." { parts.append(String(p)) }
                    }
                    #expect(site[parts.joined(separator: "/")] != nil, "\(path): \(value)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func english() throws {
        let site = try SiteFixture.site(.en)
        let plan = try #require(site["plans/demo/index.html"])
        #expect(plan.contains("<html lang=\"en\">") && plan.contains("Timeline") && plan.contains("overdue"))
    }

    @Test func pagesTextInBothLanguages() {
        for s in ProgressState.allCases { #expect(SiteText.state(s).en != SiteText.state(s).vi) }
    }

    static func golden(_ name: String, _ actual: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["PLAN_UPDATE_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from its golden file")
    }

    @Test func goldenPages() throws {
        let vi = try SiteFixture.site(.vi)
        try Self.golden("plan.vi.html", try #require(vi["plans/demo/index.html"]))
        try Self.golden("item.vi.html", try #require(vi["plans/demo/1-b.html"]))
        let en = try SiteFixture.site(.en)
        try Self.golden("plan.en.html", try #require(en["plans/demo/index.html"]))
    }
}

/// Hostile text in every field a page shows: nothing of it may become markup.
@Suite struct HostileSiteTests {
    static let item = """
        ---
        id: 'demo/9.<script>alert(1)</script>'
        title: '<script>alert(2)</script> "><img src=x onerror=alert(3)>'
        section: '</text></svg><script>alert(4)</script>'
        lead: '"><img src=x onerror=alert(5)>'
        support:
          - '<svg onload=alert(6)>'
          - "javascript:alert(7)"
        timeframe: '<b onmouseover=alert(8)>Tháng 9/2021</b>'
        status: 'planned"><script>alert(9)</script>'
        tags: ['javascript:alert(10)', '<iframe src=javascript:alert(11)>']
        refs: ['"><img src=x onerror=alert(12)>']
        progress:
          - date: '<script>alert(13)</script>'
            text: "[x](javascript:alert(14))"
        depends_on: ['"><script>alert(15)</script>']
        ---
        <script>alert(16)</script>

        [click](javascript:alert(17)) [c](JaVaScRiPt:alert(18)) [d](java&#x09;script:alert(19))

        [x](a" onclick="alert(20)) ![p" onerror="alert(21)](x.png)

        <img src=x onerror=alert(22)>

        <a href="javascript:alert(23)">raw</a>

        """

    static let allowedTags: Set<String> = [
        "html", "head", "meta", "title", "link", "script", "body", "a", "header", "nav", "ol", "li", "main", "footer",
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "dl", "div", "dt", "dd", "small", "table", "caption",
        "thead", "tbody", "tfoot", "tr", "th", "td", "span", "ul", "code", "q", "br", "form", "label", "select",
        "option", "input", "button", "output", "noscript", "svg", "g", "text", "rect", "path", "line", "use", "defs",
        "symbol", "circle", "clippath", "em", "strong", "del", "s", "pre", "blockquote", "hr",
    ]

    @Test(arguments: Language.allCases)
    func nothingIsInjected(_ language: Language) throws {
        let hostileCommit = CommitReport(
            id: "0123456789abcdef0123456789abcdef01234567", author: "<script>alert(30)</script>",
            email: "\"><img onerror=alert(31)>", time: 1_640_000_000, offsetMinutes: 420,
            message: "\"><img src=x onerror=alert(32)>\n",
            changes: [
                ItemChange(
                    kind: .modified, item: "demo/9.<script>alert(1)</script>", path: "plans/demo/9/9.md",
                    title: "<script>alert(33)</script>", lead: "<img onerror=alert(34)>",
                    fields: [FieldChange(field: "<b>status</b>", from: "<script>a</script>", to: "\"><img onerror=x>")])
            ])
        let snapshot = try SiteFixture.snapshot(["plans/demo/9/9.md": Self.item])
        #expect(snapshot.items.count == 9)
        let input = SiteInput(
            snapshot: snapshot, history: [hostileCommit] + SiteFixture.history, today: SiteFixture.today,
            language: language)
        let files = Site.build(input)
        var checked = 0
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.components(separatedBy: "<script").count == 2, "\(file.path): a script besides the site's")
            for tag in HTMLScan.tags(html) {
                #expect(Self.allowedTags.contains(tag.name), "\(file.path): <\(tag.name)>")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(file.path): <\(tag.name) \(name)=…>")
                    if name == "href" || name == "src" {
                        #expect(Escape.safeURL(MarkdownBody.decode(value)) != nil, "\(file.path): \(name)=\(value)")
                    }
                }
            }
            checked += 1
        }
        #expect(checked > 10)
        // The text is still there for people to read, as text.
        let page = try #require(files.first { $0.path.hasPrefix("plans/demo/9-") }).bytes
        let text = String(decoding: page, as: UTF8.self)
        #expect(text.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
    }
}

/// A page's fingerprint stands for everything it is made from: two sites whose page has the same
/// fingerprint have the same page, whatever changed between them; and a change leaves the fingerprints
/// of the pages it does not touch as they were (else nothing would be gained).
@Suite struct PageFingerprintTests {
    static func pages(
        _ files: [String: String], history: [CommitReport] = SiteFixture.history, today: CivilDate = SiteFixture.today,
        language: Language = .vi
    ) throws -> [String: (fingerprint: UInt64?, bytes: [UInt8])] {
        let snapshot = try WorkspaceLoader.load(from: MemoryFileSource(files: files))
        let model = SiteModel(SiteInput(snapshot: snapshot, history: history, today: today, language: language))
        var out: [String: (UInt64?, [UInt8])] = [:]
        for page in Site.pages(model) { out[page.path] = (page.fingerprint, page.make()) }
        return out
    }

    static func edit(_ files: [String: String], _ path: String, _ from: String, _ to: String) -> [String: String] {
        var files = files
        precondition(files[path]!.contains(from), "\(path) has no \(from)")
        files[path] = files[path]!.replacingOccurrences(of: from, with: to)
        return files
    }

    static let extraCommit = CommitReport(
        id: "0123456789abcdef0123456789abcdef01234567", author: "Lê Văn C", email: "c@example.org",
        time: 1_641_000_000, offsetMinutes: 420, message: "Xong 2.a\n",
        changes: [
            ItemChange(
                kind: .modified, item: "demo/2.a", path: "plans/demo/2-muc/2a.md", title: "Thực hiện thường xuyên",
                fields: [FieldChange(field: "status", from: "planned", to: "in-progress")])
        ])

    @Test func samePrintSamePage() throws {
        let base = SiteFixture.files([
            "plans/demo/3-muc/3a.md": ExampleWorkspace.item(
                ["id: demo/3.a", "title: Phụ thuộc", "section: Khác", "depends_on: [demo/2.a]"]),
            "plans/demo/3-muc/3b.md": ExampleWorkspace.item(["id: demo/3.b", "section: Khác"]),
        ])
        let b1 = "plans/demo/1-muc/1b.md"
        let changes: [(String, () throws -> [String: (fingerprint: UInt64?, bytes: [UInt8])])] = [
            ("a body", { try Self.pages(Self.edit(base, b1, "Nội dung nhiệm vụ.", "Đã họp, **xong**.")) }),
            ("a status", { try Self.pages(Self.edit(base, b1, "status: in-progress", "status: done")) }),
            ("a title", { try Self.pages(Self.edit(base, b1, "Tổ chức hội nghị", "Hội nghị")) }),
            ("a timeframe", { try Self.pages(Self.edit(base, b1, "Quý I/2022", "Quý II/2022")) }),
            (
                "a unit's name in the registry",
                {
                    try Self.pages(
                        Self.edit(
                            base, "schemas/units.yaml", "name: Sở Văn hóa, Thể thao và Du lịch", "name: Sở VHTTDL"))
                }
            ),
            (
                "the registry's order (the plan page lists its lead units in it)",
                {
                    let blocks = base["schemas/units.yaml"]!.components(separatedBy: "\n  - id: ")
                    var reordered = blocks
                    reordered.swapAt(1, 4)
                    var files = base
                    files["schemas/units.yaml"] = reordered.joined(separator: "\n  - id: ")
                    return try Self.pages(files)
                }
            ),
            ("the plan's title", { try Self.pages(Self.edit(base, "plans/demo/plan.md", "Kế hoạch mẫu", "Kế hoạch")) }),
            (
                "a dependency's address (its id, hence its slug)",
                {
                    try Self.pages(
                        Self.edit(
                            Self.edit(base, "plans/demo/2-muc/2a.md", "id: demo/2.a", "id: demo/2.x"),
                            "plans/demo/3-muc/3a.md", "demo/2.a", "demo/2.x"))
                }
            ),
            (
                "an item taking a dependency's slug (`2-a`: 2.a's page moves, 3.a links to it)",
                {
                    var files = base
                    files["plans/demo/0-muc/0a.md"] = ExampleWorkspace.item(["id: demo/2-a", "section: Tuyên truyền"])
                    return try Self.pages(files)
                }
            ),
            ("an item removed", { try Self.pages(base.filter { $0.key != "plans/demo/2-muc/2c.md" }) }),
            ("a commit", { try Self.pages(base, history: [Self.extraCommit] + SiteFixture.history) }),
            (
                "a commit amended (another id, as many commits)",
                {
                    let c = SiteFixture.history[0]
                    let amended = CommitReport(
                        id: "ffffffffc0ffee00000000000000000000000001", author: "Người khác", email: c.email,
                        time: c.time, offsetMinutes: c.offsetMinutes, message: "Sửa lời nhắn\n", changes: c.changes)
                    return try Self.pages(base, history: [amended] + SiteFixture.history.dropFirst())
                }
            ),
            ("the day", { try Self.pages(base, today: CivilDate(year: 2022, month: 3, day: 1)!) }),
            ("the language", { try Self.pages(base, language: .en) }),
        ]
        let before = try Self.pages(base)
        #expect(before.values.filter { $0.fingerprint != nil }.count >= 12)
        for (what, make) in changes {
            let after = try make()
            var kept = 0
            var changed = 0
            for (path, page) in after {
                guard let was = before[path], let print = page.fingerprint else { continue }
                if was.fingerprint == print {
                    kept += 1
                    let same = was.bytes == page.bytes
                    #expect(same, "\(what): \(path) changed under the same fingerprint")
                } else if was.bytes != page.bytes {
                    changed += 1
                }
            }
            #expect(changed > 0, "\(what): no page changed")
            if what != "the day" && what != "the language" {
                #expect(kept >= 5, "\(what): only \(kept) pages kept their fingerprint")
            }
        }
    }
}

@Suite struct TrimTests {
    /// The pages' own trimming cuts what Foundation's `whitespacesAndNewlines` cuts.
    @Test(arguments: [
        "", " ", "\n\n", "a", "  Nội dung.\n", "\u{00A0}a\u{3000}", "\u{2028}x\u{2029}", "\t- a\n- b\n\n",
        "\u{200B}a\u{200B}", "e\u{301} ", " \u{301}a", "\r\n\u{85}b\u{0B}\u{0C}",
    ])
    func likeFoundation(_ s: String) {
        #expect(Array(Pages.trimmed(s).utf8) == Array(s.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
    }
}
