import Foundation
import TestSupport
import Testing

/// Every command's help exists in Vietnamese and in English: `--lang` (or `--lang=`) picks one, and
/// the two differ wherever the command explains itself.
@Suite struct HelpLanguageTests {
    static let commands: [[String]] = [
        [], ["init"], ["new"], ["list"], ["check"], ["rules"], ["report"], ["status"], ["summary"],
        ["changelog"], ["import"], ["units"], ["schema"], ["hook"], ["hook", "install"], ["hook", "pre-receive"],
        ["lsp"], ["progress"],
        ["site"],
    ]

    @Test(arguments: commands)
    func helpInBothLanguages(_ command: [String]) throws {
        let vi = try PlanBinary.run(command + ["--help", "--lang", "vi"])
        let en = try PlanBinary.run(command + ["--help", "--lang=en"])
        #expect(vi.status == 0 && en.status == 0, "\(command): \(vi.stderr) \(en.stderr)")
        let overview = { (s: String) in s.components(separatedBy: "USAGE:").first ?? s }
        #expect(overview(vi.stdout) != overview(en.stdout), "\(command) explains itself in one language only")
        // Vietnamese text has letters English never uses.
        #expect(vi.stdout.contains { "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ".contains($0) }, "\(command)")
        // Every option's help line is translated too: no line of the English options appears as is.
        let options = { (s: String) in
            Set(
                s.components(separatedBy: "OPTIONS:").dropFirst().joined().split(separator: "\n").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter {
                    // The argument parser's own words: value lists, defaults, "See 'plan help …'".
                    $0.count > 30 && !$0.hasPrefix("-") && !$0.hasPrefix("See '") && !$0.contains("default:")
                        && !$0.contains("values:")
                })
        }
        let untranslated = options(vi.stdout).intersection(options(en.stdout))
        #expect(untranslated.isEmpty, "\(command): \(untranslated)")
    }
}
