/// Reads task tables: a header row naming the columns (in any order), group rows that act as sections
/// ("I", "A.", "III.1", or a numbered row with no lead whose next row is numbered under it), header rows
/// repeated at page breaks, numbered rows (sub-rows "5.1.1" too) that are items, and rows with no number
/// that continue the row above: a wrapped cell, or a row-spanned row whose first cells are not repeated.
struct TableReader {
    let registry: UnitRegistry

    enum Column: Hashable {
        case number, content, lead, support, timeframe, product
        /// Any other column: kept in the item's text under its heading.
        case other(String)
    }

    /// The cells of a table row, or nil when the line is not one.
    static func cells(_ line: PlanText.Line) -> [String]? {
        var raw = line.cells
        if raw.contains("|") {
            raw = raw.trimmedSpaces
            var cells = raw.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmedSpaces }
            if raw.hasPrefix("|") { cells.removeFirst() }
            if raw.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
            return cells.count >= 2 || (raw.hasPrefix("|") && !cells.isEmpty) ? cells : nil
        }
        guard raw.contains("\t") else { return nil }
        let cells = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmedSpaces }
        return cells.count >= 3 ? cells : nil
    }

    /// The columns a header row names, or nil when the row is not a header.
    static func header(_ cells: [String]) -> [Column]? {
        // Column names are short; a data row's long cells can hold the same words.
        guard cells.allSatisfy({ $0.count <= 60 }), !cells.contains(where: { $0.allSatisfy(\.isNumber) && !$0.isEmpty })
        else { return nil }
        var columns = cells.map(column)
        let known = columns.filter { if case .other = $0 { return false } else { return true } }
        guard columns.contains(.content), known.count >= 2 else { return nil }
        // Several columns read as the lead: the one that says "chủ trì" is it, the others are text.
        // Else the one that drafts or carries out the work leads, not the one that submits it ("Cơ quan trình |
        // Cơ quan soạn thảo" in a plan of legal documents).
        let leads = columns.indices.filter { columns[$0] == .lead }
        func says(_ words: [String]) -> [Int] {
            leads.filter { i in words.contains { VietnameseText.stripDiacritics(cells[i].lowercased()).contains($0) } }
        }
        let lead = says(["chu tri"])
        let named = lead.count == 1 ? lead : says(["soan thao", "thuc hien"])
        if leads.count > 1, named.count == 1 {
            for i in leads where i != named[0] { columns[i] = .other(cells[i]) }
        }
        return columns
    }

    /// The columns once a header's second row names some of them, or nil when the row is not one: its
    /// cells are short, none is a number, each one that is not empty names a known column, and one of
    /// them names a column the first row left unnamed or named otherwise.
    static func secondHeader(_ cells: [String], under columns: [Column]) -> [Column]? {
        let named = cells.enumerated().filter { !$0.element.isEmpty }
        guard !named.isEmpty, named.allSatisfy({ $0.element.count <= 60 && !$0.element.contains(where: \.isNumber) })
        else { return nil }
        var out = columns
        for (i, cell) in named {
            let c = column(cell)
            if case .other = c { return nil }
            while out.count <= i { out.append(.other("")) }
            out[i] = c
        }
        // A row that names no column anew is a row of the table.
        return out == columns ? nil : out
    }

    static func column(_ cell: String) -> Column {
        let key = VietnameseText.stripDiacritics(cell.lowercased()).trimmedSpaces
        if ["stt", "tt", "so tt", "so thu tu", "s tt"].contains(key) { return .number }
        if key.hasPrefix("thuoc nhom") || key.hasPrefix("chi tieu") || key.hasPrefix("nguon") { return .other(cell) }
        if key.contains("thoi gian") || key.contains("thoi han") || key.contains("tien do") { return .timeframe }
        if key.contains("phoi hop") { return .support }
        // Units consulted on a draft ("Đơn vị cho ý kiến") neither lead nor carry it out.
        // Nor do those that review it ("Cơ quan thẩm tra/chuẩn bị ý kiến", "Cơ quan thẩm định").
        if key.contains("y kien") || key.contains("gop y") || key.contains("tham tra") || key.contains("tham dinh") {
            return .other(cell)
        }
        if key.contains("chu tri") || key.hasPrefix("co quan") || key.hasPrefix("don vi") { return .lead }
        if key.hasPrefix("san pham") || key.hasPrefix("ket qua") { return .product }
        // The document that gave the task ("Văn bản giao nhiệm vụ") is not the task.
        if key.hasPrefix("van ban") { return .other(cell) }
        if key.contains("noi dung") || key.contains("nhiem vu") || key.contains("cong viec") || key.hasPrefix("ten ")
            || key == "ten" || key.contains("hoat dong") || key.contains("de an")
        {
            return .content
        }
        if key.contains("thuc hien") || key.contains("phu trach") { return .lead }
        return .other(cell)
    }

    /// A separator row of a Markdown table or a row of column numbers ("(1) | (2) | (3)").
    static func isFiller(_ cells: [String]) -> Bool {
        cells.allSatisfy { c in c.isEmpty || c.allSatisfy { "-:= ".contains($0) } }
            || cells.allSatisfy { c in c.isEmpty || c.allSatisfy { $0.isNumber || $0 == "(" || $0 == ")" } }
    }

    /// One row of a table, its cells by column.
    struct Row {
        var number: String
        var entry: Int
        var line: Int
        var cells: [Column: String]
        var columns: [Column]
        /// The first cell after the number: a group row's title wherever the row puts it.
        var firstText: String = ""
        /// Text of the rows that continue it, each kept as a paragraph of the item.
        var continued: [String] = []
        /// A task row whose number cell was empty, numbered in order.
        var unnumbered = false
    }

    /// "I. Văn bản …", "A. Nhiệm vụ chung": a group row's label (a Roman numeral or a capital letter) and
    /// title, written in one cell.
    static func groupLabel(_ cell: String) -> (label: String, title: String)? {
        guard let dot = cell.firstIndex(of: "."), cell[cell.index(after: dot)...].hasPrefix(" ") else { return nil }
        let label = String(cell[..<dot])
        let title = cell[cell.index(after: dot)...].trimmedSpaces
        guard !title.isEmpty, isGroupLabel(label) else { return nil }
        return (label, title)
    }

    /// A Roman numeral or a single capital letter.
    static func isGroupLabel(_ s: String) -> Bool {
        ImportText.romanValue(Substring(s)) != nil || (s.count == 1 && s.first!.isUppercase)
    }

    /// What the rows gave: items, and the role and rule of every row entry.
    struct Result {
        var items: [ImportedItem] = []
        var roles: [Int: (Outline.Role, String)] = [:]
        /// Whether a header with a lead column was seen.
        var hasLeadColumn = false
    }

    /// The rows of a part, as outline entries (index, line, cells).
    func read(_ rows: [(entry: Int, line: Int, cells: [String])]) -> Result {
        var result = Result()
        let parsed = parseRows(rows, into: &result)
        let numbered = parsed.filter { !$0.number.isEmpty }
        result.items = items(numbered, roles: &result.roles)
        return result
    }

    private func parseRows(_ rows: [(entry: Int, line: Int, cells: [String])], into result: inout Result) -> [Row] {
        var columns: [Column]?
        var parsed: [Row] = []
        var afterHeader = false
        var unnumbered = 0
        let numbers = rows.contains { r in
            guard let first = r.cells.first, first.contains(where: \.isNumber) else { return false }
            var n = first.trimmedSpaces
            while n.hasSuffix(".") || n.hasSuffix(")") { n.removeLast() }
            return TableReader.isRowLabel(n)
        }
        for row in rows {
            if let h = TableReader.header(row.cells) {
                result.roles[row.entry] = (.skipped, columns == nil ? "table header" : "repeated header")
                columns = h
                if h.contains(.lead) { result.hasLeadColumn = true }
                afterHeader = true
                continue
            }
            // A header over two rows: "Cơ quan thực hiện" spanning "Chủ trì" and "Phối hợp" below it.
            if afterHeader, let h = columns, let refined = TableReader.secondHeader(row.cells, under: h) {
                result.roles[row.entry] = (.skipped, "table header, second row")
                columns = refined
                if refined.contains(.lead) { result.hasLeadColumn = true }
                continue
            }
            afterHeader = false
            guard let columns, !TableReader.isFiller(row.cells) else {
                result.roles[row.entry] = (.skipped, columns == nil ? "row outside a task table" : "filler row")
                continue
            }
            var byColumn: [Column: String] = [:]
            for (c, text) in zip(columns, row.cells) where !text.isEmpty {
                byColumn[c] = byColumn[c].map { $0 + " " + text } ?? text
            }
            if row.cells.count > columns.count {
                let extra = row.cells[columns.count...].filter { !$0.isEmpty }.joined(separator: " ")
                if !extra.isEmpty { byColumn[.content] = PlanText.join([byColumn[.content] ?? "", extra]) }
            }
            var number = (byColumn[.number] ?? "").trimmedSpaces
            // A group row written across the table: "| I. Văn bản thuộc thẩm quyền của Quốc hội |".
            if row.cells.filter({ !$0.isEmpty }).count == 1, let g = TableReader.groupLabel(number) {
                var r = Row(
                    number: g.label, entry: row.entry, line: row.line, cells: [.content: g.title], columns: columns)
                r.firstText = g.title
                parsed.append(r)
                continue
            }
            while number.hasSuffix(".") || number.hasSuffix(")") { number.removeLast() }
            let isLabel = !number.isEmpty && TableReader.isRowLabel(number)
            // A table whose numbers were lost (Word numbers such a column itself, and they do not survive
            // as text): when no row of the part has a number, a whole row with its own task and lead is a
            // task, numbered in order. Where other rows have numbers, a row without one continues a row.
            if !isLabel, !numbers, byColumn[.content] != nil, byColumn[.lead] != nil,
                row.cells.count >= columns.count - 1
            {
                unnumbered += 1
                var r = Row(
                    number: String(unnumbered), entry: row.entry, line: row.line, cells: byColumn, columns: columns)
                r.unnumbered = true
                r.firstText = byColumn[.content] ?? ""
                parsed.append(r)
                continue
            }
            if !isLabel {
                // No number: a wrapped cell or a row-spanned row, which goes on the row above.
                if !parsed.isEmpty {
                    let text = row.cells.filter { !$0.isEmpty }.joined(separator: " | ")
                    if byColumn.keys.allSatisfy({ $0 == .content || $0 == .number }), row.cells.count == columns.count {
                        let k = parsed.count - 1
                        parsed[k].cells[.content] = PlanText.join([parsed[k].cells[.content] ?? "", text])
                    } else if !text.isEmpty {
                        parsed[parsed.count - 1].continued.append(text)
                    }
                    result.roles[row.entry] = (.body, "row continues the row above")
                } else {
                    result.roles[row.entry] = (.skipped, "row before any numbered row")
                }
                continue
            }
            var r = Row(number: number, entry: row.entry, line: row.line, cells: byColumn, columns: columns)
            r.firstText = row.cells.dropFirst().first { !$0.isEmpty } ?? ""
            parsed.append(r)
        }
        return parsed
    }

    /// "1", "1.2", "5.1.1", "I", "A", "a", "III.1": what an STT cell holds.
    static func isRowLabel(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4 else { return false }
        for (k, p) in parts.enumerated() {
            if p.allSatisfy(\.isNumber), !p.isEmpty, p.count <= 3 { continue }
            if k == 0, ImportText.romanValue(p) != nil { continue }
            if k == 0, p.count == 1, p.first!.isLetter { continue }
            return false
        }
        return true
    }

    private func isGroup(_ rows: [Row], _ i: Int) -> Bool {
        let r = rows[i]
        let first = r.number.split(separator: ".").first.map(String.init) ?? r.number
        if ImportText.romanValue(Substring(first)) != nil || (first.count == 1 && first.first!.isUppercase) {
            return true
        }
        let hasUnitColumns = r.columns.contains(.lead) || r.columns.contains(.timeframe)
        let noUnits = r.cells[.lead] == nil && r.cells[.support] == nil && r.cells[.timeframe] == nil
        guard noUnits, hasUnitColumns, i + 1 < rows.count else { return false }
        let next = rows[i + 1].number
        return next.hasPrefix(r.number + ".") || (next.count == 1 && next.first!.isLowercase)
    }

    private func items(_ rows: [Row], roles: inout [Int: (Outline.Role, String)]) -> [ImportedItem] {
        var group: (label: String, title: String)?
        var tasks: [(row: Row, group: (label: String, title: String)?)] = []
        for i in rows.indices {
            if isGroup(rows, i) {
                group = (rows[i].number, rows[i].cells[.content] ?? rows[i].firstText)
                roles[rows[i].entry] = (.group, "group row")
                continue
            }
            tasks.append((rows[i], group))
            roles[rows[i].entry] = (
                .item, rows[i].unnumbered ? "row without a number, numbered in order" : "numbered row"
            )
        }
        // Numbers the table repeats under different groups are made unique by the group's label.
        var counts: [String: Int] = [:]
        for t in tasks { counts[ImportTable.number(t.row.number, group: t.group?.label), default: 0] += 1 }
        return tasks.map { r, g in
            var number = ImportTable.number(r.number, group: g?.label)
            if counts[number, default: 0] > 1, let label = g?.label, !number.hasPrefix(label + ".") {
                number = label + "." + number
            }
            return item(r, number: number, group: g)
        }
    }

    private func item(_ r: Row, number: String, group g: (label: String, title: String)?) -> ImportedItem {
        let content = r.cells[.content] ?? ""
        var body = content.isEmpty ? [] : [content]
        for c in r.columns {
            if case .other(let heading) = c, let text = r.cells[c] { body.append(heading + ": " + text) }
        }
        body += r.continued
        var item = ImportedItem(
            number: number, sectionNumber: g?.label, section: g.map { $0.title.isEmpty ? $0.label : $0.title },
            title: ImportText.title(of: content.isEmpty ? number : content),
            lead: r.cells[.lead].map(ImportText.fieldValue),
            support: r.cells[.support].map { SupportSplitter(registry: registry).split($0) } ?? [],
            timeframe: r.cells[.timeframe].map(ImportText.fieldValue), body: body, line: r.line)
        item.product = r.cells[.product].map(ImportText.fieldValue)
        return item
    }
}

enum ImportTable {
    /// A row's number as an item number: "1", "1.2"; a letter under a numbered group is "2.a".
    static func number(_ stt: String, group: String?) -> String {
        if stt.count == 1, let c = stt.first, c.isLowercase, let group { return group + "." + stt }
        return stt
    }
}
