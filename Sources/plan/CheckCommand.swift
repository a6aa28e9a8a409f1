import ArgumentParser
import Foundation
import PlanKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plan items: units, timeframes, required fields, schema.",
        discussion: """
            Kiểm tra các nhiệm vụ: đơn vị chủ trì, thời gian, trường bắt buộc, lược đồ.
            Exit status: 0 clean (warnings allowed unless --strict), 1 errors found, 2 could not run.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: "Output format: text, json, sarif, github.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "The date to judge deadlines by (YYYY-MM-DD; default: today).")
    var today: CivilDate?

    @Flag(name: .long, help: "Exit with status 1 on warnings too.")
    var strict = false

    @Argument(help: "Only report these files (all rules still see the whole workspace).")
    var paths: [String] = []

    func run() throws {
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let config = try WorkspaceLoader.loadConfig(from: source)
        let language = options.language(config)
        var checkOptions = CheckOptions(today: today ?? .today())
        if !paths.isEmpty { checkOptions.onlyPaths = Set(paths.map { relative($0, to: root) }) }
        let result = try Checker.check(source: source, options: checkOptions)
        let reporter: any Reporter = switch format {
        case .text: TextReporter(language: language, colour: Terminal.colourOnStdout)
        case .json: JSONReporter(language: language)
        case .sarif, .github: JSONReporter(language: language)
        }
        Terminal.write(reporter.report(result))
        if result.errors > 0 || (strict && result.warnings > 0) { throw ExitCode(1) }
    }

    /// A path as given on the command line, relative to the workspace root with `/` separators.
    private func relative(_ path: String, to root: String) -> String {
        let abs = URL(fileURLWithPath: path).standardizedFileURL.path
        return abs.hasPrefix(root + "/") ? String(abs.dropFirst(root.count + 1)) : path
    }
}
