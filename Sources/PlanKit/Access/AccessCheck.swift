import Foundation

/// The rules of a shared plan repository: who may change what. Read from the repository's own
/// configuration on the server (never from the commits being pushed, which could change them).
public struct AccessPolicy: Sendable {
    public let mode: WorkspaceConfig.Authorization
    public let admins: [String]
    public let registry: UnitRegistry
    public let config: WorkspaceConfig
    /// The day unit lifetimes are read at: a member of a unit's successor may report for it once it ended.
    public let today: CivilDate

    public init(config: WorkspaceConfig, registry: UnitRegistry, today: CivilDate) {
        mode = config.authorization
        admins = config.admins
        self.registry = registry
        self.config = config
        self.today = today
    }

    public func isAdmin(_ pusher: Pusher?) -> Bool { pusher?.isIn(admins) ?? false }

    /// A member of the unit, or of the unit that carries its work today (after a merger).
    public func isMember(_ pusher: Pusher?, of unit: Unit) -> Bool {
        guard let pusher else { return false }
        return pusher.isIn(unit.members) || pusher.isIn(registry.current(unit, on: today).members)
    }

    /// Files only an admin may change: the configuration, the schema, the registry (it holds the
    /// members) and the plans' headers.
    public func isGoverned(_ path: String) -> Bool {
        path == WorkspaceConfig.fileName || path == config.unitsPath || path == config.schemaPath
            || WorkspacePath.isPlanHeader(path, plansPath: config.plansPath)
    }
}

/// One change a pusher may not make.
public struct AccessViolation: Sendable, Hashable {
    public enum Need: Sendable, Hashable {
        /// Only an admin may make it.
        case admin
        /// A member of the item's lead unit (by its registered name) or an admin.
        case leadMember(String)
    }

    /// Workspace path of the file.
    public let path: String
    /// The item's id, nil for a file that is not an item.
    public let item: String?
    /// The field changed: a front-matter key, `body`, or `item` for an item added, removed or moved.
    public let field: String
    public let change: ItemChange.Kind?
    public let need: Need

    public init(path: String, item: String?, field: String, change: ItemChange.Kind?, need: Need) {
        self.path = path
        self.item = item
        self.field = field
        self.change = change
        self.need = need
    }

    /// What to tell the pusher, naming the commit.
    public func message(commit: String, pusher: String) -> Message {
        switch need {
        case .admin:
            switch change {
            case .added?:
                return Message(.accessAddNeedsAdmin, commit, Catalogue.quote(item ?? path), path, pusher)
            case .removed?:
                return Message(.accessRemoveNeedsAdmin, commit, Catalogue.quote(item ?? path), path, pusher)
            case .moved?:
                return Message(.accessMoveNeedsAdmin, commit, Catalogue.quote(item ?? path), path, pusher)
            default:
                guard let item else { return Message(.accessFileNeedsAdmin, commit, path, pusher) }
                return Message(
                    .accessFieldNeedsAdmin, commit, Catalogue.quote(field), Catalogue.quote(item), path, pusher)
            }
        case .leadMember(let unit):
            return Message(
                .accessFieldNeedsMember, commit, Catalogue.quote(field), Catalogue.quote(item ?? path), path, pusher,
                Catalogue.quote(unit))
        }
    }
}

/// Decides, for the changes of one commit against one parent, which the pusher may not make.
public enum AccessCheck {
    /// Fields that change what was planned, not how it went: only an admin changes them.
    public static let plannedFields: Set<String> = ["id", "lead", "support", "timeframe", "due"]

    /// `changes`: the item changes (from `ItemDiff`); `old`: the parent's versions by path, for the lead
    /// whose members may report; `files`: the other workspace files the commit changed.
    public static func violations(
        changes: [ItemChange], old: [String: ItemVersion], files: [String], policy: AccessPolicy, pusher: Pusher?
    ) -> [AccessViolation] {
        if policy.isAdmin(pusher) { return [] }
        var out: [AccessViolation] = []
        for path in files where policy.isGoverned(path) {
            out.append(AccessViolation(path: path, item: nil, field: "file", change: nil, need: .admin))
        }
        for c in changes {
            switch c.kind {
            case .added, .removed, .moved:
                out.append(AccessViolation(path: c.path, item: c.item, field: "item", change: c.kind, need: .admin))
                continue
            case .modified: break
            }
            let before = old[c.path]
            let leadText = before.flatMap { ItemDiff.leadText($0) }
            let lead = leadText.flatMap { policy.registry.lookup($0) ?? policy.registry.resolve($0).unit }
            let mayReport = lead.map { policy.isMember(pusher, of: $0) } ?? false
            for f in c.fields {
                if plannedFields.contains(f.field) && !isRespellingOnly(f) {
                    out.append(
                        AccessViolation(path: c.path, item: c.item, field: f.field, change: .modified, need: .admin))
                } else if !mayReport {
                    let need: AccessViolation.Need =
                        lead.map { .leadMember($0.name) } ?? (leadText.map { .leadMember($0) } ?? .admin)
                    out.append(
                        AccessViolation(path: c.path, item: c.item, field: f.field, change: .modified, need: need))
                }
            }
        }
        return out
    }

    /// A unit field whose units stay the same, only written another way.
    static func isRespellingOnly(_ f: FieldChange) -> Bool {
        if case .units(let added, let removed, let respelled) = f.detail {
            return respelled && added.isEmpty && removed.isEmpty
        }
        return false
    }
}
