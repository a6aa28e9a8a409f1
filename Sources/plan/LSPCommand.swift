import ArgumentParser
import Foundation
import PlanLSP

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "A Language Server (stdio) for editors: diagnostics while typing, unit completion, quick fixes.",
        discussion: """
            Máy chủ LSP cho trình soạn thảo: báo lỗi ngay khi gõ, gợi ý tên đơn vị, sửa nhanh.

            Editors start it and talk to it over standard input and output; see the README for VS Code, \
            Neovim and Helix.
            """
    )

    func run() throws {
        let code = LanguageServer(version: Plan.configuration.version).run()
        Terminal.finish(status: code)
    }
}
