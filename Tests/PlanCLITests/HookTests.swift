import Foundation
import PlanKit
import TestSupport
import Testing

/// The hooks, run by git itself with the real binary.
@Suite struct HookTests {
    static let item = ExampleWorkspace.itemPath

    func installedRepository() throws -> TemporaryDirectory {
        let dir = try Git.exampleRepository()
        let out = try PlanBinary.run(["hook", "install", "--lang", "en"], in: dir.path, environment: Git.environment)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("set core.hooksPath to .githooks"))
        #expect(out.stdout.contains("wrote .githooks/pre-commit"))
        #expect(try Git.must(["config", "core.hooksPath"], in: dir.path) == ".githooks\n")
        return dir
    }

    func commit(_ dir: TemporaryDirectory, _ args: [String] = [], environment: [String: String] = [:]) throws
        -> PlanBinary.Output
    {
        try Git.run(["commit", "-m", "Cập nhật"] + args, in: dir.path, environment: environment)
    }

    @Test func goodCommitPassesBadCommitIsStoppedWithTheWayAround() throws {
        let dir = try installedRepository()
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress"]))
        try Git.must(["add", "-A"], in: dir.path)
        #expect(try commit(dir).status == 0)

        let bad = ExampleWorkspace.item(["lead: Phòng Không Có"])
        try dir.write(Self.item, bad)
        try Git.must(["add", "-A"], in: dir.path)
        let out = try commit(dir)
        #expect(out.status != 0)
        #expect((out.stdout + out.stderr).contains("\(Self.item):4:7: error[unit-unknown]"))
        #expect(out.stderr.contains("git commit --no-verify"))
        #expect(try dir.read(Self.item) == bad)
        #expect(try Git.must(["log", "--oneline"], in: dir.path).split(separator: "\n").count == 2)
    }

    /// `git commit -a` and `git commit <path>` give the hook a temporary index: that is what is checked.
    @Test func commitAllChecksTheTemporaryIndex() throws {
        let dir = try installedRepository()
        try dir.write(Self.item, ExampleWorkspace.item(["status: sai"]))
        #expect(try commit(dir, ["-a"]).status != 0)
        #expect(try commit(dir, [Self.item]).status != 0)
        try dir.write(Self.item, ExampleWorkspace.item(["status: in-progress"]))
        #expect(try commit(dir, ["-a"]).status == 0)
    }

    @Test func findsPlanWithAShortPath() throws {
        let dir = try installedRepository()
        try dir.write(Self.item, ExampleWorkspace.item(["status: sai"]))
        try Git.must(["add", "-A"], in: dir.path)
        // As a graphical client runs git: no plan in PATH. The recorded path is used.
        let out = try commit(dir, environment: ["PATH": "/usr/bin:/bin"])
        #expect(out.status != 0)
        #expect((out.stdout + out.stderr).contains("error[schema-enum]"))
    }

    @Test func missingProgramDoesNotBlockCommits() throws {
        let dir = try installedRepository()
        try Git.must(["config", "--unset", "plan.path"], in: dir.path)
        try dir.write(Self.item, ExampleWorkspace.item(["status: sai"]))
        try Git.must(["add", "-A"], in: dir.path)
        let out = try commit(dir, environment: ["PATH": "/usr/bin:/bin"])
        #expect(out.status == 0)
        #expect(out.stderr.contains("the plan program was not found"))
    }

    @Test func installRefusesAnotherHooksPathWithoutForce() throws {
        let dir = try Git.exampleRepository()
        try Git.must(["config", "core.hooksPath", "tools/hooks"], in: dir.path)
        let refused = try PlanBinary.run(["hook", "install", "--lang", "en"], in: dir.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("core.hooksPath is already tools/hooks"))
        #expect(try Git.must(["config", "core.hooksPath"], in: dir.path) == "tools/hooks\n")
        let forced = try PlanBinary.run(["hook", "install", "--force", "--lang", "en"], in: dir.path)
        #expect(forced.status == 0)
        #expect(try Git.must(["config", "core.hooksPath"], in: dir.path) == ".githooks\n")
        // Installing again changes nothing and says so.
        let again = try PlanBinary.run(["hook", "install", "--lang", "en"], in: dir.path)
        #expect(again.stdout.contains("core.hooksPath is already .githooks"))
    }

    @Test func repositoryWithoutWorkspaceIsAClearError() throws {
        let dir = try TemporaryDirectory()
        try Git.must(["init", "-q"], in: dir.path)
        try dir.write("notes.md", "x\n")
        try Git.must(["add", "-A"], in: dir.path)
        let out = try PlanBinary.run(["check", "--staged", "--lang", "en"], in: dir.path)
        #expect(out.status == 2)
        #expect(out.stderr.contains("plan.yaml"))
    }

    @Test func notARepositoryIsAClearError() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let out = try PlanBinary.run(
            ["check", "--staged", "--lang", "en"], in: dir.path,
            environment: ["GIT_CEILING_DIRECTORIES": dir.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("not a git repository"))
    }

    /// The repository's hook scripts are the ones plan writes.
    @Test func bundledHooksAreTheDefaults() throws {
        let root = PlanBinary.repositoryRoot.path
        #expect(try String(contentsOfFile: root + "/.githooks/pre-commit", encoding: .utf8) == HookScripts.preCommit)
        #expect(try String(contentsOfFile: root + "/.githooks/pre-receive", encoding: .utf8) == HookScripts.preReceive)
        #expect(
            try String(contentsOfFile: root + "/.githooks/prepare-commit-msg", encoding: .utf8)
                == HookScripts.prepareCommitMessage)
    }
}

/// The server side: a bare repository with the pre-receive hook refuses a push that brings errors.
@Suite struct PreReceiveTests {
    @Test func badPushIsRejectedGoodPushIsAccepted() throws {
        let server = try TemporaryDirectory()
        try Git.must(["init", "-q", "--bare", "-b", "main", server.path + "/plan.git"], in: server.path)
        let hook = server.path + "/plan.git/hooks/pre-receive"
        try HookScripts.preReceive.write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o755)
        try Git.must(["config", "plan.path", PlanBinary.url.path], in: server.path + "/plan.git")

        let dir = try Git.exampleRepository()
        try Git.must(["remote", "add", "origin", server.path + "/plan.git"], in: dir.path)
        let first = try Git.run(["push", "-q", "origin", "main"], in: dir.path)
        #expect(first.status == 0, "\(first.stderr)")

        try dir.write(ExampleWorkspace.itemPath, ExampleWorkspace.item(["timeframe: Trước ngày 31/2/2022"]))
        try Git.must(["commit", "-q", "-am", "Dời hạn"], in: dir.path)
        let rejected = try Git.run(["push", "origin", "main"], in: dir.path, environment: ["LANG": "C.UTF-8"])
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("error[timeframe-invalid-date]"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("pre-receive hook declined"))

        // A new branch carrying the bad commit is refused too (its old id is forty zeros).
        let branch = try Git.run(["push", "origin", "HEAD:refs/heads/nhanh-moi"], in: dir.path)
        #expect(branch.status != 0)

        try dir.write(ExampleWorkspace.itemPath, ExampleWorkspace.item(["timeframe: Trước ngày 28/2/2022"]))
        try Git.must(["commit", "-q", "-am", "Sửa ngày"], in: dir.path)
        // Each pushed commit is checked, so the bad one in the middle still refuses the push.
        #expect(try Git.run(["push", "origin", "main"], in: dir.path).status != 0)
        try Git.must(["reset", "-q", "--hard", "origin/main"], in: dir.path)
        try dir.write(ExampleWorkspace.itemPath, ExampleWorkspace.item(["timeframe: Trước ngày 28/2/2022"]))
        try Git.must(["commit", "-q", "-am", "Dời hạn đúng"], in: dir.path)
        let accepted = try Git.run(["push", "origin", "main"], in: dir.path)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}
