import Foundation
import Ink
import PlanKit

/// An item's body as HTML: Ink renders the Markdown, then only the tags Ink itself makes survive, rebuilt
/// with the few attributes they need.
///
/// Ink passes raw HTML through untouched (`<script>` in a body would run) and writes link and image
/// targets into attributes without escaping them (`[x](a" onclick="…)` adds an attribute). Raw HTML is
/// therefore turned into text by a modifier, and the whole output goes through `sanitize`: an allow-list
/// of tags, attributes rebuilt with `Escape.attribute`, link targets through `Escape.safeURL`, images
/// replaced by their description (a page that opens from `file://` fetches nothing), and tags balanced.
public enum MarkdownBody {
    /// Headings of a body sit under the page's own (h1 title, h2 sections): `#` becomes `h3`.
    public static func html(_ markdown: String, headingShift: Int = 2) -> String {
        if let html = plainProse(markdown) { return sanitize(html, headingShift: headingShift) }
        return ink(markdown, headingShift: headingShift)
    }

    static func ink(_ markdown: String, headingShift: Int) -> String {
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .html) { Escape.text(String($0.markdown)) })
        return sanitize(parser.html(from: markdown), headingShift: headingShift)
    }

    /// Ink's own output for a body that is plain prose, or nil when the body has anything Markdown gives
    /// a meaning to. Most bodies are paragraphs of prose, and Ink reads text a character (grapheme) at a
    /// time, which for Vietnamese costs about 0.3 ms per body: a site of 10,000 items spent most of its
    /// first run there. Plain prose here means: lines that begin with a letter, words parted by single
    /// spaces (none at a line's end), none of the characters Ink reads as syntax (backslash, backtick,
    /// `* _ ~ [ ] ! < > & | #`), no tab, control or format character, and no combining mark after a space
    /// or a line break. Ink makes of such a text one `<p>` per run of non-blank lines, its lines joined by
    /// a space; `MarkdownBodyTests` checks this against Ink on random texts, and anything else is Ink's.
    static func plainProse(_ markdown: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count + 32)
        var paragraph = false
        var breaks = 0  // line breaks since the last line's text; two or more make a blank line
        var previous: UInt32 = 0x0A
        for scalar in markdown.unicodeScalars {
            let v = scalar.value
            let letter: Bool
            if v < 0x80 {
                switch v {
                case 0x0A:
                    if previous == 0x20 { return nil }
                    breaks += 1
                    previous = v
                    continue
                case 0x20:
                    if previous == 0x0A || previous == 0x20 { return nil }
                    out.append(0x20)
                    previous = v
                    continue
                case 0x00..<0x20, 0x7F, 0x5C, 0x60, 0x2A, 0x5F, 0x7E, 0x5B, 0x5D, 0x21, 0x3C, 0x3E, 0x26, 0x7C, 0x23:
                    return nil  // controls (tab, carriage return), and \ ` * _ ~ [ ] ! < > & | #
                default:
                    letter = (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                }
            } else {
                // Beyond ASCII the character's category decides (only there: it costs a table lookup).
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter:
                    letter = true
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    if previous == 0x20 || previous == 0x0A { return nil }
                    letter = false
                case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate,
                    .privateUse, .unassigned:
                    return nil
                default:
                    letter = false
                }
            }
            if previous == 0x0A {
                guard letter else { return nil }
                if !paragraph {
                    out.append(contentsOf: "<p>".utf8)
                } else if breaks > 1 {
                    out.append(contentsOf: "</p><p>".utf8)
                } else {
                    out.append(0x20)
                }
                paragraph = true
                breaks = 0
            }
            UTF8.encode(scalar) { out.append($0) }
            previous = v
        }
        if previous == 0x20 { return nil }
        if paragraph { out.append(contentsOf: "</p>".utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    static let allowed: Set<String> = [
        "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead",
        "tbody", "tr", "th", "td", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    static let void: Set<String> = ["br", "hr", "img"]

    /// Keeps the allowed tags of `html` (rebuilt), escapes everything else as text.
    public static func sanitize(_ html: String, headingShift: Int = 0) -> String {
        let b = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        var open: [String] = []
        var i = 0
        func emit(_ s: String) { out.append(contentsOf: s.utf8) }
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "<"):
                guard let tag = Tag.parse(b, at: i) else {
                    emit("&lt;")
                    i += 1
                    continue
                }
                let raw = String(decoding: b[i..<tag.end], as: UTF8.self)
                i = tag.end
                var name = tag.name
                if name.count == 2, name.first == "h", let level = Int(name.dropFirst()) {
                    name = "h\(min(6, max(1, level + headingShift)))"
                }
                guard allowed.contains(name) else {
                    emit(Escape.text(raw))
                    continue
                }
                if tag.closing {
                    guard !void.contains(name), let at = open.lastIndex(of: name) else { continue }
                    for n in open[at...].reversed() { emit("</\(n)>") }
                    open.removeSubrange(at...)
                    continue
                }
                switch name {
                case "img":
                    emit(Escape.text(stripTags(decode(tag.attributes["alt"] ?? ""))))
                case "a":
                    if let href = tag.attributes["href"].map(decode), let safe = Escape.safeURL(href) {
                        emit("<a href=\"\(Escape.attribute(safe))\">")
                    } else {
                        emit("<a>")
                    }
                case "ol":
                    if let start = tag.attributes["start"], !start.isEmpty, start.utf8.count < 10,
                        start.allSatisfy(\.isASCII), Int(start) != nil
                    {
                        emit("<ol start=\"\(start)\">")
                    } else {
                        emit("<ol>")
                    }
                case "td", "th":
                    if let align = tag.attributes["align"], ["left", "center", "right"].contains(align) {
                        emit("<\(name) align=\"\(align)\">")
                    } else {
                        emit("<\(name)>")
                    }
                default:
                    emit("<\(name)>")
                }
                if !void.contains(name) { open.append(name) }
            case UInt8(ascii: ">"):
                emit("&gt;")
                i += 1
            case UInt8(ascii: "&"):
                // An entity Ink kept (`&amp;`, `&#7897;`) stays; a bare ampersand is escaped.
                var j = i + 1
                while j < b.count, j - i < 12, b[j] == UInt8(ascii: "#") || isAlnum(b[j]) { j += 1 }
                if j < b.count, j > i + 1, b[j] == UInt8(ascii: ";") {
                    out.append(contentsOf: b[i...j])
                    i = j + 1
                } else {
                    emit("&amp;")
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        for n in open.reversed() { emit("</\(n)>") }
        return String(decoding: out, as: UTF8.self)
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }

    /// One tag: `<name attr="v" …>` or `</name>`, up to its `>`.
    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [String: String]
        var end: Int

        static func parse(_ b: [UInt8], at start: Int) -> Tag? {
            var i = start + 1
            var closing = false
            if i < b.count, b[i] == UInt8(ascii: "/") {
                closing = true
                i += 1
            }
            let nameStart = i
            while i < b.count, isAlnum(b[i]) { i += 1 }
            guard i > nameStart, !(b[nameStart] >= 0x30 && b[nameStart] <= 0x39) else { return nil }
            let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
            while i < b.count {
                while i < b.count, isSpace(b[i]) || b[i] == UInt8(ascii: "/") { i += 1 }
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ">") {
                    return Tag(name: name, closing: closing, attributes: attributes, end: i + 1)
                }
                let keyStart = i
                while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">"),
                    b[i] != UInt8(ascii: "/")
                {
                    i += 1
                }
                let key = String(decoding: b[keyStart..<i], as: UTF8.self).lowercased()
                while i < b.count, isSpace(b[i]) { i += 1 }
                var value = ""
                if i < b.count, b[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < b.count, isSpace(b[i]) { i += 1 }
                    guard i < b.count else { return nil }
                    if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                        let quote = b[i]
                        let valueStart = i + 1
                        guard let close = b[valueStart...].firstIndex(of: quote) else { return nil }
                        value = String(decoding: b[valueStart..<close], as: UTF8.self)
                        i = close + 1
                    } else {
                        let valueStart = i
                        while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }
                        value = String(decoding: b[valueStart..<i], as: UTF8.self)
                    }
                }
                // The first of a repeated attribute counts, as in a browser.
                if !key.isEmpty, attributes[key] == nil { attributes[key] = value }
            }
            return nil
        }
    }

    /// Character references as a browser reads them in an attribute: the few Ink writes and numeric ones.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = s[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semi]
                var scalar: Unicode.Scalar?
                switch name {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                case "colon": scalar = ":"
                case "Tab", "NewLine": scalar = " "
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if name.hasPrefix("#") {
                        scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                    }
                }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }
}
