/// The id a new item gets: the next letter of its section in Vietnamese order (a, b, c, d, đ, e, g, h …),
/// after the last one in use, or the next number for an item outside any section. Letters freed by a
/// deleted item are not given again: the history would read two items as one.
public enum ItemNumbering {
    /// `section` "2" and ids ["p/2.a", "p/2.b", "p/1.a"] → "2.c"; no section and ["p/1", "p/3"] → "4".
    public static func next(planID: String, section: String?, existing ids: [String]) -> String {
        let prefix = planID + "/"
        let numbers = ids.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        guard let section else {
            let used = numbers.compactMap { Int($0) }
            return String((used.max() ?? 0) + 1)
        }
        let letters = VietnameseText.itemLetters
        var last = -1
        for n in numbers where n.hasPrefix(section + ".") {
            let rest = String(n.dropFirst(section.count + 1))
            if let i = letters.firstIndex(of: rest) { last = max(last, i) }
        }
        let next = last + 1
        return section + "." + (next < letters.count ? letters[next] : "z\(next - letters.count + 1)")
    }

    /// Whether a section number is one `plan new` accepts: digits, dot-separated ("2", "1.3").
    public static func isValidSection(_ s: String) -> Bool {
        !s.isEmpty
            && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber }
            }
    }
}
