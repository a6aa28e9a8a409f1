import ArgumentParser
import Foundation
import PlanGit
import PlanKit
import PlanRepo

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: HelpText.string(
            Localized(
                en: "Git hooks that check every commit, and every push on a server.",
                vi: "Hook của git kiểm tra mọi commit, và mọi lần đẩy (push) lên máy chủ.")),
        subcommands: [Install.self, PreReceive.self]
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
                        interface too. With --server REPO.git: installs the pre-receive hook into a bare repository of a \
                        git server: hooks/pre-receive.d/ (Gitea, Forgejo), custom_hooks/pre-receive.d/ (GitLab) or \
                        hooks/pre-receive; it never overwrites a pre-receive hook that is not plan's.
                        """,
                    vi: """
                        Cài hook cho git: đặt core.hooksPath là .githooks, tạo các hook còn thiếu và ghi lại đường dẫn \
                        của chương trình plan (git config plan.path), để hook chạy được cả từ các phần mềm git có giao diện. \
                        Với --server REPO.git: cài hook pre-receive vào kho trống (bare) trên máy chủ git: \
                        hooks/pre-receive.d/ (Gitea, Forgejo), custom_hooks/pre-receive.d/ (GitLab) hoặc hooks/pre-receive; \
                        không bao giờ ghi đè một hook pre-receive không phải của plan.
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

        @Option(
            name: .long,
            help: HelpText.help(
                Localized(
                    en: "Install the pre-receive hook into this bare repository of a git server instead.",
                    vi: "Cài hook pre-receive vào kho trống (bare) này của máy chủ git.")))
        var server: String?

        @Option(
            name: .long,
            help: HelpText.help(
                Localized(
                    en: "With --server: auto (default), gitea (Gitea, Forgejo), gitlab or plain.",
                    vi: "Cùng --server: auto (mặc định), gitea (Gitea, Forgejo), gitlab hoặc plain.")))
        var layout: ServerHookInstaller.Layout = .auto

        func run() throws {
            if let server {
                let language = options.language(nil)
                let path = URL(fileURLWithPath: server).standardizedFileURL.path
                try ServerHookInstaller.install(repository: path, binary: executablePath(), layout: layout) { m in
                    Terminal.write(m.render(language) + "\n")
                }
                return
            }
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

extension ServerHookInstaller.Layout: ExpressibleByArgument {}

extension HookCommand {
    /// What the server's pre-receive hook runs: the plan check of every pushed commit, then who may
    /// change what (`authorization` in plan.yaml).
    struct PreReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-receive",
            abstract: HelpText.string(
                Localized(
                    en: "Check a push on the server (run by the pre-receive hook; reads git's ref updates).",
                    vi: "Kiểm tra một lần đẩy trên máy chủ (do hook pre-receive chạy; đọc các cập nhật ref của git).")),
            discussion: HelpText.string(
                Localized(
                    en: """
                        Reads "<old> <new> <ref>" lines on standard input, as git gives a pre-receive hook. Each pushed \
                        commit is checked like plan check --range; then, when plan.yaml on the default branch sets \
                        authorization to warn or enforce, each change is held against the pusher's rights: progress \
                        fields and the body need a member of the item's lead unit, lead, support, timeframe, adding \
                        and deleting items need an admin. The pusher comes from the server: GITEA_PUSHER_NAME and \
                        GITEA_PUSHER_EMAIL (Gitea, Forgejo), GL_USERNAME (GitLab) or PLAN_PUSHER (plain ssh).
                        """,
                    vi: """
                        Đọc các dòng "<cũ> <mới> <ref>" từ đầu vào chuẩn, như git đưa cho hook pre-receive. Mỗi commit \
                        được kiểm tra như plan check --range; sau đó, khi plan.yaml ở nhánh mặc định đặt authorization \
                        là warn hoặc enforce, mỗi thay đổi được đối chiếu với quyền của người đẩy: các trường tiến độ và \
                        nội dung cần thành viên của đơn vị chủ trì; chủ trì, phối hợp, thời gian, thêm và xoá nhiệm vụ \
                        cần quản trị viên. Người đẩy do máy chủ cho biết: GITEA_PUSHER_NAME và GITEA_PUSHER_EMAIL \
                        (Gitea, Forgejo), GL_USERNAME (GitLab) hoặc PLAN_PUSHER (ssh thường).
                        """))
        )

        @Option(name: .long, help: HelpText.help(HelpText.lang))
        var lang: Language?

        @Option(name: .long, help: HelpText.help(HelpText.today))
        var today: CivilDate?

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let updates = RefUpdate.parse(
                String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
            let workspace = try RepoWorkspace.locate(
                from: FileManager.default.currentDirectoryPath, environment: environment)
            let day = today ?? .today()
            let authorizer = PushAuthorizer(workspace: workspace, today: day)
            let policy = try authorizer.policy()
            let language = Language.resolve(flag: lang, workspace: policy?.config.locale)
            let gitlab = Pusher.isGitLab(environment: environment)
            func say(_ m: Message) { Terminal.error((gitlab ? "GL-HOOK-ERR: " : "") + m.render(language)) }

            // Errors in the pushed commits, as plan check --range shows them.
            var failed = false
            let checker = ChangeChecker(workspace: workspace, options: CheckOptions(today: day), facts: FactsCache())
            for update in updates {
                guard let new = update.new else { continue }
                let spec = (update.old?.description ?? String(repeating: "0", count: 40)) + ".." + new.description
                try checker.range(spec) { commit, result in
                    guard !result.diagnostics.isEmpty else { return }
                    Terminal.error(Message(.rangeCommit, commit.id.short, commit.summary).render(language))
                    Terminal.error(TextReporter(language: language, colour: false).lines(result))
                    if result.errors > 0 { failed = true }
                }
            }
            if failed { say(Message(.hookPushBlocked)) }

            // Who may change what.
            if let policy, policy.mode != .off {
                let pusher = Pusher.from(environment: environment)
                let name = pusher?.display ?? Message(.accessPusher).render(language)
                let refusals = try authorizer.refusals(updates, policy: policy, pusher: pusher)
                let count = refusals.reduce(0) { $0 + $1.violations.count }
                if count > 0 {
                    if pusher == nil { say(Message(.accessNoPusher)) }
                    for r in refusals {
                        for v in r.violations { say(v.message(commit: r.commit.id.short, pusher: name)) }
                    }
                    if policy.mode == .enforce {
                        say(Message(.accessRejected, String(count), name))
                        failed = true
                    } else {
                        say(Message(.accessWarned, String(count), name))
                    }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}

/// The absolute path of the running program, resolved through links: what the hooks run.
func executablePath() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
}
