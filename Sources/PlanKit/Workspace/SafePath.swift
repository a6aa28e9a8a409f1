import Foundation

/// Where commands that write may write: inside the workspace, through no symbolic link and no `..`.
public enum SafePath {
    /// Refuses a workspace-relative path that is absolute, has `.`/`..`/empty parts, or passes through
    /// a symbolic link on disk (a link could lead the write out of the workspace).
    public static func check(_ relative: String, root: String) throws(PlanError) {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw PlanError.other(Message(.importUnsafePath, relative))
        }
        var path = root
        for part in parts {
            path += "/" + part
            guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            else { return }
            if type == .typeSymbolicLink { throw PlanError.other(Message(.importUnsafePath, relative)) }
        }
    }

    /// The file a workspace path names, through symbolic links, which must stay in the workspace: a
    /// link inside the workspace stays a link when the file it points to is rewritten.
    public static func target(of file: String, root: String, shown: String) throws(PlanError) -> String {
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard real.hasPrefix(realRoot + "/") else { throw PlanError.other(Message(.importUnsafePath, shown)) }
        return real
    }
}
