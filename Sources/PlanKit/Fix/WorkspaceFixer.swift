import Foundation

/// `plan check --fix`: applies the certain fixes, file by file, each file written atomically with its
/// permissions kept, and only when it is still the file that was checked. Repeats while fixes remain
/// (one fix can cover another's span), so a second `--fix` finds nothing to do.
public struct WorkspaceFixer: Sendable {
    /// What happened, for the caller to print: the finding a fix was applied for (or, in a dry run,
    /// would be), the diff of a file in a dry run, a file left alone because it changed since it was read.
    public enum Event: Sendable {
        case applied(Diagnostic)
        case diff(String)
        case fileChanged(path: String)
    }

    public struct Outcome: Sendable, Equatable {
        public var fixes = 0
        public var files = 0
    }

    public let root: String
    public let options: CheckOptions
    public let dryRun: Bool

    public init(root: String, options: CheckOptions, dryRun: Bool) {
        self.root = root
        self.options = options
        self.dryRun = dryRun
    }

    public func run(_ report: (Event) -> Void) throws(PlanError) -> Outcome {
        let source = DirectoryFileSource(root: root)
        var total = 0
        var files = Set<String>()
        for _ in 0..<4 {
            let snapshot = try WorkspaceLoader.load(from: source, options: options.load)
            let fixable = Checker.check(snapshot, options: options).diagnostics.filter {
                $0.fix != nil && RuleRegistry.description(of: $0.rule)?.fixable == true
            }
            guard !fixable.isEmpty else { break }
            let documents = Dictionary(snapshot.documents.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            var progressed = false
            for (path, diagnostics) in Dictionary(grouping: fixable, by: \.location.path).sorted(by: { $0.key < $1.key }
            ) {
                guard let document = documents[path] else { continue }
                let applied = try fix(path, document.source.bytes, diagnostics, report)
                guard applied > 0 else { continue }
                total += applied
                files.insert(path)
                progressed = !dryRun
            }
            if dryRun || !progressed { break }
        }
        return Outcome(fixes: total, files: files.count)
    }

    /// Fixes one file: the number of fixes applied.
    private func fix(_ path: String, _ checked: [UInt8], _ diagnostics: [Diagnostic], _ report: (Event) -> Void)
        throws(PlanError) -> Int
    {
        let file = root + "/" + path
        guard let current = FileManager.default.contents(atPath: file).map(Array.init), current == checked else {
            report(.fileChanged(path: path))
            return 0
        }
        let (fixed, applied) = FixApplier.apply(diagnostics.compactMap(\.fix), to: current)
        guard !applied.isEmpty else { return 0 }
        for d in diagnostics where d.fix.map(applied.contains) == true { report(.applied(d)) }
        if dryRun {
            report(
                .diff(
                    UnifiedDiff.render(
                        path: path, old: String(decoding: current, as: UTF8.self),
                        new: String(decoding: fixed, as: UTF8.self))))
        } else {
            try AtomicFile.write(fixed, to: try SafePath.target(of: file, root: root, shown: path))
        }
        return applied.count
    }
}
