/// A relationships part: `_rels/.rels` (the package's) or `word/_rels/document.xml.rels` (the document's).
struct RelationshipsPart: PackagePart {
    struct Relationship {
        let id: String
        let type: String
        let target: String
    }

    let path: String
    let relationships: [Relationship]
    let contentType = "application/vnd.openxmlformats-package.relationships+xml"

    static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    var xml: String {
        var out = XML.declaration
        out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for r in relationships {
            out += #"<Relationship Id="\#(r.id)" Type="\#(Self.base + r.type)" Target="\#(XML.escape(r.target))"/>"#
        }
        return out + "</Relationships>"
    }
}
