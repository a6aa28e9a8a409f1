/// Who is pushing, as the git server says: never the commits' authors, which anyone can write.
public struct Pusher: Sendable, Hashable {
    public enum Server: String, Sendable { case gitea, gitlab, ssh }

    /// The names the server gives (user name, email), non-empty, in the server's order.
    public let identities: [String]
    public let server: Server

    public init(identities: [String], server: Server) {
        self.identities = identities
        self.server = server
    }

    /// Gitea and Forgejo set `GITEA_PUSHER_NAME` and `GITEA_PUSHER_EMAIL`; GitLab `GL_USERNAME`; a plain
    /// ssh server `PLAN_PUSHER`, from the `command=` of each key in `authorized_keys`. Nil when none is set.
    public static func from(environment env: [String: String]) -> Pusher? {
        func value(_ key: String) -> String? {
            guard let v = env[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        let gitea = [value("GITEA_PUSHER_NAME"), value("GITEA_PUSHER_EMAIL")].compactMap { $0 }
        if !gitea.isEmpty { return Pusher(identities: gitea, server: .gitea) }
        if let gl = value("GL_USERNAME") { return Pusher(identities: [gl], server: .gitlab) }
        if let ssh = value("PLAN_PUSHER") { return Pusher(identities: [ssh], server: .ssh) }
        return nil
    }

    /// Whether GitLab runs the hook: its UI shows only hook messages prefixed `GL-HOOK-ERR:`.
    public static func isGitLab(environment env: [String: String]) -> Bool {
        env["GL_ID"] != nil || env["GL_USERNAME"] != nil || env["GL_PROTOCOL"] != nil
    }

    public var display: String { identities.joined(separator: " / ") }

    /// Whether one of `entries` (members, admins) names this pusher; letter case does not matter.
    public func isIn(_ entries: [String]) -> Bool {
        let mine = Set(identities.map { $0.lowercased() })
        return entries.contains { mine.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }
    }
}
