import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

@main
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: HelpText.string(
            Localized(
                en: "A git-backed plain-text workspace for implementation plans.",
                vi: "Kế hoạch triển khai dạng văn bản, lưu trong git.")),
        discussion: HelpText.string(
            Localized(
                en: "Implementation plans kept as Markdown files in git: check, report, import.",
                vi: "Kế hoạch triển khai lưu dưới dạng tệp Markdown trong git: kiểm tra, báo cáo, nhập văn bản.")),
        version: "0.1.0",
        subcommands: [
            InitCommand.self, NewCommand.self, ListCommand.self, CheckCommand.self, RulesCommand.self,
            ReportCommand.self,
            StatusCommand.self, ProgressCommand.self, SummaryCommand.self, ChangelogCommand.self, ImportCommand.self,
            UnitsCommand.self, SchemaCommand.self, HookCommand.self, LSPCommand.self, SiteCommand.self,
            HistoryHelperCommand.self,
        ]
    )

    /// Exit codes: 0 clean, 1 error findings, 2 could not run (usage, configuration, not a workspace).
    static func main() {
        Timing.reportPeakAtExit()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PlanError {
            Terminal.error(error.render(Terminal.fallbackLanguage))
            Foundation.exit(2)
        } catch let error as GitError {
            Terminal.error(PlanError(error).render(Terminal.fallbackLanguage))
            Foundation.exit(2)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? 2 : (code.rawValue == 1 ? 2 : code.rawValue))
        }
    }
}
