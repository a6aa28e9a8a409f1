import Foundation
import PlanKit

/// What the fuzzers run on each input (`make fuzz`), and what the regression tests replay on every
/// input the fuzzers ever found a problem with (`Tests/Fixtures/fuzz/<target>/`). Each function checks
/// properties that must hold for any input and stops the process (`preconditionFailure`) when one does
/// not, so libFuzzer records the input.
public enum FuzzTargets {
    public static let names = ["front-matter", "timeframe", "schema", "import"]

    public static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "front-matter": frontMatter(bytes)
        case "timeframe": timeframe(bytes)
        case "schema": schema(bytes)
        case "import": importer(bytes)
        default: preconditionFailure("no fuzz target \(target)")
        }
    }

    /// An item file with any bytes: parsed, checked by every rule in the example workspace, and fixed.
    /// Fixing only rewrites the reported spans, and a fixed file parses again.
    public static func frontMatter(_ bytes: [UInt8]) {
        let path = ExampleWorkspace.itemPath
        var files = ExampleWorkspace.baseFiles.mapValues { Array($0.utf8) }
        files[path] = bytes
        guard
            let result = try? Checker.check(
                source: MemoryFileSource(bytes: files),
                options: CheckOptions(today: ExampleWorkspace.today))
        else {
            preconditionFailure("the example workspace failed to load")
        }
        let fixes = result.diagnostics.filter { $0.location.path == path }.compactMap(\.fix)
        for f in fixes {
            precondition(f.range.lowerBound >= 0 && f.range.upperBound <= bytes.count, "a fix outside the file")
        }
        let (fixed, applied) = FixApplier.apply(fixes, to: bytes)
        if !applied.isEmpty, case .success = DocumentParser.parse(path: path, bytes: bytes) {
            if case .failure(let f) = DocumentParser.parse(path: path, bytes: fixed) {
                preconditionFailure("a fix broke a parsing file: \(f.rule) \(f.message.render(.en))")
            }
        }
    }

    /// Any text as a timeframe: parsed without crashing; what parses has start ≤ end.
    public static func timeframe(_ bytes: [UInt8]) {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if case .success(let tf) = TimeframeParser.parse(text), let s = tf.start, let e = tf.end {
            precondition(s <= e, "timeframe \(text) starts after it ends")
        }
    }

    /// A schema and an instance, split at the first NUL byte: compiled and validated without crashing.
    public static func schema(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let schema = try? JSONValue.parse(Data(parts[0])),
            let instance = try? JSONValue.parse(Data(parts[1])),
            let compiled = try? JSONSchema.compile(schema)
        else { return }
        _ = compiled.validate(instance)
    }

    /// Any bytes as a plan document: what the importer writes always reads back as front-matter with
    /// the same id, or is text its summary already called mojibake; every item path stays in the plan's folder.
    public static func importer(_ bytes: [UInt8]) {
        guard let text = try? PlanImporter.decode(bytes, path: "doc.txt") else { return }
        let plan = PlanImporter(registry: UnitRegistry.empty).read(text)
        let writer = ImportWriter(planID: "p", language: .vi)
        let summary = ImportSummary(plan: plan, writer: writer, registry: .empty)
        let mojibake = Set(summary.legacyText.map(\.name))
        for file in summary.files {
            precondition(
                file.path.hasPrefix("plans/p/") && !file.path.contains("/../") && !file.path.contains("//"),
                "import path \(file.path)")
            switch DocumentParser.parse(path: file.path, bytes: Array(file.text.utf8)) {
            case .success(let doc):
                let id = doc.frontMatter?["id"]?.scalar?.value
                precondition(
                    id == (file.item.map { writer.id(of: $0) } ?? "p"),
                    "import wrote id \(id ?? "nil") for \(file.path)")
            case .failure(let f) where f.rule == FileRules.legacyEncoding:
                precondition(
                    mojibake.contains(file.item.map { writer.id(of: $0) } ?? file.path),
                    "import did not say \(file.path) is mojibake")
            case .failure(let f):
                preconditionFailure("import wrote \(file.path) that does not parse: \(f.rule) \(f.message.render(.en))")
            }
        }
    }
}
