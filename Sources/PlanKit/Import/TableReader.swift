/// Reads a task table ("PHỤ LỤC"): rows one per line, cells separated by `|` or tabs, a header row
/// naming the columns, group rows ("I", "A", or a number with no units) that act as sections, header
/// rows repeated at page breaks, and rows with no number that continue the row above.
struct TableReader {
    typealias Line = PlanText.Line

    let registry: UnitRegistry

    enum Column: Hashable {
        case number, content, lead, support, timeframe
        /// Any other column: kept in the item's text under its heading.
        case other(String)
    }

    /// The cells of a table row, or nil when the line is not one.
    static func cells(_ line: Line) -> [String]? {
        var raw = line.cells
        if raw.contains("|") {
            raw = raw.trimmedSpaces
            var cells = raw.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmedSpaces }
            if raw.hasPrefix("|") { cells.removeFirst() }
            if raw.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
            return cells.count >= 2 ? cells : nil
        }
        guard raw.contains("\t") else { return nil }
        let cells = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmedSpaces }
        return cells.count >= 3 ? cells : nil
    }

    /// The columns a header row names, or nil when the row is not a header.
    static func header(_ cells: [String]) -> [Column]? {
        let columns = cells.map(column)
        let known = columns.filter { if case .other = $0 { return false } else { return true } }
        guard columns.contains(.content), known.count >= 2 else { return nil }
        return columns
    }

    static func column(_ cell: String) -> Column {
        let key = VietnameseText.stripDiacritics(cell.lowercased()).trimmedSpaces
        if ["stt", "tt", "so tt", "so thu tu", "s tt"].contains(key) { return .number }
        if key.contains("thoi gian") || key.contains("thoi han") || key.contains("tien do") { return .timeframe }
        if key.contains("phoi hop") { return .support }
        if key.contains("chu tri") || key.contains("thuc hien") || key.contains("phu trach") { return .lead }
        if key.contains("noi dung") || key.contains("nhiem vu") || key.contains("cong viec") || key.hasPrefix("ten ")
            || key == "ten" || key.contains("hoat dong") || key.contains("de an")
        {
            return .content
        }
        return .other(cell)
    }

    /// A separator row of a Markdown table or a row of column numbers ("(1) | (2) | (3)").
    static func isFiller(_ cells: [String]) -> Bool {
        cells.allSatisfy { c in c.isEmpty || c.allSatisfy { "-:= ".contains($0) } }
            || cells.allSatisfy { c in c.isEmpty || c.allSatisfy { $0.isNumber || $0 == "(" || $0 == ")" } }
    }

    struct Result {
        var items: [ImportedItem] = []
        var leftovers: [(line: Int, text: String, notable: Bool)] = []
        var notes: [ImportNote] = []
    }

    private struct Row {
        var number: String
        var line: Int
        var cells: [Column: String]
        var columns: [Column]
    }

    func read(_ lines: [Line]) -> Result {
        var result = Result()
        var columns: [Column]?
        var rows: [Row] = []
        for line in lines {
            guard let cells = TableReader.cells(line) else {
                result.leftovers.append((line.number, line.text, columns != nil))
                continue
            }
            if let h = TableReader.header(cells) {
                columns = h
                continue
            }
            guard let columns else {
                result.leftovers.append((line.number, line.text, false))
                continue
            }
            if TableReader.isFiller(cells) { continue }
            var byColumn: [Column: String] = [:]
            for (c, text) in zip(columns, cells) where !text.isEmpty {
                byColumn[c] = byColumn[c].map { $0 + " " + text } ?? text
            }
            // Cells past the header's last column go with the content.
            if cells.count > columns.count {
                let extra = cells[columns.count...].filter { !$0.isEmpty }.joined(separator: " ")
                if !extra.isEmpty { byColumn[.content] = PlanText.join([byColumn[.content] ?? "", extra]) }
            }
            var number = (byColumn[.number] ?? "").trimmedSpaces
            while number.hasSuffix(".") || number.hasSuffix(")") { number.removeLast() }
            if number.isEmpty {
                // A row with no number continues the row above (a cell wrapped onto the next line).
                guard !rows.isEmpty, !byColumn.isEmpty else {
                    result.leftovers.append((line.number, line.text, true))
                    continue
                }
                for (c, text) in byColumn {
                    rows[rows.count - 1].cells[c] = PlanText.join([rows[rows.count - 1].cells[c] ?? "", text])
                }
                continue
            }
            rows.append(Row(number: number, line: line.number, cells: byColumn, columns: columns))
        }
        // Group rows: "I", "A", or a number with no units whose next row is numbered under it ("2" then
        // "2.1" or "a").
        var group: (label: String, title: String)?
        var tasks: [(row: Row, group: (label: String, title: String)?)] = []
        for (i, r) in rows.enumerated() {
            let hasUnitColumns = r.columns.contains(.lead) || r.columns.contains(.timeframe)
            let noUnits = r.cells[.lead] == nil && r.cells[.support] == nil && r.cells[.timeframe] == nil
            let labelled =
                ImportText.romanValue(Substring(r.number)) != nil
                || (r.number.count == 1 && r.number.first!.isUppercase)
            var numberedGroup = false
            if noUnits, hasUnitColumns, i + 1 < rows.count {
                let next = rows[i + 1].number
                numberedGroup = next.hasPrefix(r.number + ".") || (next.count == 1 && next.first!.isLowercase)
            }
            if labelled || numberedGroup {
                group = (r.number, r.cells[.content] ?? "")
                continue
            }
            tasks.append((r, group))
        }
        // Numbers the table repeats under different groups are made unique by the group's label.
        var counts: [String: Int] = [:]
        for t in tasks { counts[ImportTable.number(t.row.number, group: t.group?.label), default: 0] += 1 }
        for (r, g) in tasks {
            var number = ImportTable.number(r.number, group: g?.label)
            if counts[number, default: 0] > 1, let label = g?.label, !number.hasPrefix(label + ".") {
                number = label + "." + number
            }
            let content = r.cells[.content] ?? ""
            var body = content.isEmpty ? [] : [content]
            for c in r.columns {
                if case .other(let heading) = c, let text = r.cells[c] { body.append(heading + ": " + text) }
            }
            let item = ImportedItem(
                number: number, sectionNumber: g?.label, section: g.map { $0.title.isEmpty ? $0.label : $0.title },
                title: ImportText.title(of: content.isEmpty ? number : content),
                lead: r.cells[.lead].map(ImportText.fieldValue),
                support: r.cells[.support].map { SupportSplitter(registry: registry).split($0) } ?? [],
                timeframe: r.cells[.timeframe].map(ImportText.fieldValue), body: body, line: r.line)
            result.items.append(item)
        }
        return result
    }
}

enum ImportTable {
    /// A row's number as an item number: "1", "1.2"; a letter under a numbered group is "2.a".
    static func number(_ stt: String, group: String?) -> String {
        if stt.count == 1, let c = stt.first, c.isLowercase, let group { return group + "." + stt }
        return stt
    }
}
