import ArgumentParser
import Foundation
import PlanKit

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: HelpText.string(
            Localized(
                en: "Record an item's progress: status, completion date, evidence, a dated result.",
                vi: "Ghi tiến độ của một nhiệm vụ: trạng thái, ngày hoàn thành, văn bản, kết quả theo kỳ.")),
        discussion: HelpText.string(
            Localized(
                en: """
                    Only the fields given change, each in place; the note becomes the last entry of the item's \
                    "Kết quả thực hiện" section. The file is written at once or not at all, and not at all when \
                    the rules would find a new error in it (exit status 1).
                    """,
                vi: """
                    Chỉ các trường được ghi thay đổi, ngay tại chỗ; ghi chú thành mục cuối của phần "Kết quả thực \
                    hiện". Tệp được ghi trọn vẹn hoặc không ghi, và không ghi nếu thay đổi gây ra lỗi mới (mã thoát 1).
                    """))
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(
        help: HelpText.help(
            Localized(
                en: "The item: its id (dvk-2021/1.a), its number (1.a) or its file.",
                vi: "Nhiệm vụ: mã (dvk-2021/1.a), số (1.a) hoặc tệp.")))
    var item: String

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "New status: planned, in-progress, done, blocked, stopped, cancelled.",
                vi: "Trạng thái mới: planned, in-progress, done, blocked, stopped, cancelled.")))
    var status: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Completion date (2024-06-10 or 10/6/2024).", vi: "Ngày hoàn thành (2024-06-10 hoặc 10/6/2024).")))
    var completed: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en:
                    "A document proving the result, e.g. \"Báo cáo số 12-BC/BTGTU ngày 10/6/2024\"; repeat for several.",
                vi: "Văn bản chứng minh kết quả, ví dụ \"Báo cáo số 12-BC/BTGTU ngày 10/6/2024\"; lặp lại nếu nhiều.")))
    var evidence: [String] = []

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(en: "Why the item is stopped or cancelled.", vi: "Lý do tạm dừng hoặc hủy bỏ.")))
    var reason: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(en: "The result of this period, in a sentence or two.", vi: "Kết quả thực hiện trong kỳ.")))
    var note: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Today's date, for the note's entry and the checks (default: today).",
                vi: "Ngày hôm nay, dùng cho ghi chú và khi kiểm tra (mặc định: hôm nay).")))
    var today: CivilDate?

    func run() throws {
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let language = options.language(try WorkspaceLoader.loadConfig(from: source))
        let day = today ?? .today()
        let update = ProgressUpdate(
            status: status, completed: completed, evidence: evidence, reason: reason, note: note, noteDate: day)
        guard !update.isEmpty else { throw ValidationError(Message(.progressNothing).render(language)) }
        let outcome = try ProgressRecorder.prepare(update, item: item, source: source, today: day)
        guard outcome.rejected.isEmpty else {
            Terminal.error(Message(.progressRefused, outcome.path).render(language))
            Terminal.error(
                TextReporter(language: language).lines(CheckResult(diagnostics: outcome.rejected, files: 1, items: 1)))
            throw ExitCode(1)
        }
        try AtomicFile.write(outcome.bytes, to: root + "/" + outcome.path)
        Terminal.write(Message(.progressWritten, outcome.path).render(language) + "\n")
    }
}
