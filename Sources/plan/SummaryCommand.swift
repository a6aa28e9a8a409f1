import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: HelpText.string(
            Localized(
                en: "What a commit changes in the plan, one line per item (in the words of plan report).",
                vi: "Một commit thay đổi gì trong kế hoạch, mỗi nhiệm vụ một dòng (theo cách nói của plan report).")),
        discussion: HelpText.string(
            Localized(
                en: """
                    With --message-file (as the prepare-commit-msg hook runs it) the lines are written into the \
                    commit message, after what the user wrote; on any problem the message is left as it was and a \
                    warning is printed, and the commit goes on.
                    """,
                vi: """
                    Với --message-file (như hook prepare-commit-msg gọi), các dòng được ghi vào nội dung commit, sau \
                    phần người dùng đã viết; gặp bất kỳ trục trặc nào thì nội dung được giữ nguyên, một cảnh báo được in \
                    ra và commit vẫn tiếp tục.
                    """))
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The changes in git's index (what the next commit will hold) against HEAD.",
                vi: "Các thay đổi trong vùng chuẩn bị của git (những gì commit tới sẽ có) so với HEAD.")))
    var staged = false

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The changes of one commit against its first parent.",
                vi: "Các thay đổi của một commit so với commit cha thứ nhất.")))
    var rev: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The commit message file to write the summary into (prepare-commit-msg's first argument).",
                vi: "Tệp nội dung commit để ghi bản tóm tắt vào (tham số thứ nhất của prepare-commit-msg).")))
    var messageFile: String?

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Where the message comes from (prepare-commit-msg's second argument).",
                vi: "Nguồn của nội dung commit (tham số thứ hai của prepare-commit-msg).")))
    var source: String = ""

    @Option(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "The commit the message comes from (prepare-commit-msg's third argument).",
                vi: "Commit mà nội dung được lấy từ đó (tham số thứ ba của prepare-commit-msg).")))
    var commit: String?

    func validate() throws {
        guard staged != (rev != nil) else {
            throw ValidationError(
                HelpText.string(
                    Localized(en: "give one of --staged or --rev", vi: "cần đúng một trong hai: --staged hoặc --rev")))
        }
        if messageFile != nil && !staged {
            throw ValidationError(
                HelpText.string(
                    Localized(en: "--message-file goes with --staged", vi: "--message-file chỉ dùng cùng --staged")))
        }
    }

    func run() throws {
        if let messageFile {
            // A hook must never stop a commit: whatever happens, the message stays usable.
            do {
                try writeIntoMessage(messageFile)
            } catch {
                let reason = (error as? PlanError)?.render(Terminal.fallbackLanguage) ?? "\(error)"
                Terminal.error(Message(.summaryFailed, reason).render(Terminal.fallbackLanguage))
            }
            return
        }
        let workspace = try RepoWorkspace.locate(
            from: FileManager.default.currentDirectoryPath, workspace: options.workspace)
        let result = staged ? try StagedSummary.staged(workspace) : try StagedSummary.revision(workspace, rev!)
        let language = options.language(result.config)
        for change in result.changes { Terminal.write(ChangeText.line(change, language) + "\n") }
    }

    private func writeIntoMessage(_ path: String) throws {
        if source == "merge" || source == "squash" { return }
        let workspace = try RepoWorkspace.locate(
            from: FileManager.default.currentDirectoryPath, workspace: options.workspace)
        let repo = try workspace.open()
        // `git commit --amend` gives the commit being replaced, HEAD; -c/-C give another commit.
        var amending = false
        if source == "commit", let commit, let head = try repo.head() {
            amending = (try? repo.resolve(commit)) == head
        }
        let result = try StagedSummary.staged(workspace, amending: amending)
        guard !result.changes.isEmpty, result.config.commitSummary != .off else { return }
        let language = options.language(result.config)
        guard let data = FileManager.default.contents(atPath: path),
            let original = String(data: data, encoding: .utf8)
        else { return }
        let commentChar =
            (try? repo.config("core.commentChar")).flatMap { $0?.first }.flatMap { $0 == "a" ? nil : $0 } ?? "#"
        let updated = CommitMessage.insert(
            into: original, lines: result.changes.map { ChangeText.line($0, language) },
            subject: CommitMessage.subject(plans: result.planIDs, count: result.changes.count, language),
            language: language, mode: result.config.commitSummary == .comment ? .comment : .append,
            commentChar: commentChar, commentsAreStripped: source != "message")
        guard updated != original else { return }
        try AtomicFile.write(updated, to: path)
    }
}
