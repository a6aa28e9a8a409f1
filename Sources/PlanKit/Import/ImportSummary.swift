/// What an import tells its user at the end: what it wrote, what each item lacks, which units the
/// registry does not know, and what it could not place.
public struct ImportSummary: Sendable {
    public let plan: ImportedPlan
    public let writer: ImportWriter
    public let registry: UnitRegistry
    /// What the import writes: made once, for the writing and for the summary.
    public let files: [ImportWriter.File]

    public init(plan: ImportedPlan, writer: ImportWriter, registry: UnitRegistry) {
        self.plan = plan
        self.writer = writer
        self.registry = registry
        files = writer.files(plan)
    }

    /// Unit names the registry does not know, in order of first use, with the items that use them.
    public var unknownUnits: [(name: String, items: [String])] {
        var order: [String] = []
        var byKey: [String: (name: String, items: [String])] = [:]
        for item in plan.items {
            var names: [String] = item.support
            if let lead = item.lead { names.insert(lead, at: 0) }
            for name in names {
                guard case .unknown = registry.resolve(name) else { continue }
                let key = VietnameseText.foldedKey(name)
                if byKey[key] == nil {
                    order.append(key)
                    byKey[key] = (name, [])
                }
                if byKey[key]!.items.last != item.number { byKey[key]!.items.append(item.number) }
            }
        }
        return order.map { byKey[$0]! }
    }

    /// The files whose text reads as a legacy encoding shown as Unicode, as `plan check`
    /// will say: a document can pass as Unicode while a paragraph pasted from an old TCVN3 file, once in
    /// an item's title and text, does not.
    public var legacyText: [(line: Int, name: String, encoding: String)] {
        files.compactMap { file in
            LegacyEncoding.detectInUnicode(Array(file.text.utf8)).map { encoding in
                file.item.map { ($0.line, writer.id(of: $0), encoding) } ?? (1, file.path, encoding)
            }
        }
    }

    /// Unknown names that read as a unit's name rather than a sentence: what `--add-units` adds.
    public var unitsToAdd: [String] {
        unknownUnits.map(\.name).filter { $0.split(separator: " ").count <= 12 && !$0.contains(";") }
    }

    public func render(
        _ language: Language, dryRun: Bool, unitsPath: String, addedUnits: Int? = nil,
        unitsError: UnitsFileAppender.Failure? = nil
    ) -> String {
        func t(_ id: MessageID, _ args: String...) -> String { Message(id, args: args).render(language) }
        var out: [String] = []
        let headerPath = writer.folder + "/plan.md"
        out.append(t(dryRun ? .importWouldWrite : .importWritten, String(plan.items.count), headerPath))
        if !plan.layouts.isEmpty {
            let names = plan.layouts.sorted().map { layout -> String in
                switch layout {
                case .list: t(.importLayoutList)
                case .table: t(.importLayoutTable)
                case .byUnit: t(.importLayoutByUnit)
                }
            }
            out.append(t(.importLayout, names.joined(separator: ", ")))
        }
        for part in plan.standingParts {
            out.append(t(.importStandingLine, part.part, String(part.items)))
        }
        if plan.items.contains(where: \.standing) { out.append(t(.importStandingImported)) }
        let missing = plan.items.filter { !$0.missing.isEmpty }
        if !missing.isEmpty {
            out.append("")
            out.append(t(.importMissingHeader))
            for item in missing {
                let fields = item.missing.map { $0 == .lead ? t(.importFieldLead) : t(.importFieldTimeframe) }
                out.append(
                    "  " + t(.importMissingLine, writer.id(of: item), String(item.line), fields.joined(separator: ", "))
                )
            }
        }
        let unknown = unknownUnits
        if !unknown.isEmpty {
            out.append("")
            if let addedUnits {
                out.append(t(.importUnitsAdded, String(addedUnits), unitsPath))
            } else {
                out.append(t(.importUnknownHeader, unitsPath))
            }
            for u in unknown {
                out.append(
                    "  "
                        + t(
                            .importUnknownLine, u.name, u.items.map { writer.planID + "/" + $0 }.joined(separator: ", ")
                        ))
            }
            if let unitsError { out.append(t(.importUnitsNotAdded, unitsPath, unitsError.render(language))) }
        }
        let notes = plan.notes.filter { if case .unplaced = $0.kind { return false } else { return true } }
        let legacy = legacyText
        if !notes.isEmpty || !legacy.isEmpty {
            out.append("")
            out.append(t(.importNotesHeader))
            for l in legacy { out.append("  " + t(.importLegacyTextLine, String(l.line), l.name, l.encoding)) }
            out += notes.compactMap { noteLine($0, language) }.map { "  " + $0 }
        }
        let unplaced = plan.notes.compactMap { n -> (Int, String)? in
            if case .unplaced(let text) = n.kind { return (n.line, text) } else { return nil }
        }
        if !unplaced.isEmpty {
            out.append("")
            out.append(t(.importUnplacedHeader, headerPath))
            for (line, text) in unplaced {
                let short = text.count > 100 ? String(text.prefix(99)) + "…" : text
                out.append("  " + t(.importUnplacedLine, String(line), short))
            }
        }
        if !dryRun {
            out.append("")
            out.append(t(.importNext, writer.folder))
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension ImportSummary {
    /// A note of the summary as one line, in the user's language.
    func noteLine(_ n: ImportNote, _ language: Language) -> String? {
        func t(_ id: MessageID, _ args: String...) -> String { Message(id, args: args).render(language) }
        switch n.kind {
        case .unlettered(let number):
            return t(.importUnletteredLine, String(n.line), writer.planID + "/" + number)
        case .duplicate(let number, let renamed):
            return t(.importDuplicateLine, String(n.line), number, writer.planID + "/" + renamed)
        case .repeatedField(let number, let label):
            return t(.importRepeatedLine, String(n.line), label, writer.planID + "/" + number)
        case .severalLeads(let number):
            return t(.importSeveralLeadsLine, String(n.line), writer.planID + "/" + number)
        case .unplaced:
            return nil
        }
    }
}

/// Adds units to `schemas/units.yaml` as text appended to its `units:` list, so every comment and
/// spelling already in the file stays as it is.
public enum UnitsFileAppender {
    public enum Failure: Error, Sendable {
        case noList
        case notParsed(PlanError)

        public func render(_ language: Language) -> String {
            switch self {
            case .noList: Message(.unitsMissingList).render(language)
            case .notParsed(let error): error.render(language)
            }
        }
    }

    public static func append(_ names: [String], to text: String, path: String) throws(Failure) -> String {
        let existing: UnitRegistry
        do {
            existing = try UnitRegistryFile.parse(path: path, bytes: Array(text.utf8))
        } catch {
            throw .notParsed(error)
        }
        // The indent of the list's entries: "  - id: …" in the files `plan` writes.
        var text = text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var emptyList = false
        // An empty list written `units: []`, as `plan init` writes it: the entries go under `units:`.
        if let i = lines.lastIndex(where: { $0.hasPrefix("units:") }), lines[i].trimmedSpaces == "units: []",
            lines[(i + 1)...].allSatisfy({ $0.trimmedSpaces.isEmpty || $0.hasPrefix("#") })
        {
            lines[i] = "units:"
            text = lines.joined(separator: "\n")
            emptyList = true
        }
        guard let unitsLine = lines.lastIndex(where: { $0.hasPrefix("units:") }),
            lines[unitsLine].trimmedSpaces == "units:",
            !lines[(unitsLine + 1)...].contains(where: {
                !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("-") && !$0.hasPrefix("#")
            }),
            let entry = emptyList
                ? "  - " : lines[(unitsLine + 1)...].first(where: { $0.trimmedSpaces.hasPrefix("- ") })
        else {
            throw .noList
        }
        let indent = String(entry.prefix(while: { $0 == " " }))
        var ids = Set(existing.units.map(\.id))
        var out = text.hasSuffix("\n") ? text : text + "\n"
        out += indent + "# Added by plan import: check each name, then add aliases and a kind.\n"
        for name in names {
            var id = VietnameseText.slug(name, maxWords: 8)
            if id.isEmpty { id = "unit" }
            var k = 2
            let base = id
            while ids.contains(id) {
                id = "\(base)-\(k)"
                k += 1
            }
            ids.insert(id)
            out += indent + "- id: " + YAMLText.scalar(id) + "\n" + indent + "  name: " + YAMLText.scalar(name) + "\n"
        }
        do {
            let after = try UnitRegistryFile.parse(path: path, bytes: Array(out.utf8))
            guard after.units.count == existing.units.count + names.count else { throw Failure.noList }
        } catch let f as Failure {
            throw f
        } catch {
            throw .notParsed((error as? PlanError) ?? PlanError.io(path: path, reason: "\(error)"))
        }
        return out
    }
}
