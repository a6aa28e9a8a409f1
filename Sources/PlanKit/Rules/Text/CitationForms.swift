/// The forms one document number is cited in across a workspace: for each form its number of uses and
/// its first use in path order. That is all `text-citation-inconsistent` needs to choose the preferred
/// form, so a change to a few files can be checked against these counts instead of every file that
/// cites the document.
public struct CitationForms: Sendable, Equatable {
    /// Where a use is: its file's path and its position among that file's citations. Ordered as the
    /// rules see files: by the bytes of the path, then by position.
    public struct Place: Sendable, Equatable, Comparable {
        public let path: String
        public let use: Int

        public static func < (a: Place, b: Place) -> Bool {
            if ByteOrder.equal(a.path, b.path) { return a.use < b.use }
            return ByteOrder.less(a.path, b.path)
        }
    }

    public struct Form: Sendable, Equatable {
        public let text: String
        public var count: Int
        public var first: Place
    }

    /// Sorted by text.
    public private(set) var forms: [Form]

    public init(forms: [Form] = []) {
        self.forms = forms.sorted { ByteOrder.less($0.text, $1.text) }
    }

    /// The forms of one document number in a set of files: `files` gives each file's path and its citations.
    public init(key: String, files: [(path: String, citations: [DocumentFacts.CitationUse])]) {
        self.init()
        for f in files { add(path: f.path, citations: f.citations, key: key) }
    }

    /// What the counts say of the preferred form.
    public enum Preference: Sendable, Equatable {
        /// Fewer than two forms: nothing to flag.
        case none
        case form(String)
        /// Forms tie on shape and count, and the first use of one of them is not known.
        case unknown
    }

    /// The form the rule asks everyone to use: an official shape first, then the most used, then the
    /// first seen.
    public var preference: Preference {
        guard forms.count > 1 else { return .none }
        let best = forms.min { Self.better($0.text, $0.count, than: $1.text, $1.count) }!
        let tied = forms.filter {
            !Self.better($0.text, $0.count, than: best.text, best.count)
                && !Self.better(best.text, best.count, than: $0.text, $0.count)
        }
        if tied.count == 1 { return .form(best.text) }
        if tied.contains(where: { $0.first.use == Int.max }) { return .unknown }
        return .form(Self.preferred(tied.map { ($0.text, $0.count, $0.first) }))
    }

    /// Better by shape (an official one first), then by count.
    private static func better(_ a: String, _ aCount: Int, than b: String, _ bCount: Int) -> Bool {
        let oa = Citation.isOfficialShape(a)
        let ob = Citation.isOfficialShape(b)
        if oa != ob { return oa }
        return aCount > bCount
    }

    /// The preferred form among forms whose first uses are known, ranked by `first` (any order the
    /// files are seen in).
    static func preferred<Rank: Comparable>(_ forms: [(text: String, count: Int, first: Rank)]) -> String {
        forms.min { a, b in
            if better(a.text, a.count, than: b.text, b.count) { return true }
            if better(b.text, b.count, than: a.text, a.count) { return false }
            return a.first < b.first
        }!.text
    }

    /// Counts the uses of `key` among a file's citations.
    public mutating func add(path: String, citations: [DocumentFacts.CitationUse], key: String) {
        for (i, c) in citations.enumerated() where c.key == key {
            let place = Place(path: path, use: i)
            if let k = index(of: c.text) {
                forms[k].count += 1
                if place < forms[k].first { forms[k].first = place }
            } else {
                forms.insert(Form(text: c.text, count: 1, first: place), at: insertion(of: c.text))
            }
        }
    }

    /// The counts with one file's citations replaced: `old` taken away, `new` counted. A form that keeps
    /// uses in other files but lost its first one is left with its first use unknown (`use` is
    /// `Int.max`). False when `old` was not counted here.
    public mutating func replace(
        path: String, old: [DocumentFacts.CitationUse], new: [DocumentFacts.CitationUse], key: String
    ) -> Bool {
        var removed: [String: Int] = [:]
        for c in old where c.key == key { removed[c.text, default: 0] += 1 }
        // A form that keeps uses elsewhere after losing its first one: its first use is now either in
        // a file replaced later that comes before this one, in the new version of this file (every
        // other use comes after it in path order), or unknown.
        let unknown = Place(path: path, use: Int.max)
        for (text, n) in removed {
            guard let k = index(of: text), forms[k].count >= n else { return false }
            forms[k].count -= n
            if forms[k].count == 0 {
                forms.remove(at: k)
            } else if ByteOrder.equal(forms[k].first.path, path) {
                forms[k].first = unknown
            }
        }
        add(path: path, citations: new, key: key)
        return true
    }

    private func index(of text: String) -> Int? {
        let k = insertion(of: text)
        return k < forms.count && ByteOrder.equal(forms[k].text, text) ? k : nil
    }

    private func insertion(of text: String) -> Int {
        var lo = 0
        var hi = forms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ByteOrder.less(forms[mid].text, text) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
