import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Git hooks that check every commit.",
        subcommands: [Install.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make git run the workspace's hooks (.githooks) on every commit.",
            discussion: """
                Cài hook cho git: đặt core.hooksPath là .githooks, tạo các hook còn thiếu và ghi lại đường dẫn \
                của chương trình plan (git config plan.path), để hook chạy được cả từ các phần mềm git có giao diện.
                """
        )

        @OptionGroup var options: WorkspaceOptions

        @Flag(name: .long, help: "Replace a core.hooksPath that points elsewhere.")
        var force = false

        func run() throws {
            let here = FileManager.default.currentDirectoryPath
            let workspace = try Repo.locate(here, options.workspace)
            let root = try options.root()
            let language = options.language(try? WorkspaceLoader.loadConfig(from: DirectoryFileSource(root: root)))
            try HookInstaller.install(workspace: workspace, root: root, force: force) { m in
                Terminal.write(m.render(language) + "\n")
            }
        }

    }
}

/// Makes git run the workspace's hooks: `core.hooksPath`, the scripts, and `plan.path` (this binary).
enum HookInstaller {
    static func install(workspace: RepoWorkspace, root: String, force: Bool, say: (Message) -> Void) throws {
        do {
            let repo = try workspace.open()
            guard let workdir = repo.workdir else { throw PlanError.other(Message(.hookBare, repo.gitDir)) }
            let hooksPath = workspace.repoPath(".githooks")
            // Refused before anything changes: a hooks folder that leads out of the workspace.
            for (name, _) in HookFiles.scripts { try SafePath.check(".githooks/" + name, root: root) }
            let current = try repo.config("core.hooksPath")
            if let current, current == hooksPath || current == hooksPath + "/" {
                say(Message(.hookPathKept, hooksPath))
            } else if let current, !force {
                throw PlanError.other(Message(.hookPathRefused, current, hooksPath))
            } else {
                try repo.setConfig("core.hooksPath", hooksPath)
                say(Message(.hookPathSet, hooksPath))
            }
            try HookFiles.write(into: root + "/.githooks", display: hooksPath, say: say)
            let binary = executablePath()
            try repo.setConfig("plan.path", binary)
            say(Message(.hookBinaryRecorded, binary))
            for name in ["pre-commit", "prepare-commit-msg"] {
                let old = repo.gitDir + "/hooks/" + name
                if FileManager.default.isExecutableFile(atPath: old) {
                    say(Message(.hookOldIgnored, String(old.dropFirst(workdir.count + 1)), hooksPath))
                }
            }
        } catch let error as GitError {
            throw PlanError.other(Message(.gitError, error.description))
        }
    }

    /// The absolute path of the running program, resolved through links.
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Writes the hook scripts that are missing and keeps the ones a user has changed.
enum HookFiles {
    static let scripts: [(name: String, text: String)] = [
        ("pre-commit", HookScripts.preCommit), ("prepare-commit-msg", HookScripts.prepareCommitMessage),
    ]

    static func write(into folder: String, display: String, say: (Message) -> Void) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in scripts {
            let path = folder + "/" + name
            if let existing = FileManager.default.contents(atPath: path) {
                if String(decoding: existing, as: UTF8.self) != text {
                    say(Message(.hookKept, display + "/" + name))
                } else if !FileManager.default.isExecutableFile(atPath: path) {
                    chmod(path, 0o755)
                }
                continue
            }
            try AtomicFile.write(text, to: path, defaultPermissions: 0o755)
            say(Message(.hookWritten, display + "/" + name))
        }
    }
}
