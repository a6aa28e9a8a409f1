import Foundation
import Testing

@testable import PlanKit

@Suite struct DocumentParserTests {
    func parse(_ text: String, path: String = "plans/p/1a.md") -> Result<Document, DocumentFailure> {
        DocumentParser.parse(path: path, bytes: Array(text.utf8))
    }

    func parseBytes(_ bytes: [UInt8]) -> Result<Document, DocumentFailure> {
        DocumentParser.parse(path: "plans/p/1a.md", bytes: bytes)
    }

    func failure(_ r: Result<Document, DocumentFailure>) throws -> DocumentFailure {
        guard case .failure(let f) = r else {
            Issue.record("expected a failure")
            throw CancellationError()
        }
        return f
    }

    func document(_ r: Result<Document, DocumentFailure>) throws -> Document {
        switch r {
        case .success(let d): return d
        case .failure(let f):
            Issue.record("unexpected failure \(f.rule) at \(f.line):\(f.column): \(f.message.render(.en))")
            throw CancellationError()
        }
    }

    @Test func keysAndValuesKeepTheirFilePositions() throws {
        let doc = try document(parse("---\nid: p/1.a\nlead: Phòng Tuyên truyền\nsupport:\n  - Sở A\n---\nBody\n"))
        let lead = try #require(doc.frontMatter?.pair("lead"))
        #expect(lead.key.line == 3 && lead.key.column == 1)
        #expect(lead.value.line == 3 && lead.value.column == 7)
        let support = try #require(doc.frontMatter?["support"]?.items?.first?.scalar)
        #expect(support.line == 5 && support.column == 5)
        #expect(doc.bodyFirstLine == 7)
        #expect(doc.body == "Body\n")
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}---\r\nid: p/1.a\r\ntitle: Tiêu đề\r\n---\r\nNội dung\r\n"
        let doc = try document(parse(text))
        let title = try #require(doc.frontMatter?["title"]?.scalar)
        #expect(title.value == "Tiêu đề")
        #expect(title.line == 3 && title.column == 8)
        #expect(doc.source.bomLength == 3)
        #expect(doc.source.lineEnding == "\r\n")
        // The verbatim span is exactly the value's bytes, before the \r.
        let range = try #require(doc.verbatimRange(of: title))
        #expect(doc.source.string(range) == "Tiêu đề")
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let doc = try document(parse("---\ntiêu_đề: giá trị\n---\n"))
        let pair = try #require(doc.frontMatter?.pairs?.first)
        #expect(pair.value.column == 10)
    }

    @Test func datesStayText() throws {
        let doc = try document(parse("---\ntimeframe: 2021-09-30\nflag: no\nn: 12\nempty:\n---\n"))
        #expect(doc.frontMatter?["timeframe"]?.json == .string("2021-09-30"))
        #expect(doc.frontMatter?["flag"]?.json == .string("no"))
        #expect(doc.frontMatter?["n"]?.json == .number(12))
        #expect(doc.frontMatter?["empty"]?.json == .null)
    }

    @Test func closingFenceMayBeDots() throws {
        let doc = try document(parse("---\nid: x\n...\nBody"))
        #expect(doc.body == "Body")
    }

    @Test func noFrontMatter() throws {
        let f = try failure(parse("Just text\n"))
        #expect(f.rule == "file-no-front-matter" && f.line == 1)
    }

    @Test func emptyFile() throws {
        let f = try failure(parse(""))
        #expect(f.rule == "file-no-front-matter")
        #expect(f.message.id == .fileEmpty)
    }

    @Test func frontMatterAfterBlankLines() throws {
        let f = try failure(parse("\n\n---\nid: x\n---\n"))
        #expect(f.rule == "file-no-front-matter" && f.line == 3)
    }

    @Test func unterminated() throws {
        let f = try failure(parse("---\nid: x\ntitle: y\n"))
        #expect(f.rule == "file-unterminated-front-matter" && f.line == 1)
    }

    @Test func yamlErrorAtTheParsersPosition() throws {
        let f = try failure(parse("---\nid: x\ntitle: [unclosed\nstatus: done\n---\n"))
        #expect(f.rule == "yaml-syntax")
        #expect(f.line >= 3 && f.line <= 4)
    }

    @Test func invalidUTF8NamesTheByteOffset() throws {
        var bytes = Array("---\nid: x\ntitle: ab".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28]
        bytes += Array("\n---\n".utf8)
        let f = try failure(parseBytes(bytes))
        #expect(f.rule == "file-not-utf8")
        #expect(f.line == 3 && f.column == 10)
        #expect(f.message.args.first == String(offset))
    }

    @Test func mergeConflictMarker() throws {
        let f = try failure(parse("---\nid: x\n<<<<<<< HEAD\nstatus: a\n=======\nstatus: b\n>>>>>>> other\n---\n"))
        #expect(f.rule == "file-merge-conflict" && f.line == 3)
    }

    @Test func setextHeadingIsNotAConflict() throws {
        _ = try document(parse("---\nid: x\n---\nTitle\n=======\n"))
    }

    /// A few hundred bytes that expand exponentially inside a YAML composer: refused before Yams sees them.
    @Test func aliasBombIsRefusedQuickly() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let clock = ContinuousClock()
        var result: Result<Document, DocumentFailure>?
        let elapsed = clock.measure { result = parse("---\n" + yaml + "---\n") }
        let f = try failure(result!)
        #expect(f.rule == "yaml-anchor" && f.line == 2)
        #expect(elapsed < .seconds(1))
    }

    @Test func ampersandInsidePlainTextIsNotAnAnchor() throws {
        let doc = try document(parse("---\ntitle: Nghiên cứu & phát triển *mới*\n---\n"))
        #expect(doc.frontMatter?["title"]?.scalar?.value == "Nghiên cứu & phát triển *mới*")
    }

    @Test func deepNestingIsRefused() throws {
        let f = try failure(parse("---\nx: " + String(repeating: "[", count: 10_000) + "\n---\n"))
        #expect(f.rule == "file-too-large" && f.line == 2 && f.column == 4)
    }

    @Test func hugeFrontMatterIsRefused() throws {
        let f = try failure(parse("---\n" + String(repeating: "a: b\n", count: 20_000) + "---\n"))
        #expect(f.rule == "file-too-large")
    }

    @Test func duplicateKeyPointsAtTheSecond() throws {
        let f = try failure(parse("---\nstatus: a\nid: x\nstatus: b\n---\n"))
        #expect(f.rule == "yaml-syntax" && f.line == 4 && f.column == 1)
    }

    @Test func legacyTCVN3Bytes() throws {
        // "Kế hoạch tháng" in TCVN3.
        let bytes: [UInt8] =
            Array("---\ntitle: K".utf8) + [0xD5] + Array(" ho".utf8) + [0xB9] + Array("ch th".utf8) + [0xB8]
            + Array("ng ".utf8) + [0xAD, 0xAC] + Array("\n---\n".utf8)
        let f = try failure(parseBytes(bytes))
        #expect(f.rule == "file-legacy-encoding")
        #expect(f.message.render(.en).contains("TCVN3"))
    }
}
