/// Splits a "Phối hợp" value into units only where that is safe. Many names hold commas and "và"
/// themselves ("Sở Văn hóa, Thể thao và Du lịch", "Các Sở, ban, ngành", "UBND các quận, huyện"), so:
/// a split the registry fully explains is taken; otherwise a piece starts a new unit only when it is
/// a registered name or starts like one ("Sở …", "Ủy ban …"), and is kept with the piece before it
/// when it does not. The text of each unit is kept as written.
struct SupportSplitter {
    let registry: UnitRegistry

    func split(_ value: String) -> [String] {
        let text = ImportText.fieldValue(value)
        guard !text.isEmpty else { return [] }
        if registry.lookup(text) != nil { return [text] }
        if let parts = registry.segmentText(text) { return parts.map(\.text) }
        // Pieces at "," and ";", with the separator before each.
        var pieces: [(separator: String, text: String)] = []
        var current = ""
        var separator = ""
        for c in text {
            if c == "," || c == ";" {
                pieces.append((separator, current))
                separator = String(c)
                current = ""
            } else {
                current.append(c)
            }
        }
        pieces.append((separator, current))
        var groups: [String] = []
        var i = 0
        while i < pieces.count {
            // The longest run of pieces from here that is one registered unit.
            var taken = 0
            for j in stride(from: pieces.count, to: i, by: -1) {
                let candidate = joined(pieces[i..<j])
                if registry.lookup(candidate) != nil {
                    groups.append(candidate.trimmedSpaces)
                    taken = j - i
                    break
                }
            }
            if taken > 0 {
                i += taken
                continue
            }
            let piece = pieces[i].text.trimmedSpaces
            if groups.isEmpty || ImportText.looksLikeUnit(piece) {
                groups.append(piece)
            } else {
                groups[groups.count - 1] += pieces[i].separator + pieces[i].text
            }
            i += 1
        }
        return groups.flatMap(splitAtAnd).map(\.trimmedSpaces).filter { !$0.isEmpty }
    }

    private func joined(_ pieces: ArraySlice<(separator: String, text: String)>) -> String {
        pieces.enumerated().map { $0.offset == 0 ? $0.element.text : $0.element.separator + $0.element.text }.joined()
    }

    /// "Sở Nội vụ và Sở Tài chính": split at " và " when both sides are units; "Sở Thông tin và Truyền
    /// thông" stays whole.
    private func splitAtAnd(_ text: String) -> [String] {
        if registry.lookup(text) != nil { return [text] }
        var start = text.startIndex
        while let r = text.range(of: " và ", range: start..<text.endIndex) {
            let left = String(text[..<r.lowerBound])
            let right = String(text[r.upperBound...])
            let leftOK = registry.lookup(left) != nil || ImportText.looksLikeUnit(left)
            let rightOK = registry.lookup(right) != nil || ImportText.looksLikeUnit(right)
            if leftOK, rightOK { return [left] + splitAtAnd(right) }
            start = r.upperBound
        }
        return [text]
    }
}
