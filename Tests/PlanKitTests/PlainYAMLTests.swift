import Foundation
import TestSupport
import Testing

@testable import PlanKit

/// The fast reader must give exactly Yams' tree, or step aside.
@Suite struct PlainYAMLTests {
    /// Front-matter texts: every rule example, the bundled plan, and tricky lines.
    static var corpus: [String] {
        var texts: [String] = []
        for d in RuleRegistry.descriptions {
            for e in d.triggering + d.nonTriggering {
                for (_, t) in e.files { texts.append(t.replacingOccurrences(of: "↓", with: "")) }
            }
        }
        let root = Fixtures.repositoryRoot.path + "/plans/dvk-2021"
        if let files = FileManager.default.enumerator(atPath: root) {
            for case let f as String in files where f.hasSuffix(".md") {
                if let t = try? String(contentsOfFile: root + "/" + f, encoding: .utf8) { texts.append(t) }
            }
        }
        let tricky = [
            "a: b", "a: b  ", "a:", "a:\nb: c", "a: \"x\"", "a: 'x'", "a: 'it''s'", "a: \"q\\\"x\"", "a: x # c",
            "a: x#y",
            "a: [x, y]", "a: []", "a: [x, ]", "a: [ x , y ]", "a: [\"x, y\", z]", "a:\n  - x\n  - 'y'", "a:\n- x\n- y",
            "a:\n  - x\n   - y", "a:\n  b: c", "a: x\n  y", "a: |\n  x", "a: >-\n  x", "a: &x y", "a: *x", "a: !!str 1",
            "a: - x", "a: -x", "a: ?x", "a: :x", "a: x:", "a: x: y", "a:b: c", "a : b", "\"a\": b", "a: b\na: c",
            "a: null", "a: ~", "a: true", "a: 2021-09-30", "a: 1e3", "a: .5", "a:\tb", "a: b\r\nc: d\r\n", "a: 'x'  ",
            "a: Nghiên cứu & phát triển *mới*", "tiêu_đề: giá trị", "a: [Sở A, Phòng B]", "a: {b: c}",
            "a: b\n# comment",
            "# c\na: b", "a: b\n\n\nc: d", "a: ...", "a: %x", "a: @x", "a: `x`", "a: x ]", "a: [x]] ", "- a\n- b", "a",
            "a: [x\n  , y]", "a:\n  - [x]", "a:\n  -\n", "a:\n  - x: y",
        ]
        return texts.compactMap(frontMatter) + tricky
    }

    static func frontMatter(_ file: String) -> String? {
        guard file.hasPrefix("---\n") else { return nil }
        let rest = file.dropFirst(4)
        guard let end = rest.range(of: "\n---") else { return nil }
        return String(rest[..<end.lowerBound]) + "\n"
    }

    @Test func agreesWithYamsOrStepsAside() throws {
        var fast = 0
        for text in Self.corpus {
            guard let plain = PlainYAML.parse(text, firstLine: 2) else { continue }
            fast += 1
            let yams = try? YAMLReader.parseWithYams(text, firstLine: 2)
            #expect(plain == yams, "differs on:\n\(text)")
        }
        #expect(fast > 50, "the fast path should take most front-matter")
    }
}
