import Foundation

/// The languages every message exists in.
public enum Language: String, CaseIterable, Sendable, Codable {
    case vi
    case en

    /// `--lang` first, then the workspace's locale, then the environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    public static func resolve(
        flag: Language?, workspace: Language?,
        environment: [String: String] = Environment.values(["LC_ALL", "LC_MESSAGES", "LANG"])
    ) -> Language {
        if let flag { return flag }
        if let workspace { return workspace }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("vi") ? .vi : .en
            }
        }
        return .en
    }

    /// Accepts `vi`, `vi_VN.UTF-8`, `en-US` and the like.
    public init?(locale: String) {
        let lower = locale.lowercased()
        if lower.hasPrefix("vi") { self = .vi } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}

/// A text in both languages. Both are required, so a translation cannot be forgotten.
public struct Localized: Hashable, Sendable {
    public let en: String
    public let vi: String

    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }

    public subscript(language: Language) -> String {
        language == .vi ? vi : en
    }
}

/// A message with its arguments, rendered in either language on demand. Diagnostics carry these,
/// not rendered strings, so one run can print Vietnamese and match a baseline in English.
public struct Message: Hashable, Sendable {
    public let id: MessageID
    public let args: [String]

    public init(_ id: MessageID, _ args: String...) {
        self.id = id
        self.args = args
    }

    public init(_ id: MessageID, args: [String]) {
        self.id = id
        self.args = args
    }

    public func render(_ language: Language) -> String {
        let template = Catalogue.template(for: id)[language]
        return Catalogue.fill(template, args)
    }
}

public enum Catalogue {
    public static func template(for id: MessageID) -> Localized {
        guard let t = table[id] else {
            // A missing entry is caught by the catalogue test; at run time show the id, never crash.
            return Localized(en: id.rawValue, vi: id.rawValue)
        }
        return t
    }

    /// Replaces `{0}`, `{1}` … with the arguments.
    static func fill(_ template: String, _ args: [String]) -> String {
        var rest = template[...]
        guard rest.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + args.reduce(0) { $0 + $1.utf8.count })
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            out += rest[..<open]
            let afterOpen = rest.utf8.index(after: open)
            if let close = rest.utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")),
                let n = Int(Substring(rest.utf8[afterOpen..<close])), n < args.count
            {
                out += args[n]
                rest = rest[rest.utf8.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }

    /// The placeholders a template uses, for the completeness test.
    public static func placeholders(in template: String) -> Set<Int> {
        var result = Set<Int>()
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if let n = Int(rest[rest.index(after: open)..<close]) { result.insert(n) }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// Quotes a user's text the same way in both languages.
    public static func quote(_ s: String) -> String { "‘\(s)’" }

    /// Several user texts, quoted, in one language-neutral argument.
    public static func quoteList(_ items: [String]) -> String {
        items.map(quote).joined(separator: ", ")
    }
}
