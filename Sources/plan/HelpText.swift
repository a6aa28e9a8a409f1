import ArgumentParser
import Foundation
import PlanKit

/// The help of the commands people read most (check, rules, report, status) in the reader's language:
/// `--lang`, else the workspace's locale, else the environment's. Each text has both languages.
enum HelpText {
    /// Decided once, before the arguments are parsed.
    static let language: Language = {
        if let flag = LanguageFlag.value { return flag }
        // The workspace's locale is read only when help is asked for: every run builds the help texts.
        let args = CommandLine.arguments
        let asksForHelp = args.contains { $0 == "--help" || $0 == "-h" || $0 == "help" }
        let workspace =
            asksForHelp
            ? (try? WorkspaceLocator.find(from: FileManager.default.currentDirectoryPath))
                .flatMap { try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: $0)) }?.locale : nil
        return Language.resolve(flag: nil, workspace: workspace)
    }()

    static func help(_ text: Localized) -> ArgumentHelp { ArgumentHelp(text[language]) }
    static func string(_ text: Localized) -> String { text[language] }

    static let workspace = Localized(
        en: "The workspace folder (default: the nearest folder with a plan.yaml, from here up).",
        vi: "Thư mục kế hoạch (mặc định: thư mục gần nhất có plan.yaml, tính từ đây trở lên).")
    static let lang = Localized(
        en: "Language of messages: vi or en (default: plan.yaml's locale, then the environment's).",
        vi: "Ngôn ngữ: vi hoặc en (mặc định: locale trong plan.yaml, rồi đến ngôn ngữ của máy).")
    static let checkAbstract = Localized(
        en: "Check plan items: units, timeframes, required fields, schema.",
        vi: "Kiểm tra các nhiệm vụ: đơn vị, thời gian, trường bắt buộc, lược đồ.")
    static let checkDiscussion = Localized(
        en: """
            Without a git option it checks the files on disk. --staged checks what the next commit will hold \
            (git's index, not the working files); --rev one commit's tree; --range every commit of a range \
            (a pre-receive hook's or a CI job's check). For a change, the files it adds or modifies are checked \
            in full, and findings across files are those the change causes.

            Exit status: 0 clean (warnings allowed unless --strict), 1 errors found, 2 could not run.
            """,
        vi: """
            Không có tùy chọn git: kiểm tra các tệp trên đĩa. --staged kiểm tra đúng những gì sắp được commit \
            (vùng chuẩn bị của git, không phải tệp đang sửa); --rev kiểm tra cây của một commit; --range kiểm tra \
            từng commit trong một khoảng (dùng trong hook pre-receive hoặc CI). Với một thay đổi, các tệp được \
            thêm hoặc sửa được kiểm tra đầy đủ, còn các lỗi liên quan nhiều tệp chỉ báo những lỗi do thay đổi gây ra.

            Mã thoát: 0 không có lỗi (cảnh báo vẫn được, trừ khi dùng --strict), 1 có lỗi, 2 không chạy được.
            """)
    static let format = Localized(
        en: "Output format: text, json, sarif, github.", vi: "Dạng kết quả: text, json, sarif, github.")
    static let today = Localized(
        en: "The date to judge deadlines by (YYYY-MM-DD; default: today).",
        vi: "Ngày dùng để xét quá hạn (YYYY-MM-DD; mặc định: hôm nay).")
    static let strict = Localized(
        en: "Exit with status 1 on warnings too.", vi: "Trả mã thoát 1 cả khi chỉ có cảnh báo.")
    static let staged = Localized(
        en: "Check git's index: exactly what will be committed.",
        vi: "Kiểm tra vùng chuẩn bị của git: đúng những gì sắp được commit.")
    static let rev = Localized(
        en: "Check the tree of one commit (a hash, branch, tag, HEAD~2…).",
        vi: "Kiểm tra cây của một commit (mã băm, nhánh, thẻ, HEAD~2…).")
    static let range = Localized(
        en: "Check every commit of A..B (an A of forty zeros: every commit not on any branch yet).",
        vi: "Kiểm tra từng commit trong A..B (A là bốn mươi số 0: mọi commit chưa thuộc nhánh nào).")
    static let fix = Localized(
        en: "Apply the fixes that are certain (registered unit names, NFC, a repeated phrase) to the files.",
        vi: "Tự sửa những chỗ chắc chắn (tên đơn vị theo danh mục, dạng NFC, cụm từ bị lặp) trong các tệp.")
    static let dryRun = Localized(
        en: "With --fix: print the changes as a diff instead of writing them.",
        vi: "Dùng với --fix: in ra các thay đổi dạng diff thay vì ghi vào tệp.")
    static let baseline = Localized(
        en: "Report only findings that are not in this baseline file.",
        vi: "Chỉ báo những phát hiện chưa có trong tệp mốc này.")
    static let writeBaseline = Localized(
        en: "Record today's findings in this file (for --baseline) and exit.",
        vi: "Ghi các phát hiện hiện tại vào tệp này (để dùng với --baseline) rồi thoát.")
    static let paths = Localized(
        en: "Only report these files (all rules still see the whole workspace).",
        vi: "Chỉ báo cho các tệp này (các quy tắc vẫn xét toàn bộ thư mục kế hoạch).")
    static let rulesAbstract = Localized(
        en: "List the rules with their default severity and summary.",
        vi: "Liệt kê các quy tắc kiểm tra, mức mặc định và mô tả.")
    static let markdown = Localized(
        en: "Print a Markdown table (the README's rule table is made with it).",
        vi: "In bảng Markdown (bảng quy tắc trong README được tạo bằng lệnh này).")
    static let reportAbstract = Localized(
        en: "What changed in which item, commit by commit, from git history.",
        vi: "Báo cáo thay đổi: từng commit đã sửa gì trong nhiệm vụ nào, đọc từ lịch sử git.")
    static let reportDiscussion = Localized(
        en: """
            Newest first; merge commits are compared with their first parent; commits that touch no item are \
            left out. --period 2022-H1 (or 2022, 2022-Q3) gives the summary for a reporting period instead: per \
            lead unit, its items and their status at the period's end, what changed during it, what is overdue.
            """,
        vi: """
            Mới nhất ở trên; commit gộp được so với cha thứ nhất; commit không động đến nhiệm vụ nào được bỏ qua. \
            --period 2022-H1 (hoặc 2022, 2022-Q3) cho bản tổng hợp của một kỳ báo cáo: theo từng đơn vị chủ trì, \
            các nhiệm vụ và trạng thái cuối kỳ, các thay đổi trong kỳ, các nhiệm vụ quá hạn.
            """)
    static let range_ = Localized(
        en: "A..B, or one revision (default: all of HEAD's history).",
        vi: "A..B, hoặc một commit (mặc định: toàn bộ lịch sử của HEAD).")
    static let since = Localized(
        en: "Only commits on or after this date (YYYY-MM-DD).", vi: "Chỉ các commit từ ngày này (YYYY-MM-DD).")
    static let until = Localized(
        en: "Only commits on or before this date (YYYY-MM-DD).", vi: "Chỉ các commit đến hết ngày này (YYYY-MM-DD).")
    static let by = Localized(
        en: "Group by commit, unit or item.", vi: "Nhóm theo commit, đơn vị (unit) hoặc nhiệm vụ (item).")
    static let firstParent = Localized(
        en: "Follow only the first parent of merges.", vi: "Chỉ đi theo cha thứ nhất của commit gộp.")
    static let reverse = Localized(en: "Oldest first.", vi: "Cũ nhất ở trên.")
    static let reportFormat = Localized(en: "Output format: markdown or json.", vi: "Dạng kết quả: markdown hoặc json.")
    static let maxCount = Localized(
        en: "Only the N newest commits that changed items (the N oldest with --reverse).",
        vi: "Chỉ N commit mới nhất có thay đổi nhiệm vụ (N commit cũ nhất với --reverse).")
    static let period = Localized(
        en: "A reporting period: 2022-H1, 2022-Q3 or 2022.", vi: "Kỳ báo cáo: 2022-H1, 2022-Q3 hoặc 2022.")
    static let office = Localized(
        en:
            "With --period: the report an office sends (results, shortcomings, next period, annex), not the changelog summary.",
        vi:
            "Cùng --period: báo cáo gửi đi của cơ quan (kết quả, hạn chế, nhiệm vụ kỳ tới, phụ lục), thay cho bản tổng hợp thay đổi."
    )
    static let reportPlan = Localized(
        en: "The plan the report is about (default: the only plan).",
        vi: "Kế hoạch được báo cáo (mặc định: kế hoạch duy nhất).")
    static let reportNumber = Localized(
        en: "The report's number (Số), left blank without it.", vi: "Số của báo cáo; để trống nếu không ghi.")
    static let output = Localized(
        en: "Write to this file instead of standard output (required for docx).",
        vi: "Ghi ra tệp này thay vì màn hình (bắt buộc với docx).")
    static let periodToday = Localized(
        en:
            "The date overdue items are judged by in a period summary (default: today, or the period's end if earlier).",
        vi: "Ngày dùng để xét quá hạn trong bản tổng hợp kỳ (mặc định: hôm nay, hoặc cuối kỳ nếu sớm hơn).")
    static let statusAbstract = Localized(
        en: "Items by lead unit and status, overdue items, deadlines soon, next report dates.",
        vi: "Tình hình thực hiện: nhiệm vụ theo đơn vị chủ trì và trạng thái, quá hạn, sắp đến hạn, các kỳ báo cáo.")
    static let at = Localized(
        en: "The plan as a commit left it (a hash, branch, tag…) instead of the files on disk.",
        vi: "Kế hoạch tại một commit (mã băm, nhánh, thẻ…) thay vì các tệp trên đĩa.")
}
