import PlanKit

/// A document's text with LSP positions: lines counted from 0 and characters in UTF-16 code units,
/// as the protocol requires; `plan` counts lines from 1 and columns in Unicode scalars, and fixes in bytes.
struct TextPositions {
    let bytes: [UInt8]
    /// Byte offset of each line's start.
    let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 0, line < lineStarts.count else { return [] }
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[lineStarts[line]..<max(lineStarts[line], end)]
    }

    func lineText(_ line: Int) -> String { String(decoding: lineBytes(line), as: UTF8.self) }

    /// `plan`'s 1-based line and scalar column as an LSP position.
    func position(line: Int, column: Int) -> (line: Int, character: Int) {
        let text = lineText(line - 1)
        var utf16 = 0
        for (i, u) in text.unicodeScalars.enumerated() where i < column - 1 { utf16 += u.utf16.count }
        return (line - 1, utf16)
    }

    /// A byte offset as an LSP position.
    func position(byte offset: Int) -> (line: Int, character: Int) {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let prefix = String(decoding: bytes[lineStarts[lo]..<min(offset, bytes.count)], as: UTF8.self)
        return (lo, prefix.utf16.count)
    }

    /// An LSP position as a String index into the line's text, in UTF-16 units from its start.
    func utf16Prefix(line: Int, character: Int) -> String {
        let text = lineText(line)
        let units = Array(text.utf16.prefix(character))
        return String(decoding: units, as: UTF16.self)
    }

    /// The end of the line's text, without trailing spaces.
    func lineEnd(_ line: Int) -> Int {
        var text = lineText(line)
        while text.hasSuffix(" ") { text.removeLast() }
        return text.utf16.count
    }

    static func range(_ a: (line: Int, character: Int), _ b: (line: Int, character: Int)) -> JSONValue {
        [
            "start": ["line": JSONValue(a.line), "character": JSONValue(a.character)],
            "end": ["line": JSONValue(b.line), "character": JSONValue(b.character)],
        ]
    }
}
