import ArgumentParser
import Foundation
import PlanKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: HelpText.string(HelpText.rulesAbstract)
    )

    @Option(name: .long, help: HelpText.help(HelpText.lang))
    var lang: Language?

    @Flag(name: .long, help: HelpText.help(HelpText.markdown))
    var markdown = false

    func run() throws {
        let language = Language.resolve(flag: lang, workspace: nil)
        let rules = RuleRegistry.descriptions
        if markdown {
            let header =
                language == .vi
                ? "| quy tắc | mức | sửa được | mô tả |\n|---|---|---|---|\n"
                : "| rule | severity | fixable | summary |\n|---|---|---|---|\n"
            Terminal.write(
                header
                    + rules.map {
                        "| `\($0.id)` | \($0.severity.rawValue) | \($0.fixable ? "✓" : "") | \($0.summary[language]) |"
                    }.joined(separator: "\n") + "\n")
            return
        }
        let width = rules.map(\.id.count).max() ?? 0
        for r in rules {
            let pad = String(repeating: " ", count: width - r.id.count)
            Terminal.write(
                "\(r.id)\(pad)  \(r.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(r.summary[language])\n"
            )
        }
    }
}
