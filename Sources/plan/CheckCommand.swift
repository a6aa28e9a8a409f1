import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plan items: units, timeframes, required fields, schema.",
        discussion: """
            Kiểm tra các nhiệm vụ: đơn vị chủ trì, thời gian, trường bắt buộc, lược đồ.

            Without a git option it checks the files on disk. --staged checks what the next commit will \
            hold (git's index, not the working files); --rev one commit's tree; --range every commit of a \
            range (a pre-receive hook's or a CI job's check). For a change, files it adds or modifies are \
            checked in full, and findings across files are those the change causes.

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

    @Flag(name: .long, help: "Check git's index: exactly what will be committed.")
    var staged = false

    @Option(name: .long, help: "Check the tree of one commit (a hash, branch, tag, HEAD~2…).")
    var rev: String?

    @Option(name: .long, help: "Check every commit of A..B (an A of forty zeros: every commit not on any branch yet).")
    var range: String?

    @Argument(help: "Only report these files (all rules still see the whole workspace).")
    var paths: [String] = []

    func validate() throws {
        if [staged, rev != nil, range != nil].count(where: { $0 }) > 1 {
            throw ValidationError("--staged, --rev and --range go one at a time")
        }
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
        let snapshot = try WorkspaceLoader.load(from: source, options: checkOptions.load)
        let result = Checker.check(snapshot, options: checkOptions)
        Terminal.write(reporter(language).report(result))
        Timing.mark("written")
        // Exit with the snapshot still alive: freeing ten thousand parsed documents one by one only to
        // exit costs more than the output did.
        withExtendedLifetime(snapshot) { Terminal.finish(status: failed(result) ? 1 : 0) }
    }

    private func reporter(_ language: Language) -> any Reporter {
        switch format {
        case .text: TextReporter(language: language, colour: Terminal.colourOnStdout)
        case .json, .sarif, .github: JSONReporter(language: language)
        }
    }

    private func failed(_ result: CheckResult) -> Bool {
        result.errors > 0 || (strict && result.warnings > 0)
    }

    private func runOnGit(_ checkOptions: CheckOptions) throws {
        let here = FileManager.default.currentDirectoryPath
        let workspace: RepoWorkspace
        do {
            workspace = try RepoWorkspace.locate(from: here, workspace: options.workspace)
        } catch let error as GitError where error.code == .notFound {
            throw PlanError.other(Message(.notARepository, here))
        }
        let diskConfig = try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: try options.root()))
        let language = options.language(diskConfig)
        Timing.mark("git: repository opened")
        let facts = FactsCacheFile.load(path: workspace.cachePath)
        Timing.mark("git: facts cache loaded")
        let hadCache = !facts.isEmpty
        defer { if facts.addedCount >= 64 || (!hadCache && facts.isDirty) { try? FactsCacheFile.save(facts, path: workspace.cachePath) } }
        let findingsPath = workspace.cachePath.replacingOccurrences(of: "facts-cache", with: "findings-cache")
        let findings = FindingsCache.load(path: findingsPath)
        defer { if findings.isDirty { try? findings.save(path: findingsPath) } }
        let checker = ChangeChecker(workspace: workspace, options: checkOptions, facts: facts, findings: findings)
        do {
            if staged {
                let result = try checker.staged()
                // A hook is quiet when all is well.
                if format != .text || !result.diagnostics.isEmpty { Terminal.write(reporter(language).report(result)) }
                if failed(result) {
                    Terminal.error(Message(.hookBlocked).render(language))
                    throw ExitCode(1)
                }
            } else if let rev {
                let (_, result) = try checker.revision(rev)
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
        var commits = 0, errors = 0, warnings = 0
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
                json.append(["id": .string(commit.id.description), "summary": one["summary"] ?? .null,
                             "diagnostics": one["diagnostics"] ?? []])
            }
        }
        if format == .text {
            Terminal.write(Message(.rangeSummary, String(commits), String(errors), String(warnings)).render(language) + "\n")
        } else {
            let root: JSONValue = ["version": 1,
                                   "summary": ["commits": JSONValue(commits), "errors": JSONValue(errors), "warnings": JSONValue(warnings)],
                                   "commits": .array(json)]
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
