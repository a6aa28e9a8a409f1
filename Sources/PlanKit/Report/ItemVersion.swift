/// One version of an item as the history sees it: its fields and its body, without positions. Built
/// from a blob once and cached by blob id.
public struct ItemVersion: Sendable, Hashable {
    public let path: String
    public let fields: JSONValue
    public let body: String
    /// False when the file could not be read as a document; its text is still compared line by line.
    public let parsed: Bool

    public init(path: String, fields: JSONValue, body: String, parsed: Bool = true) {
        self.path = path
        self.fields = fields
        self.body = body
        self.parsed = parsed
    }

    /// Reads a blob's bytes. Never fails: an unreadable file is a version with its text as the body.
    public init(path: String, bytes: [UInt8], limits: Limits = .default) {
        switch DocumentParser.parse(path: path, bytes: bytes, limits: limits) {
        case .success(let doc):
            self.init(path: path, fields: doc.frontMatter?.json ?? [:], body: doc.body)
        case .failure:
            self.init(
                path: path, fields: [:], body: String(decoding: bytes.prefix(limits.maxFileBytes), as: UTF8.self),
                parsed: false)
        }
    }

    public var id: String? { fields["id"]?.stringValue }

    /// The same content at another path.
    public func at(_ path: String) -> ItemVersion {
        ItemVersion(path: path, fields: fields, body: body, parsed: parsed)
    }
}
