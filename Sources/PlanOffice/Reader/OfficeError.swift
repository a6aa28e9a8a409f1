import PlanKit

/// Why a Word or OpenDocument file could not be read. Every case names the file as the user gave it,
/// and says what to do where there is something to do.
public enum OfficeError: Error, Sendable, Equatable {
    /// An old binary Word document (OLE2 container without encryption).
    case legacyDoc(path: String)
    /// A password-protected document: an OLE2 container holding `EncryptionInfo`, or a zip whose entries
    /// are marked encrypted.
    case encrypted(path: String)
    /// Named like a Word or OpenDocument file, or a zip, but not one.
    case notADocument(path: String)
    /// A zip package past one of the limits: entry count, total or single-entry size, compression ratio.
    case tooLarge(path: String, what: String)
    /// An entry name with `..`, an absolute path or a backslash.
    case unsafeEntry(path: String, entry: String)
    /// An XML part that declares a DTD or entities.
    case dtdRefused(path: String, part: String)
    /// A part that is not well-formed XML, a zip that cannot be read.
    case damaged(path: String, part: String, reason: String)

    public func render(_ language: Language) -> String {
        let (template, args): (Localized, [String]) =
            switch self {
            case .legacyDoc(let p):
                (
                    Localized(
                        en: "{0} is an old Word document (.doc): open it in Word or LibreOffice and save it as .docx",
                        vi: "{0} là tệp Word cũ (.doc): mở bằng Word hoặc LibreOffice rồi lưu lại dưới dạng .docx"),
                    [p]
                )
            case .encrypted(let p):
                (
                    Localized(
                        en: "{0} is protected by a password: save a copy without the password and import that",
                        vi: "{0} được bảo vệ bằng mật khẩu: lưu một bản không có mật khẩu rồi nhập bản đó"),
                    [p]
                )
            case .notADocument(let p):
                (
                    Localized(
                        en: "{0} is not a Word (.docx) or OpenDocument (.odt) text document",
                        vi: "{0} không phải văn bản Word (.docx) hoặc OpenDocument (.odt)"),
                    [p]
                )
            case .tooLarge(let p, let what):
                (
                    Localized(
                        en: "{0} is refused: {1} (a plan document is far smaller; is it a zip bomb?)",
                        vi: "{0} bị từ chối: {1} (văn bản kế hoạch nhỏ hơn nhiều; có phải tệp nén độc hại?)"),
                    [p, what]
                )
            case .unsafeEntry(let p, let entry):
                (
                    Localized(
                        en: "{0} is refused: it holds an entry named {1}, outside the package",
                        vi: "{0} bị từ chối: tệp chứa mục {1} nằm ngoài gói"),
                    [p, Catalogue.quote(entry)]
                )
            case .dtdRefused(let p, let part):
                (
                    Localized(
                        en: "{0} is refused: its part {1} declares a DTD or entities, which Word never writes",
                        vi: "{0} bị từ chối: phần {1} khai báo DTD hoặc thực thể, điều Word không bao giờ ghi"),
                    [p, part]
                )
            case .damaged(let p, let part, let reason):
                (
                    Localized(
                        en: "{0} is damaged ({1}: {2}): open it in Word or LibreOffice and save it again",
                        vi: "{0} bị hỏng ({1}: {2}): mở bằng Word hoặc LibreOffice rồi lưu lại"),
                    [p, part, reason]
                )
            }
        var out = template[language]
        for (i, a) in args.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: a) }
        return out
    }
}

/// Something the import summary can print about how the document was read.
public struct OfficeNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Letters typed in the text follow the Vietnamese alphabet (đ after d), while Word's automatic
        /// letters do not (a, b, c, d, e): the two may disagree about an item's letter.
        case vietnameseLetters(typed: Int)
    }

    /// The line of the rendered text where it was first seen (1-based).
    public var line: Int
    public var kind: Kind

    public func render(_ language: Language) -> String {
        switch kind {
        case .vietnameseLetters(let typed):
            let l = Localized(
                en:
                    "line {0}: typed letters follow Vietnamese order (đ after d; {1} in all); Word's automatic letters go a, b, c, d, e",
                vi:
                    "dòng {0}: chữ cái gõ tay theo thứ tự tiếng Việt (đ sau d; tất cả {1}); chữ cái tự động của Word là a, b, c, d, e"
            )
            return l[language].replacingOccurrences(of: "{0}", with: String(line))
                .replacingOccurrences(of: "{1}", with: String(typed))
        }
    }
}
