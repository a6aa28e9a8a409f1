/// A document number as cited: `08-CT/TU`, `06/CT-UBND`, `290-QĐ/TW`.
struct Citation: Hashable {
    let number: Int
    let kind: String
    let issuer: String
    /// As written.
    let text: String
    /// Byte span in the file.
    let range: Range<Int>

    var key: String { "\(number)|\(kind)|\(issuer)" }

    /// The two official shapes: party documents `số-LOẠI/CƠQUAN`, state documents `số/LOẠI-CƠQUAN`.
    static func isOfficialShape(_ text: String) -> Bool {
        let seps = text.filter { $0 == "-" || $0 == "/" }
        return seps.count == 2 && seps.first != seps.last
    }

    /// Every citation in a byte range: digits, `-` or `/`, an upper-case code, `-` or `/`, an upper-case issuer.
    static func scan(_ array: [UInt8], _ span: Range<Int>) -> [Citation] {
        array.withUnsafeBufferPointer { scan($0, span) }
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> [Citation] {
        var result: [Citation] = []
        let end = span.upperBound
        @inline(__always) func digit(_ k: Int) -> Bool { k < end && bytes[k] &- 48 < 10 }
        @inline(__always) func sep(_ k: Int) -> Bool { k < end && (bytes[k] == 0x2D || bytes[k] == 0x2F) }
        // ASCII A-Z, or Đ (C4 90): the byte length, 0 if neither.
        @inline(__always) func upper(_ k: Int) -> Int {
            guard k < end else { return 0 }
            let b = bytes[k]
            if b &- 65 < 26 { return 1 }
            return b == 0xC4 && k + 1 < end && bytes[k + 1] == 0x90 ? 2 : 0
        }
        var i = span.lowerBound
        while i < end {
            // Skip to a digit that starts a number.
            guard bytes[i] &- 48 < 10 else {
                i += 1
                continue
            }
            if i > span.lowerBound {
                let p = bytes[i - 1]
                if p &- 48 < 10 || (p | 0x20) &- 97 < 26 {
                    i += 1
                    continue
                }
            }
            let start = i
            var number = 0
            while digit(i) {
                number = number &* 10 &+ Int(bytes[i] - 48)
                i += 1
            }
            guard sep(i) else { continue }
            i += 1
            var k = i
            while upper(k) > 0 { k += upper(k) }
            guard k > i, sep(k) else { continue }
            let kind = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<k]), as: UTF8.self)
            k += 1
            var e = k
            while upper(e) > 0 || (sep(e) && upper(e + 1) > 0) { e += sep(e) ? 1 : upper(e) }
            guard e > k else {
                i = k
                continue
            }
            let issuer = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<e]), as: UTF8.self)
                .replacingOccurrences(of: "/", with: "-")
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<e]), as: UTF8.self)
            result.append(Citation(number: number, kind: kind, issuer: issuer, text: text, range: start..<e))
            i = e
        }
        return result
    }
}

public struct TextCitationRule: WorkspaceRule {
    public init() {}
    public static let description = RuleDescription(
        id: "text-citation-inconsistent",
        summary: Localized(
            en: "one document number cited in different forms (06/CT-UBND, 06-CT-UBND)",
            vi: "cùng một số hiệu văn bản được ghi theo nhiều cách (06/CT-UBND, 06-CT-UBND)"),
        severity: .warning, scope: .workspace,
        triggering: [
            RuleExample(files: [
                (
                    ExampleWorkspace.itemPath,
                    ExampleWorkspace.item([], body: "Thực hiện Chỉ thị số 06/CT-UBND của UBND thành phố.\n")
                ),
                (
                    "plans/demo/1-muc/1b.md",
                    ExampleWorkspace.item(["id: demo/1.b"], body: "Theo Chỉ thị số ↓06-CT-UBND ngày 30/8/2021.\n")
                ),
            ])
        ],
        nonTriggering: [
            RuleExample(files: [
                (
                    ExampleWorkspace.itemPath,
                    ExampleWorkspace.item([], body: "Chỉ thị số 08-CT/TU và Chỉ thị số 06/CT-UBND.\n")
                ),
                (
                    "plans/demo/1-muc/1b.md",
                    ExampleWorkspace.item(["id: demo/1.b"], body: "Chỉ thị số 08-CT/TU ngày 05/8/2021.\n")
                ),
            ])
        ])

    public func check(_ view: WorkspaceView, _ context: RuleContext) -> [Finding] {
        // Uses of each document number, as (file, citation) indices, in file order.
        var byKey: [String: [(file: Int, use: Int)]] = [:]
        for f in view.files.indices {
            let citations = view.files[f].facts.citations
            for c in citations.indices { byKey[citations[c].key, default: []].append((f, c)) }
        }
        var findings: [Finding] = []
        for (key, uses) in byKey {
            func text(_ u: (file: Int, use: Int)) -> String { view.files[u.file].facts.citations[u.use].text }
            let preferred: String
            if let given = view.preferredCitations[key] {
                // Counted over files this view leaves out.
                preferred = given
            } else {
                guard uses.count > 1 else { continue }
                var forms: [String: (count: Int, first: Int)] = [:]
                for (i, u) in uses.enumerated() { forms[text(u), default: (0, i)].count += 1 }
                guard forms.count > 1 else { continue }
                preferred = CitationForms.preferred(forms.map { ($0.key, $0.value.count, $0.value.first) })
            }
            for u in uses where text(u) != preferred {
                let c = view.files[u.file].facts.citations[u.use]
                findings.append(
                    Finding(
                        SourceLocation(path: view.files[u.file].path, line: c.line, column: c.column),
                        Message(.textCitationInconsistent, Catalogue.quote(c.text), Catalogue.quote(preferred))))
            }
        }
        return findings
    }
}
