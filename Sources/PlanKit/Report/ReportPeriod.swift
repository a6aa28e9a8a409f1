/// A reporting period: a year (`2022`), a half (`2022-H1`, the six-monthly report), a quarter
/// (`2022-Q3`) or a month (`2022-06`).
public struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    public let label: String
    public let start: CivilDate
    public let end: CivilDate

    public init?(_ text: String) {
        let t = text.uppercased()
        let parts = t.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first), (1900...2200).contains(year) else {
            return nil
        }
        var from = 1
        var to = 12
        if parts.count == 2 {
            let p = parts[1]
            if p.hasPrefix("H"), let h = Int(p.dropFirst()), (1...2).contains(h) {
                from = h == 1 ? 1 : 7
                to = from + 5
            } else if p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) {
                from = q * 3 - 2
                to = q * 3
            } else if let m = Int(p), (1...12).contains(m), p.count == 2 {
                from = m
                to = m
            } else {
                return nil
            }
        } else if parts.count != 1 {
            return nil
        }
        label = t
        start = CivilDate(year: year, month: from, day: 1)!
        end = CivilDate.endOf(month: to, year: year)!
        _ = self.label
    }

    public var description: String { label }

    public func contains(_ d: CivilDate) -> Bool { d >= start && d <= end }

    public func title(_ language: Language) -> String {
        let vi = language == .vi
        let parts = label.split(separator: "-")
        let year = String(parts[0])
        guard parts.count == 2 else { return vi ? "năm \(year)" : year }
        let p = parts[1]
        if p == "H1" { return vi ? "6 tháng đầu năm \(year)" : "first half of \(year)" }
        if p == "H2" { return vi ? "6 tháng cuối năm \(year)" : "second half of \(year)" }
        if p.hasPrefix("Q") {
            let q = Int(p.dropFirst())!
            return vi ? "quý \(["I", "II", "III", "IV"][q - 1]) năm \(year)" : "Q\(q) \(year)"
        }
        return vi ? "tháng \(Int(p)!)/\(year)" : "\(year)-\(p)"
    }
}
