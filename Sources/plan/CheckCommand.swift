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
            throw ValidationError(
                HelpText.string(
                    Localized(
                        en: "--staged, --rev and --range go one at a time",
                        vi: "--staged, --rev và --range chỉ dùng từng cái một")))
        }
        if fix && (staged || rev != nil || range != nil) {
            throw ValidationError(
                HelpText.string(
                    Localized(
                        en: "--fix changes files on disk; it does not go with --staged, --rev or --range",
                        vi: "--fix sửa các tệp trên đĩa; không dùng cùng --staged, --rev hay --range")))
        }
        if dryRun && !fix {
            throw ValidationError(
                HelpText.string(Localized(en: "--dry-run goes with --fix", vi: "--dry-run chỉ dùng cùng --fix")))
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
        if fix {
            try runFix(root: root, options: checkOptions, language: language)
            if dryRun { return }
        }
        // Files whose bytes did not change since the last check are not parsed nor checked again.
        Timing.mark("check: start")
        let cache = findingsCache(root: root, today: checkOptions.today)
        Timing.mark("findings: cache read")
        checkOptions.load.fileFindings = cache?.cache
        let snapshot = try WorkspaceLoader.load(from: source, options: checkOptions.load)
        var result = Checker.check(snapshot, options: checkOptions)
        // A check of some files keeps the others' findings for the next whole check.
        if let cache, cache.cache.changed(keepingUnused: !paths.isEmpty) {
            try? FileManager.default.createDirectory(
                atPath: (cache.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? AtomicFile.write(cache.cache.bytes(keepingUnused: !paths.isEmpty), to: cache.path, durable: false)
        }
        Timing.mark("findings: \(cache?.cache.hits ?? 0) files from the cache")
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

    /// The findings of the last check, kept in the repository (beside the other caches); none outside
    /// a repository, or when this program cannot be found on disk.
    private func findingsCache(root: String, today: CivilDate) -> (cache: FileFindingsCache, path: String)? {
        guard let program = programIdentity(), let workspace = try? RepoWorkspace.locate(from: root, workspace: root)
        else { return nil }
        Timing.mark("findings: repository found")
        // One per workspace folder: a repository may hold several, each with its own context.
        let path = workspace.cacheFile("file-findings", perWorkspace: true)
        var salt = Fingerprint(program)
        salt.combine(today.description)
        let bytes = FileManager.default.contents(atPath: path).map { Array($0) }
        return (FileFindingsCache(salt: salt.finished, bytes: bytes), path)
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
        let workspace = try RepoWorkspace.locate(from: here, workspace: options.workspace)
        // The language of the messages, from the configuration on disk: read only when there is
        // something to say (a hook is quiet when all is well).
        var known: Language?
        func language() -> Language {
            if let known { return known }
            let diskConfig = try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: try options.root()))
            known = options.language(diskConfig)
            return known!
        }
        Timing.mark("git: repository opened")
        // Read from disk only when a run needs it (a hook checking a change usually does not).
        let facts = FactsCacheFile.load(path: workspace.cachePath)
        let findings = FindingsCache(folder: workspace.cacheFile("findings"))
        // A hook that parsed the few files of a commit does not rewrite a cache of ten thousand.
        func saveCaches() {
            if facts.isDirty && (facts.addedCount >= 64 || facts.loadedCount == 0) {
                try? FactsCacheFile.save(facts, path: workspace.cachePath)
            }
            if findings.isDirty { try? findings.save() }
        }
        defer { saveCaches() }
        let checker = ChangeChecker(workspace: workspace, options: checkOptions, facts: facts, findings: findings)
        if staged {
            let checked = try checker.staged()
            let result = baseline == nil ? checked : try applyBaseline(checked, language())
            // A hook is quiet when all is well.
            if format != .text || !result.diagnostics.isEmpty { Terminal.write(reporter(language()).report(result)) }
            if failed(result) { Terminal.error(Message(.hookBlocked).render(language())) }
            saveCaches()
            Timing.mark("written")
            // Exit without freeing what was loaded one object at a time (see `run`).
            withExtendedLifetime((checker, result)) { Terminal.finish(status: failed(result) ? 1 : 0) }
        } else if let rev {
            let (_, checked) = try checker.revision(rev)
            let result = try applyBaseline(checked, language())
            Terminal.write(reporter(language()).report(result))
            if failed(result) { throw ExitCode(1) }
        } else if let range {
            try runRange(range, checker, language())
        }
    }

    /// Each commit with findings under its hash and subject, then a total.
    private func runRange(_ spec: String, _ checker: ChangeChecker, _ language: Language) throws {
        var checked: [(id: String, result: CheckResult)] = []
        try checker.range(spec) { commit, result in
            checked.append((commit.id.description, result))
            guard format == .text, !result.diagnostics.isEmpty else { return }
            Terminal.write(Message(.rangeCommit, commit.id.short, commit.summary).render(language) + "\n")
            Terminal.write(TextReporter(language: language, colour: Terminal.colourOnStdout).lines(result))
        }
        if format == .text {
            let errors = checked.reduce(0) { $0 + $1.result.errors }
            let warnings = checked.reduce(0) { $0 + $1.result.warnings }
            Terminal.write(
                Message(.rangeSummary, String(checked.count), String(errors), String(warnings)).render(language) + "\n")
        } else {
            Terminal.write(JSONReporter(language: language).range(checked))
        }
        if checked.contains(where: { failed($0.result) }) { throw ExitCode(1) }
    }

    /// A path as given on the command line, relative to the workspace root with `/` separators.
    private func relative(_ path: String, to root: String) -> String {
        let abs = URL(fileURLWithPath: path).standardizedFileURL.path
        return abs.hasPrefix(root + "/") ? String(abs.dropFirst(root.count + 1)) : path
    }

    /// `--fix`: prints what the library's fixer does.
    private func runFix(root: String, options: CheckOptions, language: Language) throws {
        let fixer = WorkspaceFixer(root: root, options: options, dryRun: dryRun)
        let outcome = try fixer.run { event in
            switch event {
            case .applied(let d):
                let replacement = d.fix?.replacement ?? ""
                let what = replacement.isEmpty ? d.message.render(language) : Catalogue.quote(replacement)
                let id: MessageID = dryRun ? .fixWouldApply : .fixApplied
                Terminal.write(Message(id, d.location.description, d.rule, what).render(language) + "\n")
            case .diff(let text):
                Terminal.write(text)
            case .fileChanged(let path):
                Terminal.error(Message(.fixFileChanged, path).render(language))
            }
        }
        if outcome.fixes == 0 {
            Terminal.error(Message(.fixNothing).render(language))
        } else if !dryRun {
            Terminal.error(Message(.fixSummary, String(outcome.fixes), String(outcome.files)).render(language))
        }
    }
}
