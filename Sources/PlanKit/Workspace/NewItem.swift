import Foundation

/// `plan new`: a new item's id (the next free one in its section), its file's place (beside the
/// section's other items), its text, and its plan's header when the plan does not exist yet.
public struct NewItem: Sendable {
    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String
    }

    public let id: String
    /// The item file, last; the plan's new header first when there is one.
    public let files: [File]
    /// The plan's header, when it is created with the item.
    public let headerPath: String?
    /// The timeframe written when none was given (the plan's period), to say so.
    public let defaultTimeframe: String?

    /// Plans a new item in a loaded workspace. The lead and support units are resolved in the
    /// registry and written with their registered names; a timeframe must parse.
    public static func plan(
        planID: String, section: String?, lead: String, support: [String], timeframe: String?, title: String,
        in snapshot: Snapshot, root: String, language: Language
    ) throws(PlanError) -> NewItem {
        let config = snapshot.config
        guard ImportWriter.isValidPlanID(planID) else { throw PlanError.other(Message(.newNoPlan, planID)) }
        if let section, !ItemNumbering.isValidSection(section) {
            throw PlanError.other(Message(.newBadSection, section))
        }
        let titleText = VietnameseText.nfc(title).trimmedSpaces
        let leadName = try snapshot.registry.entryName(lead, asLead: true)
        var supportNames: [String] = []
        for s in support { supportNames.append(try snapshot.registry.entryName(s, asLead: false)) }

        let header = snapshot.headers[planID]
        var timeframeText = timeframe.map { VietnameseText.nfc($0).trimmedSpaces }
        var defaultTimeframe: String?
        if let t = timeframeText {
            try Self.checkTimeframe(t)
        } else {
            let period = header?.period ?? config.period
            let t = period.map { "Giai đoạn \($0.start.year) - \($0.end.year)" } ?? "Thường xuyên"
            timeframeText = t
            defaultTimeframe = t
        }

        // The id and where the file goes: next to the section's other items, if it has any.
        let items = snapshot.view.items.filter { $0.planID == planID }
        let number = ItemNumbering.next(
            planID: planID, section: section, existing: items.compactMap { $0.facts.id?.value })
        var folder = config.plansPath + "/" + planID
        var sectionTitle: String?
        if let section {
            let siblings = items.filter { $0.facts.id?.value.hasPrefix(planID + "/" + section + ".") ?? false }
            if let last = siblings.last {
                folder = (last.path as NSString).deletingLastPathComponent
                sectionTitle = snapshot.items.first { $0.path == last.path }?.fields?["section"]?.scalar?.value
            } else {
                folder += "/" + section
            }
        }
        let item = ImportedItem(
            number: number, section: sectionTitle, title: ImportedItem.title(from: titleText),
            lead: leadName, support: supportNames, timeframe: timeframeText, body: [titleText], line: 0)
        let writer = ImportWriter(planID: planID, plansPath: config.plansPath, language: language)
        var files = [
            File(
                path: folder + "/" + ImportWriter.fileName(number: number, title: titleText),
                text: writer.itemText(item))
        ]
        var headerPath: String?
        let planHeader = config.plansPath + "/" + planID + "/plan.md"
        if header == nil, !FileManager.default.fileExists(atPath: root + "/" + planHeader) {
            var h = "---\nid: \(planID)\ntitle: " + YAMLText.scalar(planID) + "\n"
            if let p = config.period { h += "period: " + YAMLText.scalar(p.description) + "\n" }
            files.insert(File(path: planHeader, text: h + "---\n"), at: 0)
            headerPath = planHeader
        }
        return NewItem(
            id: planID + "/" + number, files: files, headerPath: headerPath, defaultTimeframe: defaultTimeframe)
    }

    /// Writes the files, none of which may exist yet, each atomically and inside the workspace.
    public func write(root: String) throws(PlanError) {
        for f in files {
            try SafePath.check(f.path, root: root)
            if FileManager.default.fileExists(atPath: root + "/" + f.path) {
                throw PlanError.other(Message(.newExists, f.path))
            }
        }
        for f in files { try AtomicFile.write(f.text, to: f.path, in: root) }
    }

    private static func checkTimeframe(_ t: String) throws(PlanError) {
        switch TimeframeParser.parse(t) {
        case .success: break
        case .failure(.unparseable): throw PlanError.other(Message(.timeframeUnparseable, Catalogue.quote(t)))
        case .failure(.invalidDate(let d)): throw PlanError.other(Message(.timeframeInvalidDate, Catalogue.quote(d)))
        case .failure(.reversed(let a, let b)):
            throw PlanError.other(Message(.timeframeReversed, a.description, b.description))
        }
    }
}

extension UnitRegistry {
    /// A unit's registered name, for a new entry, or an error that says what is wrong with the name
    /// given. Typed without diacritics ("so tai chinh"), it is taken when exactly one unit reads so.
    public func entryName(_ text: String, asLead: Bool) throws(PlanError) -> String {
        switch resolve(VietnameseText.nfc(text)) {
        case .canonical(let u), .respelled(let u), .alias(let u, _):
            return u.name
        case .several(let units) where asLead:
            throw PlanError.other(Message(.newLeadSeveral, Catalogue.quoteList(units.map(\.name))))
        case .withTrailingText(let u, let trailing):
            throw PlanError.other(Message(.unitTrailingText, Catalogue.quote(u.name), Catalogue.quote(trailing)))
        case .unknown:
            let key = VietnameseText.stripDiacritics(VietnameseText.basicKey(text))
            let matches = units.filter { u in
                ([u.name] + u.aliases).contains { VietnameseText.stripDiacritics(VietnameseText.basicKey($0)) == key }
            }
            if matches.count == 1 { return matches[0].name }
            throw PlanError.other(unknownMessage(text))
        case .several:
            throw PlanError.other(unknownMessage(text))
        }
    }
}
