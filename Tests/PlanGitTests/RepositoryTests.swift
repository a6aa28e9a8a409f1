import Foundation
import Testing
@testable import PlanGit
import TestSupport

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

