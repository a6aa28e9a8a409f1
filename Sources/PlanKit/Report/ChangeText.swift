import Foundation

/// Item changes in plain words, in either language: the lines of the Markdown report, of commit
/// messages written by the hook, and of the changelog.
public enum ChangeText {
    /// `2.a: thời gian lùi từ tháng 9/2021 sang tháng 11/2021 (+61 ngày)`
    public static func line(_ change: ItemChange, _ language: Language) -> String {
        "\(change.shortItem): " + describe(change, language)
    }

    /// The change without the item label.
    public static func describe(_ change: ItemChange, _ language: Language) -> String {
        var parts: [String] = []
        switch change.kind {
        case .added:
            guard let title = change.title else { return Message(.reportAddedUntitled).render(language) }
            return Message(.reportAdded, Catalogue.quote(title)).render(language)
        case .removed:
            return Message(.reportRemoved).render(language)
        case .moved:
            parts.append(Message(.reportMoved, change.fromPath ?? "?", change.path).render(language))
        case .modified:
            break
        }
        parts += change.fields.map { field($0, language) }
        return parts.joined(separator: "; ")
    }

    static func value(_ v: JSONValue?) -> String {
        switch v {
        case nil, .null?: return "∅"
        case .string(let s)?: return s
        case .array(let a)?: return a.map { $0.stringValue ?? $0.serialized(indent: nil) }.joined(separator: ", ")
        case let other?: return other.serialized(indent: nil)
        }
    }

    static func field(_ f: FieldChange, _ language: Language) -> String {
        switch (f.field, f.detail) {
        case ("status", _):
            return Message(.reportStatus, value(f.from), value(f.to)).render(language)
        case ("lead", .units(_, _, let respelled)):
            return Message(
                respelled ? .reportLeadRespelled : .reportLead, Catalogue.quote(value(f.from)),
                Catalogue.quote(value(f.to))
            ).render(language)
        case ("support", .units(let added, let removed, let respelled)):
            if respelled { return Message(.reportSupportRespelled).render(language) }
            var bits: [String] = []
            if !added.isEmpty { bits.append("+" + Catalogue.quoteList(added)) }
            if !removed.isEmpty { bits.append("−" + Catalogue.quoteList(removed)) }
            return Message(.reportSupport, bits.joined(separator: ", ")).render(language)
        case ("timeframe", .timeframe(let shift, let fromVI, let toVI, let fromEN, let toEN)):
            let from = (language == .vi ? fromVI : fromEN) ?? Catalogue.quote(value(f.from))
            let to = (language == .vi ? toVI : toEN) ?? Catalogue.quote(value(f.to))
            if let shift, shift != 0 {
                let days = (shift > 0 ? "+" : "−") + String(abs(shift))
                return Message(shift > 0 ? .reportTimeframeLater : .reportTimeframeEarlier, from, to, days).render(
                    language)
            }
            return Message(.reportTimeframe, Catalogue.quote(value(f.from)), Catalogue.quote(value(f.to))).render(
                language)
        case ("body", .body(let added, let removed)):
            return Message(.reportBody, String(added), String(removed)).render(language)
        case ("title", _):
            return Message(.reportTitle, Catalogue.quote(value(f.from)), Catalogue.quote(value(f.to))).render(language)
        case ("id", _):
            return Message(.reportID, value(f.from), value(f.to)).render(language)
        default:
            if f.from == nil {
                return Message(.reportFieldAdded, f.field, Catalogue.quote(value(f.to))).render(language)
            }
            if f.to == nil { return Message(.reportFieldRemoved, f.field).render(language) }
            return Message(.reportField, f.field, Catalogue.quote(value(f.from)), Catalogue.quote(value(f.to))).render(
                language)
        }
    }
}
