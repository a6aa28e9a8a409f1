import Foundation
import TestSupport
import Testing

@testable import PlanGit

@Suite struct RepositoryTests {
    @Test func discoversFromASubfolder() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path)
        #expect(repo.workdir == dir.path)
        try FileManager.default.createDirectory(atPath: dir.path + "/a/b", withIntermediateDirectories: true)
        let found = try Repository.discover(from: dir.path + "/a/b")
        #expect(found.workdir == dir.path)
        #expect(!found.isBare)
    }

    @Test func notARepositoryIsNotFoundWithLibgit2sMessage() throws {
        let dir = try TemporaryDirectory()
        #expect {
            _ = try Repository.open(at: dir.path)
        } throws: { error in
            guard let e = error as? GitError else { return false }
            return e.code == .notFound && e.message.contains("could not find repository")
        }
    }

    @Test func bareRepository() throws {
        let dir = try TemporaryDirectory()
        _ = try Repository.create(at: dir.path + "/r.git", bare: true)
        let repo = try Repository.open(at: dir.path + "/r.git")
        #expect(repo.isBare)
        #expect(repo.workdir == nil)
    }
}

@Suite struct IndexTreeTests {
    /// How the index was left before the change is staged: as a commit leaves it (the cache-tree valid
    /// but for the paths `git add` touches), in format 4 (paths compressed), or with no cache-tree
    /// (every tree computed).
    enum Prepared: CaseIterable { case committed, version4, noCacheTree }

    /// The tree ids computed from the index are git's own (`git write-tree`), and comparing with HEAD
    /// finds exactly what `git diff --cached` finds.
    @Test(arguments: Prepared.allCases) func matchesGitWriteTreeAndDiffCached(_ prepared: Prepared) throws {
        let dir = try TemporaryDirectory()
        try Git.must(["init", "-q", "-b", "main"], in: dir.path)
        if prepared == .version4 { try Git.must(["config", "index.version", "4"], in: dir.path) }
        for p in [
            "a.md", "a-b/x.md", "a/b/c.md", "a/b.md", "a0", "z/y/x/w.md", "z/y/v.md", "exe.sh", "tên có dấu/tệp.md",
        ] {
            try dir.write(p, "nội dung \(p)\n")
        }
        chmod(dir.path + "/exe.sh", 0o755)
        try Git.must(["add", "-A"], in: dir.path)
        try Git.must(["commit", "-q", "-m", "x"], in: dir.path)
        if prepared == .noCacheTree {
            try Git.must(["rm", "-q", "-r", "--cached", "."], in: dir.path)
            try Git.must(["add", "-A"], in: dir.path)
        }
        try dir.write("a/b/c.md", "đổi\n")
        try dir.write("a/b/new.md", "mới\n")
        try dir.remove("z/y/x/w.md")
        // By path: `git add -A` may re-add files written in the same second as the index, which
        // invalidates their directories too.
        try Git.must(["add", "a/b/c.md", "a/b/new.md", "z/y/x/w.md"], in: dir.path)
        let repo = try Repository.open(at: dir.path)
        let index = try repo.openIndex()
        // A directory the change did not touch is taken from the index's own record.
        #expect((CacheTree.read(index)["a-b"] != nil) == (prepared != .noCacheTree))
        #expect(CacheTree.read(index)["a/b"] == nil)
        let tree = try #require(IndexTree(index))
        let expected = try Git.must(["write-tree"], in: dir.path).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tree.rootID.description == expected)
        let head = try repo.commit(try #require(try repo.head())).tree
        let changed = try repo.changedFiles(from: head, to: tree).map(\.path).sorted()
        let git = try Git.must(["-c", "core.quotepath=false", "diff", "--cached", "--name-only"], in: dir.path)
            .split(separator: "\n").map(String.init).sorted()
        #expect(changed == git)
    }
}
