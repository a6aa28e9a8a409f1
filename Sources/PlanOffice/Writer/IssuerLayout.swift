import PlanKit

/// Sizes and marks of the two issuer profiles, in half-points (WordprocessingML's unit for type size).
///
/// Party (Hướng dẫn 36-HD/VPTW, Phụ lục 3): "ĐẢNG CỘNG SẢN VIỆT NAM" capitals 15 bold with a rule under
/// it; the parent body capitals 14, the issuer capitals 14 bold, a "*" under it; "Số 12-BC/BTGTU" 14;
/// place and date 14 italic; the type "BÁO CÁO" capitals 16 bold, the subject 14 bold; body 14.
/// State (Nghị định 30/2020/NĐ-CP, Phụ lục I): Quốc hiệu capitals 12 bold; Tiêu ngữ 14 bold with a rule
/// under it; the issuer capitals 13 bold with a rule under it; "Số: 12/BC-UBND" 13; place and date 14
/// italic; body 14; "Nơi nhận:" 12 bold italic, the recipients 11.
struct IssuerLayout {
    let style: ReportIssuer.Style

    var headerSize: Int { style == .party ? 28 : 26 }
    var mottoTitleSize: Int { style == .party ? 30 : 24 }
    var bodySize: Int { 28 }
    var tableSize: Int { 24 }
    var kindSize: Int { 32 }
    var recipientsTitleSize: Int { style == .party ? 28 : 24 }
    var recipientsSize: Int { style == .party ? 24 : 22 }
    /// "T/M BAN THƯỜNG VỤ" (Party) or "TM. ỦY BAN NHÂN DÂN" (state) as written in the plan, else nothing.
    func authority(_ issuer: ReportIssuer) -> String { issuer.onBehalf.uppercased() }
}

/// Page geometry in twentieths of a point: A4, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
enum PageGeometry {
    static let a4Short = 11906
    static let a4Long = 16838
    static let top = 1134
    static let bottom = 1134
    static let left = 1701
    static let right = 850
    static let portraitText = a4Short - left - right
    static let landscapeText = a4Long - left - right
    /// First-line indent of body paragraphs: 1.27 cm.
    static let firstLine = 720
}
