import Foundation

/// The read-only material next to the repository (`../shared`): the official JSON Schema test suite,
/// the SARIF schema, the seed plan. `PLAN_SHARED_DIR` points elsewhere.
enum SharedFixtures {
    static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["PLAN_SHARED_DIR"] { return URL(fileURLWithPath: dir) }
        // Tests/PlanKitTests/<this file> → repository root → its parent.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
