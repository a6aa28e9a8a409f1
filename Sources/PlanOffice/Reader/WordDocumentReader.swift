import Foundation

/// Reads a WordprocessingML package (.docx) into an `OfficeDocument`: the main document part streamed
/// with `XMLParser`, automatic numbering resolved from `numbering.xml` and the styles, footnotes and
/// endnotes at the end. Accepted insertions are read, deletions are not; comments are ignored.
public struct WordDocumentReader: Sendable {
    public init() {}

    public func read(_ bytes: [UInt8], path: String) throws(OfficeError) -> OfficeDocument {
        var package = try OfficePackage(bytes: bytes, path: path)
        return try read(&package)
    }

    func read(_ package: inout OfficePackage) throws(OfficeError) -> OfficeDocument {
        let path = package.path
        guard package.contains("[Content_Types].xml") else { throw .notADocument(path: path) }
        let main = try Self.mainPart(&package)
        guard let documentBytes = try package.read(main) else { throw .notADocument(path: path) }
        let related = try Self.relationships(of: main, in: &package)

        let styles = StylesHandler()
        if let b = try package.read(related["styles"] ?? "word/styles.xml") {
            try XMLStream.parse(b, part: "styles.xml", path: path, into: styles)
        }
        let numbering = NumberingHandler()
        if let b = try package.read(related["numbering"] ?? "word/numbering.xml") {
            try XMLStream.parse(b, part: "numbering.xml", path: path, into: numbering)
        }
        let context = WordContext(styles: styles, numbering: numbering)
        let body = DocumentHandler(context: context, notes: false)
        try XMLStream.parse(documentBytes, part: main, path: path, into: body)
        var document = OfficeDocument(blocks: body.blocks)
        for kind in ["footnotes", "endnotes"] {
            if let b = try package.read(related[kind] ?? "word/\(kind).xml") {
                let notes = DocumentHandler(context: context, notes: true)
                try XMLStream.parse(b, part: "\(kind).xml", path: path, into: notes)
                document.footnotes += notes.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
            }
        }
        return document
    }

    /// The main document part named by the package relationships; `word/document.xml` by default.
    static func mainPart(_ package: inout OfficePackage) throws(OfficeError) -> String {
        guard let rels = try package.read("_rels/.rels") else { return "word/document.xml" }
        let handler = RelationshipsHandler()
        try XMLStream.parse(rels, part: "_rels/.rels", path: package.path, into: handler)
        let target = handler.targets["officeDocument"].map { resolve($0, from: "") } ?? "word/document.xml"
        guard OfficePackage.isSafe(target) else { throw .unsafeEntry(path: package.path, entry: target) }
        return target
    }

    /// The parts related to the main part, by relationship type ("styles", "numbering", "footnotes").
    static func relationships(of part: String, in package: inout OfficePackage) throws(OfficeError) -> [String: String]
    {
        let folder = part.contains("/") ? String(part[..<part.lastIndex(of: "/")!]) : ""
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let rels = try package.read(relsName) else { return [:] }
        let handler = RelationshipsHandler()
        try XMLStream.parse(rels, part: relsName, path: package.path, into: handler)
        var out: [String: String] = [:]
        for (type, target) in handler.targets {
            let resolved = resolve(target, from: folder)
            guard OfficePackage.isSafe(resolved) else { throw .unsafeEntry(path: package.path, entry: target) }
            out[type] = resolved
        }
        return out
    }

    /// A relationship target made a package name: absolute ("/word/x.xml") or relative to `folder`.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                // Leaving the package is refused by the caller; keep the ".." so it can be.
                if parts.isEmpty || parts.last == ".." { parts.append("..") } else { parts.removeLast() }
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// `w:val` and its friends: on/off properties are on unless their value says otherwise.
private func isOn(_ attributes: [String: String]) -> Bool {
    guard let v = attributes["val"] else { return true }
    return !["false", "0", "off", "none"].contains(v)
}

final class RelationshipsHandler: XMLEventHandler {
    /// Relationship type (its last path component) → target.
    var targets: [String: String] = [:]

    func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", attributes["TargetMode"] != "External", let type = attributes["Type"],
            let target = attributes["Target"]
        else { return }
        let kind = type.split(separator: "/").last.map(String.init) ?? type
        if targets[kind] == nil { targets[kind] = target }
    }
    func end(_ name: String) {}
    func text(_ text: String) {}
}

/// Paragraph and character styles: what the reader needs of each.
final class StylesHandler: XMLEventHandler {
    struct Style {
        var name: String?
        var basedOn: String?
        var numID: String?
        var level: Int?
        var outline: Int?
        var bold: Bool?
    }

    var styles: [String: Style] = [:]
    private var current: String?
    private var stack: [String] = []

    func start(_ name: String, _ a: [String: String]) {
        defer { stack.append(name) }
        if name == "style" {
            current = a["styleId"]
            if let c = current { styles[c] = Style() }
            return
        }
        guard let id = current, stack.contains("style") else { return }
        // Tracked changes of formatting hold the old properties.
        if stack.contains(where: { $0.hasSuffix("Change") }) { return }
        switch name {
        case "name": styles[id]?.name = a["val"]
        case "basedOn": styles[id]?.basedOn = a["val"]
        case "numId" where stack.last == "numPr": styles[id]?.numID = a["val"]
        case "ilvl" where stack.last == "numPr": styles[id]?.level = a["val"].flatMap { Int($0) }
        case "outlineLvl" where stack.last == "pPr": styles[id]?.outline = a["val"].flatMap { Int($0) }
        case "b" where stack.last == "rPr": styles[id]?.bold = isOn(a)
        default: break
        }
    }

    func end(_ name: String) {
        if !stack.isEmpty { stack.removeLast() }
        if name == "style" { current = nil }
    }

    func text(_ text: String) {}

    /// Walks the `basedOn` chain (at most 20 deep: a cycle must not hang the reader).
    func lookup<T>(_ id: String?, _ property: (Style) -> T?) -> T? {
        var next = id
        var seen = 0
        while let s = next, let style = styles[s], seen < 20 {
            if let v = property(style) { return v }
            next = style.basedOn
            seen += 1
        }
        return nil
    }

    func headingLevel(_ id: String?) -> Int? {
        // A style's name is its own (not inherited); its outline level is inherited.
        if let id, let name = styles[id]?.name?.lowercased(), name.hasPrefix("heading "),
            let level = Int(name.dropFirst(8)), (1...9).contains(level)
        {
            return level
        }
        if let outline = lookup(id, \.outline), (0...8).contains(outline) { return outline + 1 }
        return nil
    }
}

/// `numbering.xml`: abstract definitions and the numbering instances that point at them.
final class NumberingHandler: XMLEventHandler {
    struct Instance {
        var abstract: String
        var overrides: [Int: ListLevel] = [:]
        var startOverrides: [Int: Int] = [:]
    }

    var abstracts: [String: [Int: ListLevel]] = [:]
    var styleLinks: [String: String] = [:]
    var instances: [String: Instance] = [:]

    private var stack: [String] = []
    private var abstract: String?
    private var instance: String?
    private var overrideLevel: Int?
    private var level: Int?
    private var building = ListLevel()

    func start(_ name: String, _ a: [String: String]) {
        defer { stack.append(name) }
        switch name {
        case "abstractNum":
            abstract = a["abstractNumId"]
            if let id = abstract, abstracts[id] == nil { abstracts[id] = [:] }
        case "num":
            instance = a["numId"]
        case "abstractNumId" where instance != nil:
            if let id = instance, let v = a["val"] { instances[id] = Instance(abstract: v) }
        case "lvlOverride":
            overrideLevel = a["ilvl"].flatMap { Int($0) }
        case "startOverride":
            if let id = instance, let l = overrideLevel, let v = a["val"].flatMap({ Int($0) }) {
                instances[id]?.startOverrides[l] = v
            }
        case "lvl":
            level = a["ilvl"].flatMap { Int($0) } ?? overrideLevel
            building = ListLevel()
        case "numStyleLink", "styleLink":
            if let id = abstract, let v = a["val"], name == "numStyleLink" { styleLinks[id] = v }
        default:
            guard level != nil, stack.last == "lvl" else { return }
            let v = a["val"]
            switch name {
            case "start": building.start = v.flatMap { Int($0) } ?? 1
            case "numFmt": building.format = NumberFormat(word: v ?? "decimal")
            case "lvlText": building.text = v ?? ""
            case "lvlRestart": building.restart = v.flatMap { Int($0) }
            case "isLgl": building.legal = isOn(a)
            case "pStyle": building.style = v
            default: break
            }
        }
    }

    func end(_ name: String) {
        if !stack.isEmpty { stack.removeLast() }
        switch name {
        case "lvl":
            if let l = level, (0..<9).contains(l) {
                if let id = instance, stack.contains("lvlOverride") {
                    instances[id]?.overrides[l] = building
                } else if let id = abstract {
                    abstracts[id]?[l] = building
                }
            }
            level = nil
        case "lvlOverride": overrideLevel = nil
        case "abstractNum": abstract = nil
        case "num": instance = nil
        default: break
        }
    }

    func text(_ text: String) {}
}

/// The resolved numbering of a document as its paragraphs come: counters per list, labels.
final class WordContext {
    let styles: StylesHandler
    let numbering: NumberingHandler
    private var counters: [String: ListCounter] = [:]

    init(styles: StylesHandler, numbering: NumberingHandler) {
        self.styles = styles
        self.numbering = numbering
    }

    /// The label of a paragraph with direct numbering (`numID`, `level`) and style `style`, advancing the
    /// counters; nil when it is not numbered.
    func label(numID direct: String?, level directLevel: Int?, style: String?) -> String? {
        var numID = direct
        var level = directLevel
        if numID == nil { numID = styles.lookup(style, \.numID) }
        guard let id = numID, id != "0", let instance = numbering.instances[id] else { return nil }
        var abstractID = instance.abstract
        // A list style: the abstract definition links to a numbering style, which names another instance.
        if let link = numbering.styleLinks[abstractID], let linked = styles.styles[link]?.numID,
            let other = numbering.instances[linked]
        {
            abstractID = other.abstract
        }
        guard var levels = numbering.abstracts[abstractID] else { return nil }
        if level == nil { level = styles.lookup(style, \.level) }
        if level == nil, let style {
            level = levels.first { $0.value.style == style }?.key
        }
        let l = min(max(level ?? 0, 0), 8)
        // An instance that overrides a level is a list of its own (Word restarts it).
        let key: String
        if instance.overrides.isEmpty && instance.startOverrides.isEmpty {
            key = "a" + abstractID
        } else {
            key = "n" + id
            for (k, v) in instance.overrides { levels[k] = v }
            for (k, v) in instance.startOverrides { levels[k, default: ListLevel()].start = v }
        }
        var counter = counters[key] ?? ListCounter()
        let label = counter.next(level: l, levels: levels)
        counters[key] = counter
        return label
    }
}

/// The body of `document.xml` (or the notes of `footnotes.xml`): paragraphs and tables in order.
final class DocumentHandler: XMLEventHandler {
    let context: WordContext
    let notes: Bool

    var blocks: [OfficeBlock] = []

    private struct Paragraph {
        var text = ""
        var style: String?
        var numID: String?
        var level: Int?
        var outline: Int?
        var anyText = false
        var allBold = true
    }

    private struct Run {
        var bold: Bool?
        var style: String?
        var hidden = false
    }

    private struct Table {
        var rows: [OfficeRow] = []
        var cells: [OfficeCell] = []
        var cell: OfficeCell?
    }

    private var stack: [String] = []
    /// Depth inside an element whose content is not read (a deletion, a field instruction, a text box …).
    private var skipping = 0
    private var paragraphs: [Paragraph] = []
    private var run: Run?
    private var inText = false
    private var tables: [Table] = []
    /// In `footnotes.xml`, inside a separator note.
    private var separator = false

    private static let skipped: Set<String> = [
        "del", "moveFrom", "delText", "instrText", "txbxContent", "Fallback", "pPrChange", "rPrChange",
        "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange", "footnoteRef", "endnoteRef",
        "annotationRef",
    ]

    init(context: WordContext, notes: Bool) {
        self.context = context
        self.notes = notes
    }

    func start(_ name: String, _ a: [String: String]) {
        stack.append(name)
        if skipping > 0 || Self.skipped.contains(name) {
            skipping += 1
            return
        }
        let parent = stack.count >= 2 ? stack[stack.count - 2] : ""
        switch name {
        case "footnote", "endnote":
            let type = a["type"] ?? "normal"
            separator = type != "normal"
        case "p":
            paragraphs.append(Paragraph())
        case "pStyle" where parent == "pPr":
            paragraphs.modifyLast { $0.style = a["val"] }
        case "numId" where parent == "numPr":
            paragraphs.modifyLast { $0.numID = a["val"] }
        case "ilvl" where parent == "numPr":
            paragraphs.modifyLast { $0.level = a["val"].flatMap { Int($0) } }
        case "outlineLvl" where parent == "pPr":
            paragraphs.modifyLast { $0.outline = a["val"].flatMap { Int($0) } }
        case "r":
            run = Run()
        case "b" where parent == "rPr" && stack.dropLast(2).last == "r":
            run?.bold = isOn(a)
        case "vanish" where parent == "rPr" && stack.dropLast(2).last == "r":
            run?.hidden = isOn(a)
        case "rStyle" where parent == "rPr" && stack.dropLast(2).last == "r":
            run?.style = a["val"]
        case "t" where parent == "r":
            inText = true
        case "tab" where parent == "r":
            append("\t")
        case "br" where parent == "r", "cr" where parent == "r":
            append("\n")
        case "noBreakHyphen" where parent == "r":
            append("-")
        case "tbl":
            tables.append(Table())
        case "tc":
            tables.modifyLast { $0.cell = OfficeCell(paragraphs: []) }
        case "gridSpan" where parent == "tcPr":
            let span = a["val"].flatMap { Int($0) } ?? 1
            tables.modifyLast { $0.cell?.columnSpan = min(max(span, 1), 64) }
        case "vMerge" where parent == "tcPr":
            let restart = a["val"] == "restart"
            tables.modifyLast { $0.cell?.continuesAbove = !restart }
        default:
            break
        }
    }

    func end(_ name: String) {
        defer { if !stack.isEmpty { stack.removeLast() } }
        if skipping > 0 {
            skipping -= 1
            return
        }
        switch name {
        case "t": inText = false
        case "r": run = nil
        case "p": finishParagraph()
        case "tc":
            tables.modifyLast { t in
                if let c = t.cell { t.cells.append(c) }
                t.cell = nil
            }
        case "tr":
            tables.modifyLast { t in
                if !t.cells.isEmpty { t.rows.append(OfficeRow(cells: t.cells)) }
                t.cells = []
            }
        case "tbl":
            guard let t = tables.popLast() else { return }
            if tables.isEmpty {
                if !t.rows.isEmpty { blocks.append(.table(OfficeTable(rows: t.rows))) }
            } else {
                // A table inside a cell: its rows become paragraphs of that cell.
                let rows = t.rows.map { row in
                    OfficeParagraph(text: row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " "))
                }
                tables.modifyLast { $0.cell?.paragraphs += rows.filter { !$0.text.isEmpty } }
            }
        case "footnote", "endnote":
            separator = false
        default: break
        }
    }

    func text(_ text: String) {
        guard skipping == 0, inText else { return }
        append(text)
    }

    private func append(_ s: String) {
        guard skipping == 0, !paragraphs.isEmpty, run?.hidden != true else { return }
        paragraphs[paragraphs.count - 1].text += s
        if s.contains(where: { !$0.isWhitespace }) {
            paragraphs[paragraphs.count - 1].anyText = true
            let style = paragraphs[paragraphs.count - 1].style
            let bold =
                run?.bold ?? context.styles.lookup(run?.style, \.bold) ?? context.styles.lookup(style, \.bold) ?? false
            if !bold { paragraphs[paragraphs.count - 1].allBold = false }
        }
    }

    private func finishParagraph() {
        guard let p = paragraphs.popLast() else { return }
        if notes && separator { return }
        let label = context.label(numID: p.numID, level: p.level, style: p.style)
        var heading = context.styles.headingLevel(p.style)
        if let o = p.outline { heading = (0...8).contains(o) ? o + 1 : nil }
        let paragraph = OfficeParagraph(
            label: label, text: p.text, bold: p.anyText && p.allBold, headingLevel: heading,
            style: p.style.flatMap { context.styles.styles[$0]?.name } ?? p.style)
        if !paragraphs.isEmpty {
            // A paragraph inside another one (a text box we do not skip): its text joins the outer one.
            paragraphs[paragraphs.count - 1].text += paragraph.labelled
            return
        }
        if !tables.isEmpty, tables[tables.count - 1].cell != nil {
            tables.modifyLast { $0.cell?.paragraphs.append(paragraph) }
        } else if tables.isEmpty {
            blocks.append(.paragraph(paragraph))
        }
    }
}

extension Array {
    mutating func modifyLast(_ body: (inout Element) -> Void) {
        guard !isEmpty else { return }
        body(&self[count - 1])
    }
}
