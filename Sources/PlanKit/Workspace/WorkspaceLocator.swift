import Foundation

/// Finds the workspace root: the nearest folder at or above the start that has a `plan.yaml`,
/// the way git finds `.git`.
public enum WorkspaceLocator {
    public static func find(from start: String) throws(PlanError) -> String {
        var dir = URL(fileURLWithPath: start).standardizedFileURL.path
        while true {
            if FileManager.default.fileExists(atPath: dir + "/" + WorkspaceConfig.fileName) { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { throw PlanError.notAWorkspace(start) }
            dir = parent
        }
    }
}
