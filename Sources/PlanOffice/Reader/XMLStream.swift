import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a part reader does with each event of a streaming parse. Names are local names (no prefix);
/// attributes are keyed by local name too, since Office parts use one namespace per vocabulary.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String])
    func end(_ name: String)
    func text(_ text: String)
}

/// Parses one XML part with `XMLParser` (libxml2's SAX interface), never building a tree. A part that
/// declares a DTD or entities is refused before parsing: Office never writes one, and entity
/// expansion is the classic way to make a small file take gigabytes.
enum XMLStream {
    static func parse(
        _ bytes: [UInt8], part: String, path: String, into handler: XMLEventHandler
    ) throws(OfficeError) {
        try check(bytes, part: part, path: path)
        let adapter = Adapter(handler)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = adapter
        let parsed = parser.parse()
        if adapter.refused { throw .dtdRefused(path: path, part: part) }
        // On Linux `parse()` can return true after libxml2 reported an error and recovered.
        if !parsed || adapter.error != nil {
            let line = adapter.error?.line ?? parser.lineNumber
            throw .damaged(path: path, part: part, reason: "not well-formed XML at line \(line)")
        }
    }

    /// Refuses a DTD or an entity declaration anywhere, and XML in any encoding but UTF-8 (in UTF-16 a
    /// declaration could not be found by bytes).
    static func check(_ b: [UInt8], part: String, path: String) throws(OfficeError) {
        if b.starts(with: [0xFE, 0xFF]) || b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0x00])
            || (b.count > 1 && b[1] == 0)
        {
            throw .damaged(path: path, part: part, reason: "not UTF-8")
        }
        // A declared encoding other than UTF-8 goes to libxml2's converters, where some damaged
        // declarations ("UTF7" and a control character) crash it.
        if !isUTF8(declared: declaredEncoding(b)) {
            throw .damaged(path: path, part: part, reason: "not UTF-8")
        }
        let doctype = Array("<!DOCTYPE".utf8)
        let entity = Array("<!ENTITY".utf8)
        var i = 0
        let n = b.count
        while i + 1 < n {
            if b[i] == 0x3C, b[i + 1] == 0x21 {  // "<!"
                if i + doctype.count <= n,
                    b[i..<(i + doctype.count)].elementsEqual(doctype)
                        || (i + entity.count <= n && b[i..<(i + entity.count)].elementsEqual(entity))
                {
                    throw .dtdRefused(path: path, part: part)
                }
            }
            i += 1
        }
    }

    /// Whether a declared encoding (nil: none declared) is UTF-8, as libxml2 names it either way.
    static func isUTF8(declared encoding: String?) -> Bool {
        encoding.map { ["utf-8", "utf8"].contains($0.lowercased()) } ?? true
    }

    /// The `encoding` of the XML declaration that opens the part, if it names one; "" for a declaration
    /// whose encoding cannot be read.
    static func declaredEncoding(_ b: [UInt8]) -> String? {
        var start = 0
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard b[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        let end = (start..<min(b.count, start + 512)).first { b[$0] == 0x3E } ?? min(b.count, start + 512)  // ">"
        let declaration = String(decoding: b[start..<end], as: UTF8.self)
        guard let r = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return "" }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.count == rest.count - 1 ? "" : String(value)
    }

    private final class Adapter: NSObject, XMLParserDelegate {
        let handler: XMLEventHandler
        var refused = false
        var error: (line: Int, code: Int)?

        init(_ handler: XMLEventHandler) { self.handler = handler }

        static func local(_ name: String) -> String {
            guard let colon = name.firstIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            var attributes: [String: String] = [:]
            for (k, v) in attributeDict { attributes[Adapter.local(k)] = v }
            handler.start(Adapter.local(elementName), attributes)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            handler.end(Adapter.local(elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handler.text(string) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            handler.text(String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = (parser.lineNumber, (parseError as NSError).code) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            refused = true
            parser.abortParsing()
        }

        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
            systemID: String?
        ) {
            refused = true
            parser.abortParsing()
        }
    }
}
