import Foundation
import Testing
@testable import PlanGit

@Suite struct RepositoryTests {
    @Test func discoversFromASubfolder() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path)
        #expect(repo.workdir == dir.realPath)
        try FileManager.default.createDirectory(atPath: dir.path + "/a/b", withIntermediateDirectories: true)
        let found = try Repository.discover(from: dir.path + "/a/b")
        #expect(found.workdir == dir.realPath)
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

/// A fresh folder, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("plan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    var realPath: String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
