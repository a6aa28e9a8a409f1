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

/// `--lang vi` or `--lang=vi` as given on the command line, read before the arguments are parsed: for
/// the help texts, and for errors raised before the workspace (and its locale) is known.
enum LanguageFlag {
    static let value: Language? = {
        let args = CommandLine.arguments
        if let i = args.firstIndex(of: "--lang"), i + 1 < args.count { return Language(rawValue: args[i + 1]) }
        return args.last { $0.hasPrefix("--lang=") }.flatMap { Language(rawValue: String($0.dropFirst(7))) }
    }()
}
