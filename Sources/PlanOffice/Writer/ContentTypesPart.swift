/// `[Content_Types].xml`: the content type of every part.
struct ContentTypesPart {
    let parts: [any PackagePart]
    let path = "[Content_Types].xml"

    var xml: String {
        var out = XML.declaration
        out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        for p in parts {
            out += #"<Override PartName="/\#(p.path)" ContentType="\#(p.contentType)"/>"#
        }
        return out + "</Types>"
    }
}
