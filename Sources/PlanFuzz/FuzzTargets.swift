import Foundation
import PlanKit
import PlanOffice

/// What the fuzzers run on each input (`make fuzz`), and what the regression tests replay on every
/// input the fuzzers ever found a problem with (`Tests/Fixtures/fuzz/<target>/`). Each function checks
/// properties that must hold for any input and stops the process (`preconditionFailure`) when one does
/// not, so libFuzzer records the input.
public enum FuzzTargets {
    public static let names = ["front-matter", "timeframe", "schema", "import", "docx"]

    public static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "front-matter": frontMatter(bytes)
        case "timeframe": timeframe(bytes)
        case "schema": schema(bytes)
        case "import": importer(bytes)
        case "docx": docx(bytes)
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

    /// Any bytes as a Word file: read, or refused with an error that names the file; never a crash or a
    /// hang. A zip is read as it is. Anything else becomes the parts of a package, split at NUL bytes
    /// (document.xml, numbering.xml, styles.xml, footnotes.xml), stored uncompressed so that the
    /// fuzzer's changes reach the XML readers instead of failing the checksum.
    public static func docx(_ bytes: [UInt8]) {
        let input: [UInt8]
        if bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: [0xD0, 0xCF]) {
            input = bytes
        } else {
            let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
            let names = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml"]
            var entries: [(String, [UInt8])] = [("[Content_Types].xml", Array("<Types/>".utf8))]
            for (name, part) in zip(names, parts) { entries.append((name, Array(part))) }
            input = StoredZip.make(entries)
        }
        do throws(OfficeError) {
            guard let result = try OfficeImport.read(input, path: "doc.docx") else { return }
            precondition(result.text == OfficeText.render(result.document).text, "rendering is not deterministic")
            precondition(!result.text.contains("\t") && !result.text.contains("\r"), "a tab or CR in the text")
            for line in result.text.split(separator: "\n") where line.hasPrefix("| ") {
                precondition(line.hasSuffix(" |"), "a table row that does not end its last cell: \(line)")
            }
        } catch {
            for language in Language.allCases {
                precondition(error.render(language).hasPrefix("doc.docx "), "an error that does not name the file")
            }
        }
    }
}

/// A zip of stored (uncompressed) entries, for the docx fuzz target.
enum StoredZip {
    static func make(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var local: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ out: inout [UInt8]) { out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int, _ out: inout [UInt8]) {
            u16(v & 0xFFFF, &out)
            u16((v >> 16) & 0xFFFF, &out)
        }
        for (name, data) in entries {
            let raw = Array(name.utf8)
            let crc = Int(crc32(data))
            let offset = local.count
            u32(0x0403_4B50, &local)
            for v in [20, 0x0800, 0, 0, 0x21] { u16(v, &local) }
            for v in [crc, data.count, data.count] { u32(v, &local) }
            u16(raw.count, &local)
            u16(0, &local)
            local += raw + data
            u32(0x0201_4B50, &central)
            for v in [0x031E, 20, 0x0800, 0, 0, 0x21] { u16(v, &central) }
            for v in [crc, data.count, data.count] { u32(v, &central) }
            for v in [raw.count, 0, 0, 0, 0] { u16(v, &central) }
            u32(0o100644 << 16, &central)
            u32(offset, &central)
            central += raw
        }
        var end: [UInt8] = []
        u32(0x0605_4B50, &end)
        for v in [0, 0, entries.count, entries.count] { u16(v, &end) }
        u32(central.count, &end)
        u32(local.count, &end)
        u16(0, &end)
        return local + central + end
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
