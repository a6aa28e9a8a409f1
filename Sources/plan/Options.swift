import ArgumentParser
import Foundation
import PlanKit

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// Where the workspace is and which language to speak.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: HelpText.help(HelpText.workspace))
    var workspace: String?

    @Option(name: .long, help: HelpText.help(HelpText.lang))
    var lang: Language?

    /// The workspace root on disk.
    func root() throws(PlanError) -> String {
        if let workspace {
            let path = URL(fileURLWithPath: workspace).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path + "/" + WorkspaceConfig.fileName) else {
                throw PlanError.notAWorkspace(workspace)
            }
            return path
        }
        return try WorkspaceLocator.find(from: FileManager.default.currentDirectoryPath)
    }

    func language(_ config: WorkspaceConfig?) -> Language {
        Language.resolve(flag: lang, workspace: config?.locale)
    }
}

extension ReportPeriod: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
