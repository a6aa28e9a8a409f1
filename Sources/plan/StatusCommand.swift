import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

enum StatusOutput: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: HelpText.string(HelpText.statusAbstract)
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: HelpText.help(HelpText.at))
    var at: String?

    @Option(name: .long, help: HelpText.help(HelpText.today))
    var today: CivilDate?

    @Option(name: .long, help: HelpText.help(HelpText.reportFormat))
    var format: StatusOutput = .markdown

    func run() throws {
        let snapshot: Snapshot
        if let at {
            let workspace = try RepoWorkspace.locate(
                from: FileManager.default.currentDirectoryPath, workspace: options.workspace)
            let repo = try workspace.open()
            let commit = try repo.commit(try repo.resolve(at))
            snapshot = try WorkspaceLoader.load(
                from: GitFileSource.tree(commit.tree, label: commit.id.short, workspace, repository: repo))
        } else {
            snapshot = try WorkspaceLoader.load(from: DirectoryFileSource(root: options.root()))
        }
        let status = PlanStatus(snapshot: snapshot, today: today ?? .today())
        let language = options.language(snapshot.config)
        Terminal.write(format == .json ? status.json() : status.markdown(language))
    }
}
