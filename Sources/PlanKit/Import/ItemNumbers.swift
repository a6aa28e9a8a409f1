/// Item numbers from the document's own numbering: "1.a" for point a) of 1., "3.1" for a numbered
/// task, and for a point with no letter the first free letter after the point before it ("7.a").
enum ItemNumbers {
    static func assign(_ items: [Int], outline: Outline, numeral: String?) -> [(number: String, assigned: Bool)] {
        let e = outline.entries
        let letters = VietnameseText.itemLetters
        func labelled(_ i: Int) -> Int? {
            var p = e[i].parent
            while let q = p {
                switch e[q].marker {
                case .number, .letter: return q
                default: p = e[q].parent
                }
            }
            return nil
        }
        // The capital heading ("A.") an entry is under: numbers start again under each one.
        func capital(_ i: Int) -> String? {
            var p = e[i].parent
            while let q = p {
                if case .capital(let c) = e[q].marker { return c }
                p = e[q].parent
            }
            return nil
        }
        // What an entry's number goes under: the numbered entry it is in, else its capital heading, else
        // the part.
        func base(_ i: Int) -> String? { labelled(i).map(path) ?? capital(i) ?? numeral }
        func path(_ i: Int) -> String {
            switch e[i].marker {
            case .number(let n):
                let s = n.map(String.init).joined(separator: ".")
                return capital(i).map { $0 + "." + s } ?? s
            case .letter(let l):
                return base(i).map { $0 + "." + l } ?? l
            default: return base(i) ?? ""
            }
        }
        var taken: [String: Set<String>] = [:]
        for i in items {
            if case .letter(let l) = e[i].marker {
                taken[base(i) ?? "", default: []].insert(l)
            }
        }
        var previous: [String: Int] = [:]
        var out: [(number: String, assigned: Bool)] = []
        for i in items {
            switch e[i].marker {
            case .number:
                out.append((path(i), false))
            case .letter(let l):
                previous[base(i) ?? ""] = letters.firstIndex(of: l) ?? 0
                out.append((path(i), false))
            default:
                let under = base(i) ?? ""
                var k = (previous[under] ?? -1) + 1
                while k < letters.count, taken[under, default: []].contains(letters[k]) { k += 1 }
                let letter = k < letters.count ? letters[k] : "x\(k)"
                previous[under] = k
                taken[under, default: []].insert(letter)
                out.append((under.isEmpty ? letter : under + "." + letter, true))
            }
        }
        return out
    }
}
