import ArgumentParser
import Foundation
import PlanKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add an item: the next free id in its section, a valid file, nothing opened.",
        discussion: """
            Thêm một nhiệm vụ: mã tiếp theo trong mục (a, b, c, d, đ, e, g, h …), tên tệp không dấu.

            The lead and support units are looked up in schemas/units.yaml and written with their \
            registered names; a name the registry does not know is refused with the nearest ones. A plan \
            that does not exist yet gets its plans/ID/plan.md.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: "The plan's id (its folder under plans/).")
    var plan: String

    @Option(name: .long, help: "The section's number (e.g. 2 or 1.3); without it the item is numbered 1, 2, 3 …")
    var section: String?

    @Option(name: .long, help: "The lead unit (Chủ trì): an id, name or alias from schemas/units.yaml.")
    var lead: String

    @Option(name: .long, help: "A coordinating unit (Phối hợp); repeat for several.")
    var support: [String] = []

    @Option(name: .long, help: "The timeframe as written, e.g. \"Quý III/2026\" or \"Trước ngày 30/6/2026\".")
    var timeframe: String?

    @Argument(help: "The item's title (its first sentence).")
    var title: [String]

    func run() throws {
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let config = try WorkspaceLoader.loadConfig(from: source)
        let language = options.language(config)
        let say = { (m: Message) in Terminal.write(m.render(language) + "\n") }
        guard ImportWriter.isValidPlanID(plan) else { throw PlanError.other(Message(.newNoPlan, plan)) }
        if let section, !ItemNumbering.isValidSection(section) {
            throw PlanError.other(Message(.newBadSection, section))
        }
        let titleText = VietnameseText.nfc(title.joined(separator: " ")).trimmedSpaces
        guard !titleText.isEmpty else { throw ValidationError("TITLE") }

        let snapshot = try WorkspaceLoader.load(from: source)
        let registry = snapshot.registry
        let leadName = try Self.unit(lead, registry, asLead: true)
        let supportNames = try support.map { try Self.unit($0, registry, asLead: false) }

        let header = snapshot.headers[plan]
        var timeframeText = timeframe.map { VietnameseText.nfc($0).trimmedSpaces }
        if let t = timeframeText {
            switch TimeframeParser.parse(t) {
            case .success: break
            case .failure(.unparseable): throw PlanError.other(Message(.timeframeUnparseable, Catalogue.quote(t)))
            case .failure(.invalidDate(let d)):
                throw PlanError.other(Message(.timeframeInvalidDate, Catalogue.quote(d)))
            case .failure(.reversed(let a, let b)):
                throw PlanError.other(Message(.timeframeReversed, a.description, b.description))
            }
        } else {
            let period = header?.period ?? config.period
            timeframeText = period.map { "Giai đoạn \($0.start.year) - \($0.end.year)" } ?? "Thường xuyên"
            say(Message(.newTimeframeDefault, Catalogue.quote(timeframeText!)))
        }

        // The id and where the file goes: next to the section's other items, if it has any.
        let items = snapshot.view.items.filter { $0.planID == plan }
        let number = ItemNumbering.next(
            planID: plan, section: section, existing: items.compactMap { $0.facts.id?.value })
        let id = plan + "/" + number
        var folder = config.plansPath + "/" + plan
        var sectionTitle: String?
        if let section {
            let siblings = items.filter { $0.facts.id?.value.hasPrefix(plan + "/" + section + ".") ?? false }
            if let last = siblings.last {
                folder = (last.path as NSString).deletingLastPathComponent
                sectionTitle = snapshot.items.first { $0.path == last.path }?.fields?["section"]?.scalar?.value
            } else {
                folder += "/" + section
            }
        }
        let path = folder + "/" + ImportWriter.fileName(number: number, title: titleText)
        let item = ImportedItem(
            number: number, section: sectionTitle, title: ImportedItem.title(from: titleText),
            lead: leadName, support: supportNames, timeframe: timeframeText, body: [titleText], line: 0)
        let text = ImportWriter(planID: plan, plansPath: config.plansPath, language: language).itemText(item)

        var writes = [(path, text)]
        let headerPath = config.plansPath + "/" + plan + "/plan.md"
        if header == nil, !FileManager.default.fileExists(atPath: root + "/" + headerPath) {
            var h = "---\nid: \(plan)\ntitle: " + YAMLText.scalar(plan) + "\n"
            if let p = config.period { h += "period: " + YAMLText.scalar(p.description) + "\n" }
            writes.insert((headerPath, h + "---\n"), at: 0)
        }
        for (p, _) in writes {
            try SafePath.check(p, root: root)
            if FileManager.default.fileExists(atPath: root + "/" + p) { throw PlanError.other(Message(.newExists, p)) }
        }
        for (p, t) in writes {
            let full = root + "/" + p
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(t, to: full)
            say(p == headerPath ? Message(.newPlanCreated, p) : Message(.newWrote, p, id))
        }
    }

    /// A unit's registered name, or an error that says what is wrong with the name given.
    static func unit(_ text: String, _ registry: UnitRegistry, asLead: Bool) throws(PlanError) -> String {
        switch registry.resolve(VietnameseText.nfc(text)) {
        case .canonical(let u), .respelled(let u), .alias(let u, _):
            return u.name
        case .several(let units) where asLead:
            throw PlanError.other(Message(.newLeadSeveral, Catalogue.quoteList(units.map(\.name))))
        case .withTrailingText(let u, let trailing):
            throw PlanError.other(Message(.unitTrailingText, Catalogue.quote(u.name), Catalogue.quote(trailing)))
        case .unknown:
            // Typed without diacritics ("so tai chinh"): taken when exactly one unit reads so.
            let key = VietnameseText.stripDiacritics(VietnameseText.basicKey(text))
            let matches = registry.units.filter { u in
                ([u.name] + u.aliases).contains { VietnameseText.stripDiacritics(VietnameseText.basicKey($0)) == key }
            }
            if matches.count == 1 { return matches[0].name }
            throw PlanError.other(registry.unknownMessage(text))
        case .several:
            throw PlanError.other(registry.unknownMessage(text))
        }
    }
}
