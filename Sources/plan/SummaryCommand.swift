import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "What a commit changes in the plan, one line per item (in the words of plan report).",
        discussion: """
            Tóm tắt thay đổi của một commit: mỗi nhiệm vụ một dòng.

            With --message-file (as the prepare-commit-msg hook runs it) the lines are written into the \
            commit message, after what the user wrote; on any problem the message is left as it was and a \
            warning is printed, and the commit goes on.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(name: .long, help: "The changes in git's index (what the next commit will hold) against HEAD.")
    var staged = false

    @Option(name: .long, help: "The changes of one commit against its first parent.")
    var rev: String?

    @Option(
        name: .long, help: "The commit message file to write the summary into (prepare-commit-msg's first argument).")
    var messageFile: String?

    @Option(name: .long, help: "Where the message comes from (prepare-commit-msg's second argument).")
    var source: String = ""

    @Option(name: .long, help: "The commit the message comes from (prepare-commit-msg's third argument).")
    var commit: String?

    func validate() throws {
        guard staged != (rev != nil) else { throw ValidationError("give one of --staged or --rev") }
        if messageFile != nil && !staged { throw ValidationError("--message-file goes with --staged") }
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
        let workspace = try Repo.locate(FileManager.default.currentDirectoryPath, options.workspace)
        do {
            let result = staged ? try StagedSummary.staged(workspace) : try StagedSummary.revision(workspace, rev!)
            let language = options.language(result.config)
            for change in result.changes { Terminal.write(ChangeText.line(change, language) + "\n") }
        } catch let error as GitError {
            throw PlanError.other(Message(.gitError, error.description))
        }
    }

    private func writeIntoMessage(_ path: String) throws {
        if source == "merge" || source == "squash" { return }
        let workspace = try Repo.locate(FileManager.default.currentDirectoryPath, options.workspace)
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
