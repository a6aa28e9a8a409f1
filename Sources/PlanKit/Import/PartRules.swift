/// What a part of a plan is for, from its title: the rules that decide which parts hold items start
/// here. Purpose, requirements, targets, funding and reporting never hold items; "Phân công nhiệm vụ",
/// "Nhiệm vụ cụ thể", "Tổ chức thực hiện" list duties unit by unit; "Nhiệm vụ", "Nội dung", "Giải
/// pháp" give tasks.
enum PartKind: Equatable, Sendable {
    case duties
    /// "Tổ chức thực hiện": duties by unit that count only when no other part assigns work.
    case closing
    case tasks
    case appendix
    case excluded(String)
    case other

    static func of(title: String, appendix: Bool) -> PartKind {
        if appendix { return .appendix }
        let key = VietnameseText.stripDiacritics(title.lowercased())
        // Who competes for what and how they are rewarded: criteria, not tasks, whatever else the title says.
        for k in ["thi dua", "khen thuong", "doi tuong"] where key.contains(k) && !key.contains("to chuc thuc hien") {
            return .excluded(k == "doi tuong" ? "scope" : "emulation")
        }
        for k in ["phan cong", "nhiem vu cu the", "trach nhiem"] where key.contains(k) {
            return .duties
        }
        if key.contains("to chuc thuc hien") { return .closing }
        for k in ["nhiem vu", "noi dung", "giai phap", "hoat dong", "du an", "cong viec", "chuong trinh"]
        where key.contains(k) {
            return .tasks
        }
        let excluded: [(String, String)] = [
            ("muc dich", "purpose"), ("yeu cau", "requirements"), ("muc tieu", "targets"), ("chi tieu", "targets"),
            ("kinh phi", "funding"), ("nguon", "funding"), ("bao cao", "reporting"), ("khen thuong", "emulation"),
            ("thi dua", "emulation"), ("quan diem", "principles"), ("can cu", "legal basis"), ("pham vi", "scope"),
            ("doi tuong", "scope"), ("thoi gian", "time"), ("tinh hinh", "situation"), ("thuc trang", "situation"),
            ("hieu luc", "entry into force"), ("dieu khoan", "entry into force"),
        ]
        for (k, why) in excluded where key.contains(k) { return .excluded(why) }
        return .other
    }

    /// The rank a part's items have when they come from unit duties or fields: a task section ranks
    /// above the duties listed unit by unit.
    var fieldRank: Int {
        switch self {
        case .duties: 3
        case .closing: 4
        default: 2
        }
    }

    /// Whether the part lists duties by unit ("Phân công nhiệm vụ", "Tổ chức thực hiện").
    var isDuties: Bool { self == .duties || self == .closing }
}

/// What the user can pass to `plan import` to change the guess.
public struct ImportOptions: Sendable, Equatable {
    /// Import the lower-ranked parts' unit duties too, as sections of their own.
    public var standingDuties: Bool
    /// The parts to take items from, by numeral ("IV", "PL") or by a word of their title; empty: guess.
    public var sections: [String]

    public init(standingDuties: Bool = false, sections: [String] = []) {
        self.standingDuties = standingDuties
        self.sections = sections
    }
}
