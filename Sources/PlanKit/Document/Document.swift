import Foundation

/// A parsed Markdown file with YAML front-matter: the front-matter tree with file positions, the body,
/// and the bytes it came from (for text rules and byte-exact fixes).
public struct Document: Sendable {
    public let path: String
    public let source: SourceText
    /// The root of the front-matter (a mapping for a valid file; any node otherwise).
    public let frontMatter: YAMLNode?
    /// File line of the opening `---`.
    public let openingLine: Int
    /// Byte range of the YAML text between the fences.
    public let frontMatterRange: Range<Int>
    /// File line of the first body line.
    public let bodyFirstLine: Int
    /// Byte offset of the body in `source.bytes`.
    public let bodyStart: Int

    public var body: String { source.string(bodyStart..<source.bytes.count) }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    public func location(of node: YAMLNode) -> SourceLocation {
        location(line: node.line, column: node.column)
    }

    public func location(of scalar: YAMLScalar) -> SourceLocation {
        location(line: scalar.line, column: scalar.column)
    }

    public func location(ofByte offset: Int) -> SourceLocation {
        let p = source.position(ofByte: offset)
        return location(line: p.line, column: p.column)
    }

    /// The byte range where a scalar's value is written verbatim, when it is (plain or quoted without
    /// escapes, on one line). Fixes are offered only on such spans, so they never touch other bytes.
    public func verbatimRange(of scalar: YAMLScalar) -> Range<Int>? {
        guard let start = source.byteOffset(line: scalar.line, column: scalar.column) else { return nil }
        let value = Array(scalar.value.utf8)
        guard !value.isEmpty else { return nil }
        var begin = start
        switch scalar.style {
        case .plain: break
        case .singleQuoted, .doubleQuoted:
            begin += 1
        default:
            return nil
        }
        let end = begin + value.count
        let lineEnd = source.lineRange(scalar.line).upperBound
        guard end <= lineEnd, source.bytes[begin..<end].elementsEqual(value) else { return nil }
        if scalar.style != .plain {
            let quote: UInt8 = scalar.style == .singleQuoted ? 0x27 : 0x22
            guard end < source.bytes.count, source.bytes[end] == quote else { return nil }
            if scalar.style == .doubleQuoted, value.contains(0x5C) { return nil }
        }
        return begin..<end
    }
}

/// Why a file could not be read as a document. `rule` is the id of the file rule it belongs to.
public struct DocumentFailure: Error, Sendable {
    public let rule: String
    public let line: Int
    public let column: Int
    public let message: Message

    public init(rule: String, line: Int, column: Int, message: Message) {
        self.rule = rule
        self.line = line
        self.column = column
        self.message = message
    }
}

public enum DocumentParser {
    /// Reads a file's bytes into a document. Every failure names the line and column it is at.
    public static func parse(path: String, bytes: [UInt8], limits: Limits = .default) -> Result<
        Document, DocumentFailure
    > {
        do throws(DocumentFailure) {
            if bytes.count > limits.maxFileBytes {
                let message = Message(.fileTooLarge, String(bytes.count), String(limits.maxFileBytes))
                throw DocumentFailure(rule: FileRules.tooLarge, line: 1, column: 1, message: message)
            }
            let source = SourceText(bytes: bytes)
            try checkText(source)
            let closing = try frontMatterEnd(source)
            let yamlRange = source.lineStarts[1]..<source.lineStarts[closing - 1]
            try checkFrontMatter(source, yamlRange, closing: closing, limits: limits)
            let root: YAMLNode?
            do {
                root = try YAMLReader.parse(source.string(yamlRange), firstLine: 2, maxDepth: limits.maxDepth)
            } catch {
                let rule =
                    switch error.kind {
                    case .syntax: FileRules.yamlSyntax
                    case .anchor: FileRules.yamlAnchor
                    case .depth: FileRules.tooLarge
                    }
                throw DocumentFailure(rule: rule, line: error.line, column: error.column, message: error.message)
            }
            let bodyStart = closing < source.lineCount ? source.lineStarts[closing] : source.bytes.count
            return .success(
                Document(
                    path: path, source: source, frontMatter: root, openingLine: 1, frontMatterRange: yamlRange,
                    bodyFirstLine: closing + 1, bodyStart: bodyStart))
        } catch {
            return .failure(error)
        }
    }

    /// The file as text: UTF-8, not a legacy Vietnamese encoding, no merge conflict left in it.
    private static func checkText(_ source: SourceText) throws(DocumentFailure) {
        let bytes = source.bytes
        if let bad = UTF8Validation.firstInvalidByte(bytes) {
            let p = source.position(ofByte: bad)
            let hint = LegacyEncoding.detect(bytes)
            let message =
                hint.map { Message(.fileLegacyEncoding, $0, String(bad)) }
                ?? Message(.fileNotUTF8, String(bad), String(format: "0x%02X", bytes[bad]))
            throw DocumentFailure(
                rule: hint == nil ? FileRules.notUTF8 : FileRules.legacyEncoding, line: p.line, column: p.column,
                message: message)
        }
        if let legacy = LegacyEncoding.detectInUnicode(bytes) {
            throw DocumentFailure(
                rule: FileRules.legacyEncoding, line: 1, column: 1, message: Message(.fileLegacyEncodingText, legacy))
        }
        if let conflict = conflictMarkerLine(source) {
            throw DocumentFailure(
                rule: FileRules.mergeConflict, line: conflict, column: 1, message: Message(.fileMergeConflict))
        }
    }

    /// The line of the closing fence of a front-matter that opens on the first line.
    private static func frontMatterEnd(_ source: SourceText) throws(DocumentFailure) -> Int {
        guard source.lineCount > 0, isFence(source, line: 1, closing: false) else {
            let firstNonBlank = (1...source.lineCount).first { !source.lineRange($0).isEmpty && !isBlank(source, $0) }
            if let l = firstNonBlank, l > 1, isFence(source, line: l, closing: false) {
                throw DocumentFailure(
                    rule: FileRules.noFrontMatter, line: l, column: 1, message: Message(.fileFrontMatterNotFirst))
            }
            let message = source.bytes.count == source.bomLength ? Message(.fileEmpty) : Message(.fileNoFrontMatter)
            throw DocumentFailure(rule: FileRules.noFrontMatter, line: 1, column: 1, message: message)
        }
        if source.lineCount >= 2 {
            for line in 2...source.lineCount where isFence(source, line: line, closing: true) { return line }
        }
        throw DocumentFailure(
            rule: FileRules.unterminated, line: 1, column: 1, message: Message(.fileUnterminatedFrontMatter))
    }

    /// The front-matter within its limits (size, line length) and without control characters.
    private static func checkFrontMatter(
        _ source: SourceText, _ yaml: Range<Int>, closing: Int, limits: Limits
    ) throws(DocumentFailure) {
        if yaml.count > limits.maxFrontMatterBytes {
            let message = Message(.fileFrontMatterTooLarge, String(yaml.count), String(limits.maxFrontMatterBytes))
            throw DocumentFailure(rule: FileRules.tooLarge, line: 1, column: 1, message: message)
        }
        if closing > 2 {
            for line in 2..<closing where source.lineRange(line).count > limits.maxLineBytes {
                let message = Message(
                    .fileLineTooLong, String(source.lineRange(line).count), String(limits.maxLineBytes))
                throw DocumentFailure(rule: FileRules.tooLarge, line: line, column: 1, message: message)
            }
        }
        // YAML allows no control characters; the parser would stop reading at a NUL without a word.
        if let bad = source.bytes[yaml].firstIndex(where: {
            $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F
        }) {
            let p = source.position(ofByte: bad)
            throw DocumentFailure(
                rule: FileRules.yamlSyntax, line: p.line, column: p.column,
                message: Message(.yamlControlCharacter, String(format: "U+%04X", source.bytes[bad])))
        }
    }

    private static func isBlank(_ source: SourceText, _ line: Int) -> Bool {
        source.bytes[source.lineRange(line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// `---` (or `...` when closing), then only spaces or tabs.
    private static func isFence(_ source: SourceText, line: Int, closing: Bool) -> Bool {
        let r = source.lineRange(line)
        guard r.count >= 3 else { return false }
        let b = source.bytes
        let c = b[r.lowerBound]
        guard c == UInt8(ascii: "-") || (closing && c == UInt8(ascii: ".")) else { return false }
        guard b[r.lowerBound + 1] == c, b[r.lowerBound + 2] == c else { return false }
        return b[(r.lowerBound + 3)..<r.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The line of a `<<<<<<<` marker that a `>>>>>>>` marker follows: what git leaves in a file
    /// after a conflicted merge. A lone `=======` is a Markdown heading underline, not a conflict.
    static func conflictMarkerLine(_ source: SourceText) -> Int? {
        // Quick exit: no "<<<<<<<" anywhere.
        guard
            source.bytes.withUnsafeBufferPointer({ b -> Bool in
                guard b.count >= 7 else { return false }
                var i = 0
                while i + 7 <= b.count {
                    guard let p = memchr(b.baseAddress! + i, 0x3C, b.count - i) else { return false }
                    let at = b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if at + 7 <= b.count, (0..<7).allSatisfy({ b[at + $0] == 0x3C }) { return true }
                    i = at + 1
                }
                return false
            })
        else { return nil }
        let b = source.bytes
        func starts(_ line: Int, with byte: UInt8) -> Bool {
            let r = source.lineRange(line)
            guard r.count >= 7 else { return false }
            for k in 0..<7 where b[r.lowerBound + k] != byte { return false }
            return r.count == 7 || b[r.lowerBound + 7] == 0x20
        }
        var open: Int?
        for line in 1...source.lineCount {
            if open == nil, starts(line, with: UInt8(ascii: "<")) {
                open = line
            } else if let o = open, starts(line, with: UInt8(ascii: ">")) {
                return o
            }
        }
        return nil
    }
}
