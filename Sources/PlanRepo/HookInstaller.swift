import Foundation
import PlanGit
import PlanKit

/// Makes git run the workspace's hooks: `core.hooksPath`, the scripts, and `plan.path` (this binary).
public enum HookInstaller {
    /// `binary`: the program the hooks run (`git config plan.path`), so that they work from git
    /// programs with a graphical interface too, whose PATH may not have it.
    public static func install(
        workspace: RepoWorkspace, root: String, binary: String, force: Bool, say: (Message) -> Void
    ) throws {
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
        try repo.setConfig("plan.path", binary)
        say(Message(.hookBinaryRecorded, binary))
        for name in ["pre-commit", "prepare-commit-msg"] {
            let old = repo.gitDir + "/hooks/" + name
            if FileManager.default.isExecutableFile(atPath: old) {
                say(Message(.hookOldIgnored, String(old.dropFirst(workdir.count + 1)), hooksPath))
            }
        }
    }
}

/// Writes the hook scripts that are missing and keeps the ones a user has changed.
public enum HookFiles {
    public static let scripts: [(name: String, text: String)] = [
        ("pre-commit", HookScripts.preCommit), ("prepare-commit-msg", HookScripts.prepareCommitMessage),
    ]

    public static func write(into folder: String, display: String, say: (Message) -> Void) throws {
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

/// Installs the pre-receive hook into a bare repository a git server keeps.
public enum ServerHookInstaller {
    /// Where the hook goes: Gitea and Forgejo run every executable of `hooks/pre-receive.d/` (their own
    /// `hooks/pre-receive` does); GitLab runs `custom_hooks/pre-receive.d/`; a plain server `hooks/pre-receive`.
    public enum Layout: String, Sendable, CaseIterable { case auto, gitea, gitlab, plain }

    /// The file written, as a path under the repository.
    @discardableResult
    public static func install(
        repository path: String, binary: String, layout: Layout = .auto, say: (Message) -> Void
    ) throws -> String {
        let repo = try Repository.open(at: path)
        guard repo.isBare else { throw PlanError.other(Message(.serverHookNotBare, path)) }
        let root = repo.gitDir.hasSuffix("/") ? String(repo.gitDir.dropLast()) : repo.gitDir
        let fm = FileManager.default
        var isDir: ObjCBool = false
        func folder(_ p: String) -> Bool {
            fm.fileExists(atPath: root + "/" + p, isDirectory: &isDir) && isDir.boolValue
        }
        let chosen: Layout =
            layout != .auto
            ? layout
            : folder("hooks/pre-receive.d") ? .gitea : folder("custom_hooks") ? .gitlab : .plain
        let relative =
            switch chosen {
            case .gitea: "hooks/pre-receive.d/plan"
            case .gitlab: "custom_hooks/pre-receive.d/plan"
            case .plain, .auto: "hooks/pre-receive"
            }
        let target = root + "/" + relative
        let text = HookScripts.serverPreReceive(binary: binary)
        if let existing = fm.contents(atPath: target) {
            guard String(decoding: existing, as: UTF8.self).contains(HookScripts.serverMarker) else {
                throw PlanError.other(Message(.serverHookForeign, relative))
            }
            try AtomicFile.write(text, to: target, defaultPermissions: 0o755)
            say(Message(.serverHookKept, relative))
            return relative
        }
        try fm.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(text, to: target, defaultPermissions: 0o755)
        chmod(target, 0o755)
        say(Message(.serverHookWritten, relative))
        return relative
    }
}
