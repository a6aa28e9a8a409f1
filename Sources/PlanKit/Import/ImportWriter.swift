/// The files an import writes: `plans/<plan-id>/plan.md` and one Markdown file per item, each with its
/// front-matter in the order a person reads it. Paths are relative to the workspace root and made only
/// of the plan id (checked) and ASCII slugs, so they cannot leave the plan's folder.
public struct ImportWriter: Sendable {
    public let planID: String
    public let plansPath: String
    /// The language of the note left in `plan.md` where the items were.
    public let language: Language

    public init(planID: String, plansPath: String = "plans", language: Language) {
        self.planID = planID
        self.plansPath = plansPath
        self.language = language
    }

    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String
        /// The item it holds, if any.
        public let item: ImportedItem?
    }

    /// Whether a plan id is one `plan` accepts: lower-case ASCII letters, digits and `-`, as in item ids.
    public static func isValidPlanID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.utf8.count <= 64 else { return false }
        func ok(_ u: Unicode.Scalar) -> Bool { ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "-" }
        return first != "-" && id.unicodeScalars.allSatisfy(ok)
    }

    public var folder: String { plansPath + "/" + planID }

    public func files(_ plan: ImportedPlan) -> [File] {
        [File(path: folder + "/plan.md", text: headerText(plan), item: nil)]
            + plan.items.map { File(path: path(of: $0), text: itemText($0), item: $0) }
    }

    public func id(of item: ImportedItem) -> String { planID + "/" + item.number }

    /// `plans/dvk-2021/1-cong-tac-tuyen-truyen/1a.md`: the section's number and first words, then the
    /// item's number with its letter in ASCII (`6.đ` → `6dd.md`).
    public func path(of item: ImportedItem) -> String {
        var path = folder + "/"
        if let number = item.sectionNumber {
            var words = item.section ?? ""
            for prefix in ["Về ", "Đối với "] where words.hasPrefix(prefix) {
                words = String(words.dropFirst(prefix.count))
            }
            let slug = VietnameseText.slug(words, maxWords: 4)
            let n = ImportWriter.ascii(number)
            path += (slug.isEmpty ? n : n + "-" + slug) + "/"
        }
        return path + ImportWriter.stem(item.number) + ".md"
    }

    /// A file name for an item written by hand: its number and its title's first words, in ASCII
    /// ("2.đ", "Tổ chức hội nghị sơ kết" → "2dd-to-chuc-hoi-nghi-so-ket.md").
    public static func fileName(number: String, title: String) -> String {
        let slug = VietnameseText.slug(title, maxWords: 6)
        return stem(number) + (slug.isEmpty ? "" : "-" + slug) + ".md"
    }

    /// "1.a" → "1a", "1.1.đ" → "1.1dd", "I.3" → "i.3".
    static func stem(_ number: String) -> String {
        var s = number
        if let dot = s.lastIndex(of: "."), s[s.index(after: dot)...].allSatisfy(\.isLetter),
            s[..<dot].last?.isNumber ?? false
        {
            s.remove(at: dot)
        }
        return ascii(s)
    }

    static func ascii(_ s: String) -> String {
        var out = ""
        for c in VietnameseText.stripDiacritics(
            s.replacingOccurrences(of: "đ", with: "dd").replacingOccurrences(of: "Đ", with: "DD")
        ).lowercased() {
            out.append(c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-") ? c : "-")
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "item" : out
    }

    public func itemText(_ item: ImportedItem) -> String {
        var y = "---\n"
        y += "id: " + YAMLText.scalar(id(of: item)) + "\n"
        y += "title: " + YAMLText.scalar(item.title.isEmpty ? item.number : item.title) + "\n"
        if let section = item.section, !section.isEmpty { y += "section: " + YAMLText.scalar(section) + "\n" }
        if let lead = item.lead, !lead.isEmpty { y += "lead: " + YAMLText.scalar(lead) + "\n" }
        if !item.support.isEmpty {
            y += "support:\n" + item.support.map { "  - " + YAMLText.scalar($0) + "\n" }.joined()
        }
        if let t = item.timeframe, !t.isEmpty { y += "timeframe: " + YAMLText.scalar(t) + "\n" }
        if let p = item.product, !p.isEmpty { y += "product: " + YAMLText.scalar(p) + "\n" }
        y += "status: planned\n---\n"
        return y + item.body.map(markdownSafe).joined(separator: "\n\n") + "\n"
    }

    public func headerText(_ plan: ImportedPlan) -> String {
        let h = plan.header
        var y = "---\nid: " + planID + "\n"
        func field(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { y += key + ": " + YAMLText.scalar(value) + "\n" }
        }
        field("title", h.title)
        field("kind", h.kind)
        field("issuer", h.issuer)
        field("number", h.number)
        field("date", h.date)
        field("period", h.period)
        if !h.legalBases.isEmpty {
            y += "legal_bases:\n" + h.legalBases.map { "  - " + YAMLText.scalar($0) + "\n" }.joined()
        }
        if !h.reports.isEmpty {
            y +=
                "reports:\n"
                + h.reports.map {
                    "  - name: " + YAMLText.scalar($0.name) + "\n    due: " + YAMLText.scalar($0.due) + "\n"
                }.joined()
        }
        y += "---\n"
        var blocks: [String] = []
        for b in plan.blocks {
            switch b {
            case .heading(let t): blocks.append("## " + t)
            case .paragraph(let t): blocks.append(markdownSafe(t))
            case .list(let lines): blocks.append(lines.joined(separator: "\n"))
            case .itemsMoved(let part):
                blocks.append("<!-- " + Message(.importItemsMoved, part).render(language) + " -->")
            }
        }
        return y + blocks.joined(separator: "\n\n") + (blocks.isEmpty ? "" : "\n")
    }

    /// A paragraph that Markdown would read as something else (a heading, a rule, a fence) gets a
    /// backslash before its first character; the text itself is unchanged.
    private func markdownSafe(_ p: String) -> String {
        if p.hasPrefix("#") || p.hasPrefix("---") || p.hasPrefix("```") || p.hasPrefix("<") || p.hasPrefix("===") {
            return "\\" + p
        }
        return p
    }
}
