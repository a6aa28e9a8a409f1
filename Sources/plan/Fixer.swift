import Foundation
import PlanKit

/// `plan check --fix`: applies the certain fixes, file by file, each file written atomically with its
/// permissions kept, and only when it is still the file that was checked. Repeats while fixes remain
/// (one fix can cover another's span), so a second `--fix` finds nothing to do.
struct Fixer {
    let root: String
    let source: DirectoryFileSource
    let options: CheckOptions
    let language: Language
    let dryRun: Bool

    func run() throws {
        var total = 0
        var files = Set<String>()
        for _ in 0..<4 {
            let snapshot = try WorkspaceLoader.load(from: source, options: options.load)
            let result = Checker.check(snapshot, options: options)
            let fixable = result.diagnostics.filter {
                $0.fix != nil && RuleRegistry.description(of: $0.rule)?.fixable == true
            }
            guard !fixable.isEmpty else { break }
            let documents = Dictionary(snapshot.documents.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            var progressed = false
            for (path, diagnostics) in Dictionary(grouping: fixable, by: \.location.path).sorted(by: { $0.key < $1.key }
            ) {
                guard let document = documents[path] else { continue }
                let file = root + "/" + path
                guard let current = FileManager.default.contents(atPath: file).map(Array.init),
                    current == document.source.bytes
                else {
                    Terminal.error(Message(.fixFileChanged, path).render(language))
                    continue
                }
                let (fixed, applied) = FixApplier.apply(diagnostics.compactMap(\.fix), to: current)
                guard !applied.isEmpty else { continue }
                for d in diagnostics where applied.contains(d.fix!) {
                    let what =
                        d.fix!.replacement.isEmpty ? d.message.render(language) : Catalogue.quote(d.fix!.replacement)
                    Terminal.write(
                        Message(dryRun ? .fixWouldApply : .fixApplied, d.location.description, d.rule, what).render(
                            language) + "\n")
                }
                total += applied.count
                files.insert(path)
                if dryRun {
                    Terminal.write(
                        UnifiedDiff.render(
                            path: path, old: String(decoding: current, as: UTF8.self),
                            new: String(decoding: fixed, as: UTF8.self)))
                } else {
                    // A link inside the workspace stays a link: the file it points to is rewritten.
                    try AtomicFile.write(fixed, to: try Self.target(of: file, root: root, shown: path))
                    progressed = true
                }
            }
            if dryRun || !progressed { break }
        }
        if total == 0 {
            Terminal.error(Message(.fixNothing).render(language))
        } else if !dryRun {
            Terminal.error(Message(.fixSummary, String(total), String(files.count)).render(language))
        }
    }

    /// The file a path names, through symbolic links, which must stay in the workspace.
    static func target(of file: String, root: String, shown: String) throws(PlanError) -> String {
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard real.hasPrefix(realRoot + "/") else { throw PlanError.other(Message(.importUnsafePath, shown)) }
        return real
    }
}
