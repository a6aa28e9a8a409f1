import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: HelpText.string(
            Localized(en: "Git hooks that check every commit.", vi: "Hook của git kiểm tra mọi commit.")),
        subcommands: [Install.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.string(
                Localized(
                    en: "Make git run the workspace's hooks (.githooks) on every commit.",
                    vi: "Cho git chạy các hook của thư mục kế hoạch (.githooks) ở mỗi commit.")),
            discussion: HelpText.string(
                Localized(
                    en: """
                        Sets core.hooksPath to .githooks, writes the hooks that are missing and records the path of \
                        the plan program (git config plan.path), so that the hooks run from git programs with a graphical \
                        interface too.
                        """,
                    vi: """
                        Cài hook cho git: đặt core.hooksPath là .githooks, tạo các hook còn thiếu và ghi lại đường dẫn \
                        của chương trình plan (git config plan.path), để hook chạy được cả từ các phần mềm git có giao diện.
                        """))
        )

        @OptionGroup var options: WorkspaceOptions

        @Flag(
            name: .long,
            help: HelpText.help(
                Localized(
                    en: "Replace a core.hooksPath that points elsewhere.",
                    vi: "Thay core.hooksPath đang trỏ đến nơi khác.")))
        var force = false

        func run() throws {
            let here = FileManager.default.currentDirectoryPath
            let workspace = try RepoWorkspace.locate(from: here, workspace: options.workspace)
            let root = try options.root()
            let language = options.language(try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: root)))
            try HookInstaller.install(workspace: workspace, root: root, binary: executablePath(), force: force) { m in
                Terminal.write(m.render(language) + "\n")
            }
        }

    }
}

/// The absolute path of the running program, resolved through links: what the hooks run.
func executablePath() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
}
