import ArgumentParser
import Foundation
import PlanKit
import PlanLSP

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: HelpText.string(
            Localized(
                en: "A Language Server (stdio) for editors: diagnostics while typing, unit completion, quick fixes.",
                vi:
                    "Máy chủ ngôn ngữ (LSP, qua stdio) cho trình soạn thảo: báo lỗi khi gõ, gợi ý tên đơn vị, sửa nhanh."
            )),
        discussion: HelpText.string(
            Localized(
                en: """
                    Editors start it and talk to it over standard input and output; see the README for VS Code, \
                    Neovim and Helix.
                    """,
                vi: """
                    Trình soạn thảo tự khởi động nó và trao đổi qua đầu vào, đầu ra chuẩn; xem README để dùng với \
                    VS Code, Neovim và Helix.
                    """))
    )

    func run() throws {
        let code = LanguageServer(version: Plan.configuration.version).run()
        Terminal.finish(status: code)
    }
}
