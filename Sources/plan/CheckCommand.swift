import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: HelpText.string(HelpText.checkAbstract),
        discussion: HelpText.string(HelpText.checkDiscussion)
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: HelpText.help(HelpText.format))
    var format: ReportFormat = .text

    @Option(name: .long, help: HelpText.help(HelpText.today))
    var today: CivilDate?

    @Flag(name: .long, help: HelpText.help(HelpText.strict))
    var strict = false

    @Flag(name: .long, help: HelpText.help(HelpText.staged))
    var staged = false

    @Option(name: .long, help: HelpText.help(HelpText.rev))
    var rev: String?

    @Option(name: .long, help: HelpText.help(HelpText.range))
    var range: String?

    @Flag(name: .long, help: HelpText.help(HelpText.fix))
    var fix = false

    @Flag(name: .long, help: HelpText.help(HelpText.dryRun))
    var dryRun = false

    @Option(name: .long, help: HelpText.help(HelpText.baseline))
    var baseline: String?

    @Option(name: .long, help: HelpText.help(HelpText.writeBaseline))
    var writeBaseline: String?

    @Argument(help: HelpText.help(HelpText.paths))
    var paths: [String] = []

    func validate() throws {
        if [staged, rev != nil, range != nil].count(where: { $0 }) > 1 {
            throw ValidationError("--staged, --rev and --range go one at a time")
        }
        if fix && (staged || rev != nil || range != nil) {
            throw ValidationError("--fix changes files on disk; it does not go with --staged, --rev or --range")
        }
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
    }

    func run() throws {
        var checkOptions = CheckOptions(today: today ?? .today())
        if staged || rev != nil || range != nil {
            try runOnGit(checkOptions)
            return
        }
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let config = try WorkspaceLoader.loadConfig(from: source)
        let language = options.language(config)
        if !paths.isEmpty { checkOptions.load.scope = Set(paths.map { relative($0, to: root) }) }
        if fix {
            try Fixer(root: root, source: source, options: checkOptions, language: language, dryRun: dryRun).run()
            if dryRun { return }
        }
        let snapshot = try WorkspaceLoader.load(from: source, options: checkOptions.load)
        var result = Checker.check(snapshot, options: checkOptions)
        if let writeBaseline {
            let file = Baseline(result.diagnostics)
            try AtomicFile.write(file.json(), to: absolute(writeBaseline))
            Terminal.error(Message(.baselineWritten, writeBaseline, String(file.count)).render(language))
            return
        }
        result = try applyBaseline(result, language)
        Terminal.write(reporter(language).report(result))
        Timing.mark("written")
        // Exit with the snapshot still alive: freeing ten thousand parsed documents one by one only to
        // exit costs more than the output did.
        withExtendedLifetime(snapshot) { Terminal.finish(status: failed(result) ? 1 : 0) }
    }

    private func reporter(_ language: Language) -> any Reporter {
        switch format {
        case .text: TextReporter(language: language, colour: Terminal.colourOnStdout)
        case .json: JSONReporter(language: language)
        case .sarif: SARIFReporter(language: language, version: Plan.configuration.version)
        case .github: GitHubReporter(language: language)
        }
    }

    private func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
            .standardizedFileURL.path
    }

    /// Leaves out the findings of the baseline, and says how many.
    private func applyBaseline(_ result: CheckResult, _ language: Language) throws -> CheckResult {
        guard let baseline else { return result }
        guard let bytes = FileManager.default.contents(atPath: absolute(baseline)) else {
            throw PlanError.missingFile(baseline)
        }
        let known = try Baseline(path: baseline, bytes: Array(bytes))
        let kept = known.filter(result.diagnostics)
        if kept.count < result.diagnostics.count, format == .text {
            Terminal.error(Message(.baselineFiltered, String(result.diagnostics.count - kept.count)).render(language))
        }
        return CheckResult(
            diagnostics: kept, outsideScope: result.outsideScope, files: result.files, items: result.items)
    }

    private func failed(_ result: CheckResult) -> Bool {
        result.errors > 0 || (strict && result.warnings > 0)
    }

    private func runOnGit(_ checkOptions: CheckOptions) throws {
        let here = FileManager.default.currentDirectoryPath
        let workspace = try Repo.locate(here, options.workspace)
        let diskConfig = try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: try options.root()))
        let language = options.language(diskConfig)
        Timing.mark("git: repository opened")
        let facts = FactsCacheFile.load(path: workspace.cachePath)
        Timing.mark("git: facts cache loaded")
        let hadCache = !facts.isEmpty
        let findingsPath = workspace.cachePath.replacingOccurrences(of: "facts-cache", with: "findings-cache")
        let findings = FindingsCache.load(path: findingsPath)
        // A hook that parsed the few files of a commit does not rewrite a cache of ten thousand.
        func saveCaches() {
            if facts.addedCount >= 64 || (!hadCache && facts.isDirty) {
                try? FactsCacheFile.save(facts, path: workspace.cachePath)
            }
            if findings.isDirty { try? findings.save(path: findingsPath) }
        }
        defer { saveCaches() }
        let checker = ChangeChecker(workspace: workspace, options: checkOptions, facts: facts, findings: findings)
        do {
            if staged {
                let result = try applyBaseline(try checker.staged(), language)
                // A hook is quiet when all is well.
                if format != .text || !result.diagnostics.isEmpty { Terminal.write(reporter(language).report(result)) }
                if failed(result) { Terminal.error(Message(.hookBlocked).render(language)) }
                saveCaches()
                Timing.mark("written")
                // Exit without freeing what was loaded one object at a time (see `run`).
                withExtendedLifetime((checker, result)) { Terminal.finish(status: failed(result) ? 1 : 0) }
            } else if let rev {
                let (_, checked) = try checker.revision(rev)
                let result = try applyBaseline(checked, language)
                Terminal.write(reporter(language).report(result))
                if failed(result) { throw ExitCode(1) }
            } else if let range {
                try runRange(range, checker, language)
            }
        } catch let error as GitError {
            throw PlanError.other(Message(.gitError, error.description))
        }
    }

    /// Each commit with findings under its hash and subject, then a total.
    private func runRange(_ spec: String, _ checker: ChangeChecker, _ language: Language) throws {
        var commits = 0
        var errors = 0
        var warnings = 0
        var failedAny = false
        var json: [JSONValue] = []
        try checker.range(spec) { commit, result in
            commits += 1
            errors += result.errors
            warnings += result.warnings
            if failed(result) { failedAny = true }
            switch format {
            case .text:
                guard !result.diagnostics.isEmpty else { return }
                Terminal.write(Message(.rangeCommit, commit.id.short, commit.summary).render(language) + "\n")
                Terminal.write(TextReporter(language: language, colour: Terminal.colourOnStdout).lines(result))
            default:
                let one = JSONReporter(language: language).value(result)
                json.append([
                    "id": .string(commit.id.description), "summary": one["summary"] ?? .null,
                    "diagnostics": one["diagnostics"] ?? [],
                ])
            }
        }
        if format == .text {
            Terminal.write(
                Message(.rangeSummary, String(commits), String(errors), String(warnings)).render(language) + "\n")
        } else {
            let root: JSONValue = [
                "version": 1,
                "summary": [
                    "commits": JSONValue(commits), "errors": JSONValue(errors), "warnings": JSONValue(warnings),
                ],
                "commits": .array(json),
            ]
            Terminal.write(root.serialized() + "\n")
        }
        if failedAny { throw ExitCode(1) }
    }

    /// A path as given on the command line, relative to the workspace root with `/` separators.
    private func relative(_ path: String, to root: String) -> String {
        let abs = URL(fileURLWithPath: path).standardizedFileURL.path
        return abs.hasPrefix(root + "/") ? String(abs.dropFirst(root.count + 1)) : path
    }
}
