/// Splits a list of units ("Phối hợp" values, coordination cells) into names, only where that is safe.
///
/// Names hold commas and "và" themselves ("Sở Văn hóa, Thể thao và Du lịch"), and collectives share a
/// determiner over bare nouns ("các sở, ban, ngành", "UBND xã, phường, đặc khu"). So: a name the
/// registry or the built-in list knows is never cut; a piece starts a new unit only when it is a
/// name of its own (it starts like one and is more than a bare noun); a bare noun joins the
/// collective before it when the two are of one kind; anything else continues the name before it.
/// The text of each unit is kept as written.
struct SupportSplitter {
    let registry: UnitRegistry

    func split(_ value: String) -> [String] {
        var text = ImportText.fieldValue(value)
        if text.hasPrefix("- ") || text.hasPrefix("+ ") { text = String(text.dropFirst(2)) }
        guard !text.isEmpty else { return [] }
        if registry.lookup(text) != nil { return [text] }
        if let parts = registry.segmentText(text), parts.count > 1 { return parts.map(\.text) }
        var groups: [(text: String, kind: Collective?)] = []
        for piece in pieces(text) {
            let p = piece.text.trimmedSpaces
            guard !p.isEmpty else { continue }
            if let last = groups.last,
                joins(p, after: last.kind, separator: piece.separator)
                    || piece.separator == " và " && sharesQualifier(last.text, p)
            {
                groups[groups.count - 1].text += piece.separator + piece.text
                continue
            }
            groups.append((p, collective(p)))
        }
        return groups.map { ImportText.fieldValue($0.text.trimmedSpaces) }.filter { !$0.isEmpty }
    }

    enum Collective { case institutions, localities }

    /// What kind of collective a group starts as, if any: "các sở", "Sở" (bare), "UBND các xã", "báo".
    private func collective(_ piece: String) -> Collective? {
        var w = UnitNames.words(piece)
        if w.first == "các" || w.first == "những" { w.removeFirst() }
        for head in [
            ["ubnd"], ["ủy", "ban", "nhân", "dân"], ["uỷ", "ban", "nhân", "dân"], ["hđnd"], ["chính", "quyền"],
        ]
        where w.count > head.count && Array(w.prefix(head.count)) == head {
            var rest = Array(w.dropFirst(head.count))
            if rest.first == "các" || rest.first == "cấp" { rest.removeFirst() }
            return nounAtStart(rest, UnitNames.localityNouns) != nil ? .localities : nil
        }
        if nounAtStart(w, UnitNames.localityNouns) != nil, w.count <= 3 { return .localities }
        if let n = nounAtStart(w, UnitNames.institutionNouns), onlyQualifiers(w.dropFirst(n)) { return .institutions }
        return nil
    }

    private func nounAtStart(_ w: [String], _ nouns: Set<String>) -> Int? {
        if w.count >= 2, nouns.contains(w[0] + " " + w[1]) { return 2 }
        if let f = w.first, nouns.contains(f) { return 1 }
        return nil
    }

    private func onlyQualifiers(_ w: ArraySlice<String>) -> Bool {
        w.allSatisfy { UnitNames.qualifierWords.contains($0) }
    }

    /// "các Hiệp hội và Doanh nghiệp công nghệ số Việt Nam", "các sở và ngành liên quan": a bare plural
    /// noun, then "và" and a noun of the same kind with the words that qualify both: one unit.
    private func sharesQualifier(_ before: String, _ after: String) -> Bool {
        let b = UnitNames.words(before)
        guard b.first == "các" || b.first == "những", b.count >= 2,
            nounAtStart(Array(b.dropFirst()), UnitNames.institutionNouns) == b.count - 1
        else { return false }
        let a = UnitNames.words(after)
        guard let n = nounAtStart(a, UnitNames.institutionNouns), a.count > n else { return false }
        return registry.lookup(after) == nil && !UnitNames.known.contains(after)
    }

    /// A bare noun of the collective's kind ("ngành", "đoàn thể Thành phố", "đặc khu") joins it; a piece
    /// that does not start like a name goes on the name before it ("Thể thao và Du lịch").
    private func joins(_ piece: String, after kind: Collective?, separator: String) -> Bool {
        let w = UnitNames.words(piece)
        if w.first == "các" || w.first == "những" || separator == " và " { return false }
        if let kind {
            let nouns = kind == .institutions ? UnitNames.institutionNouns : UnitNames.localityNouns
            if let n = nounAtStart(w, nouns), onlyQualifiers(w.dropFirst(n)) { return true }
        }
        if let n = nounAtStart(w, UnitNames.institutionNouns.union(UnitNames.localityNouns)),
            onlyQualifiers(w.dropFirst(n))
        {
            return false
        }
        return !UnitNames.startsLikeUnit(piece, lenient: true) && registry.lookup(piece) == nil
    }

    /// The text cut at commas, semicolons, dash bullets and a "và" before a name of its own, never inside
    /// a name the registry or the built-in list knows.
    private func pieces(_ text: String) -> [(separator: String, text: String)] {
        let protected = protectedRanges(text)
        var out: [(separator: String, text: String)] = []
        var current = ""
        var separator = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            // Two names stacked in one cell with nothing between them: "Sở Tài chính Các sở, ngành".
            let stacked =
                c == " " && (text[i...].hasPrefix(" Các ") || text[i...].hasPrefix(" Những "))
                && !current.trimmedSpaces.isEmpty
            if c == "," || c == ";" || stacked, !protected.contains(where: { $0.contains(i) }) {
                out.append((separator, current))
                separator = c == " " ? ";" : String(c)
                current = ""
                i = text.index(after: i)
                while i < text.endIndex, text[i] == " " || text[i] == "-" || text[i] == "+" { i = text.index(after: i) }
                separator += " "
                continue
            }
            current.append(c)
            i = text.index(after: i)
        }
        out.append((separator, current))
        return out.flatMap(splitAtAnd)
    }

    private func protectedRanges(_ text: String) -> [Range<String.Index>] {
        guard text.contains(",") || text.contains(";") else { return [] }
        var names = UnitNames.knownWithCommas
        for u in registry.units { names += ([u.name] + u.aliases).filter { $0.contains(",") || $0.contains(" và ") } }
        let lower = text.lowercased()
        var out: [Range<String.Index>] = []
        // The cheap test first: most lists hold none of these names.
        for name in names where lower.contains(name.lowercased()) {
            var start = text.startIndex
            while let r = text.range(of: name, options: [.caseInsensitive], range: start..<text.endIndex) {
                out.append(r)
                start = r.upperBound
            }
        }
        return out
    }

    /// "Sở Nội vụ và Sở Tài chính": cut at " và " when what follows is a name of its own.
    private func splitAtAnd(_ piece: (separator: String, text: String)) -> [(separator: String, text: String)] {
        let text = piece.text
        if registry.lookup(text.trimmedSpaces) != nil { return [piece] }
        var start = text.startIndex
        while let r = text[start...].firstRange(of: " và ") {
            let right = String(text[r.upperBound...])
            let left = String(text[..<r.lowerBound])
            if UnitNames.startsLikeUnit(right, lenient: true) || registry.lookup(right) != nil {
                return [(piece.separator, left)] + splitAtAnd((" và ", right))
            }
            start = r.upperBound
        }
        return [piece]
    }
}
