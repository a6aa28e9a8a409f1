import PlanKit

/// The one entry point `plan import` needs: a file's bytes, and the plain text of the document when it
/// is a Word or OpenDocument package. Detection is by content (zip magic and the package's table of
/// contents, OLE2 magic), so a renamed file is read for what it is; the extension only decides whether
/// a file that is not a package is an error.
public enum OfficeImport {
    public struct Result: Sendable, Equatable {
        public var document: OfficeDocument
        public var text: String
        public var notes: [OfficeNote]
    }

    /// nil when the bytes are neither a zip nor an OLE2 file and the name does not claim a word-processing
    /// format: the caller reads them as text.
    public static func read(_ bytes: [UInt8], path: String) throws(OfficeError) -> Result? {
        let document: OfficeDocument
        switch OfficeSniffer.kind(of: bytes) {
        case .ole2:
            if OfficeSniffer.isEncryptedOLE2(bytes) { throw .encrypted(path: path) }
            throw .legacyDoc(path: path)
        case .other:
            if claimsOffice(path) || bytes.starts(with: Array("{\\rtf".utf8)) { throw .notADocument(path: path) }
            return nil
        case .zip:
            document = try readPackage(bytes, path: path)
        }
        let rendered = OfficeText.render(document)
        return Result(document: document, text: rendered.text, notes: rendered.notes)
    }

    /// Reads a .docx or an .odt package, told apart by `[Content_Types].xml` and `mimetype`.
    public static func readPackage(_ bytes: [UInt8], path: String) throws(OfficeError) -> OfficeDocument {
        var package = try OfficePackage(bytes: bytes, path: path)
        if package.contains("[Content_Types].xml") {
            return try WordDocumentReader().read(&package)
        }
        if let mime = try package.read("mimetype"),
            String(decoding: mime, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.text")
        {
            return try OpenDocumentReader().read(&package)
        }
        throw .notADocument(path: path)
    }

    static func claimsOffice(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".docx", ".docm", ".dotx", ".odt", ".doc", ".fodt", ".rtf"].contains { lower.hasSuffix($0) }
    }

    /// The notes for the import summary, one per line after a blank line; empty when there are none.
    public static func notesText(_ notes: [OfficeNote], _ language: Language) -> String {
        guard !notes.isEmpty else { return "" }
        let header = Localized(en: "read from the document:", vi: "khi đọc văn bản:")[language]
        return "\n" + header + "\n" + notes.map { "  " + $0.render(language) + "\n" }.joined()
    }
}
