import Foundation
import Testing

@testable import PlanKit

/// Units over time: `from`, `until`, `successor`, `members` in the registry, and what reads them.
@Suite struct UnitLifetimeTests {
    static let yaml = """
        units:
          - id: ban-tg
            name: Ban Tuyên giáo
            until: 30/6/2025
            successor: ban-tgdv
            members: [lan, lan@example.org]
          - id: ban-dv
            name: Ban Dân vận
            until: 2025-06-30
            successor: ban-tgdv
          - id: ban-tgdv
            name: Ban Tuyên giáo và Dân vận
            from: 2025-07-01
            members: [minh]
          - id: so-tttt
            name: Sở Thông tin và Truyền thông
        """

    func registry(_ text: String = yaml) throws -> UnitRegistry {
        try UnitRegistryFile.parse(path: "schemas/units.yaml", bytes: Array(text.utf8))
    }

    func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test func readsLifetimesInBothDateFormsAndMembers() throws {
        let r = try registry()
        let tg = try #require(r.unit(id: "ban-tg"))
        #expect(tg.until == day("2025-06-30"))
        #expect(tg.successor == "ban-tgdv")
        #expect(tg.members == ["lan", "lan@example.org"])
        #expect(r.unit(id: "ban-tgdv")?.from == day("2025-07-01"))
    }

    @Test func namesAsCalledOnADay() throws {
        let r = try registry()
        let tg = try #require(r.unit(id: "ban-tg"))
        #expect(r.name(of: tg, on: day("2025-06-30")) == "Ban Tuyên giáo")
        #expect(r.name(of: tg, on: day("2025-07-01")) == "Ban Tuyên giáo và Dân vận")
        #expect(r.name("Ban Dân vận", on: day("2026-01-01")) == "Ban Tuyên giáo và Dân vận")
        #expect(r.name("Ban Dân vận", on: nil) == "Ban Dân vận")
        #expect(r.units(on: day("2025-06-01")).map(\.id) == ["ban-tg", "ban-dv", "so-tttt"])
        #expect(r.units(on: day("2025-07-01")).map(\.id) == ["ban-tgdv", "so-tttt"])
    }

    @Test func badLifetimesAreConfigurationErrorsWithALine() {
        let cases: [(String, String, Int)] = [
            ("  - id: a\n    name: A\n    until: 31/2/2025\n", "‘until’ must be a date", 4),
            ("  - id: a\n    name: A\n    from: 2025-07-01\n    until: 2025-06-30\n", "ends (30/6/2025) before", 5),
            ("  - id: a\n    name: A\n    successor: b\n", "successor ‘b’ is not the id", 4),
            ("  - id: a\n    name: A\n    successor: a\n", "successor ‘a’ is not the id", 4),
            (
                "  - id: a\n    name: A\n    successor: b\n  - id: b\n    name: B\n    successor: a\n",
                "comes back", 4
            ),
            ("  - id: a\n    name: A\n    memberz: [x]\n", "memberz", 4),
        ]
        for (entries, text, line) in cases {
            do {
                _ = try registry("units:\n" + entries)
                Issue.record("accepted: \(entries)")
            } catch {
                guard let e = error as? PlanError, case .config(_, let l, _, let message) = e else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(message.render(.en).contains(text), "\(message.render(.en))")
                #expect(l == line, "\(entries)")
            }
        }
    }

    @Test func statusAndReportsNameUnitsAsOnTheirDay() throws {
        let r = try registry()
        let fields: JSONValue = [
            "id": "p/1.a", "title": "Việc", "lead": "Ban Tuyên giáo",
            "support": ["Ban Dân vận", "Sở Thông tin và Truyền thông"],
            "timeframe": "Năm 2025", "status": "in-progress",
        ]
        let before = ItemState(fields: fields, path: "plans/p/1.a.md", registry: r, on: day("2025-06-10"))
        #expect(before.lead == "Ban Tuyên giáo")
        let after = ItemState(fields: fields, path: "plans/p/1.a.md", registry: r, on: day("2025-12-10"))
        #expect(after.lead == "Ban Tuyên giáo và Dân vận")
        #expect(after.support == ["Ban Tuyên giáo và Dân vận", "Sở Thông tin và Truyền thông"])
    }

    @Test func theIssuerOfAReportIsNamedAsOnTheReportDate() throws {
        let r = try registry()
        let text = "---\nid: p\ntitle: Kế hoạch\nissuer: Ban Tuyên giáo\nperiod: 2021-2025\n---\n"
        let doc = try DocumentParser.parse(path: "plans/p/plan.md", bytes: Array(text.utf8)).get()
        let header = PlanHeader(document: doc, planID: "p")
        #expect(ReportIssuer(header: header, registry: r, on: day("2025-06-01")).issuer == "Ban Tuyên giáo")
        #expect(ReportIssuer(header: header, registry: r, on: day("2025-12-01")).issuer == "Ban Tuyên giáo và Dân vận")
        #expect(ReportIssuer(header: header).issuer == "Ban Tuyên giáo")
    }
}

/// Who may change what: the decisions of `AccessCheck` on item changes.
@Suite struct AccessCheckTests {
    func policy(_ mode: String = "enforce") throws -> AccessPolicy {
        let config = try WorkspaceConfig.parse(
            bytes: Array("authorization: \(mode)\nadmins: [Admin@Example.org]\n".utf8), ruleIDs: [:])
        let registry = try UnitRegistryFile.parse(path: "schemas/units.yaml", bytes: Array(UnitLifetimeTests.yaml.utf8))
        return AccessPolicy(config: config, registry: registry, today: CivilDate(iso: "2026-01-10")!)
    }

    func version(_ fields: JSONValue, body: String = "Nội dung.\n") -> ItemVersion {
        ItemVersion(path: "plans/p/1-a/1a.md", fields: fields, body: body)
    }

    let base: JSONValue = [
        "id": "p/1.a", "title": "Việc", "lead": "Ban Tuyên giáo", "timeframe": "Năm 2026", "status": "planned",
    ]

    func check(_ old: ItemVersion?, _ new: ItemVersion?, as who: [String]?, files: [String] = []) throws
        -> [AccessViolation]
    {
        let p = try policy()
        let changes = ItemDiff.changes(old: old.map { [$0] } ?? [], new: new.map { [$0] } ?? [], registry: p.registry)
        return AccessCheck.violations(
            changes: changes, old: Dictionary(uniqueKeysWithValues: (old.map { [$0] } ?? []).map { ($0.path, $0) }),
            files: files, policy: p, pusher: who.map { Pusher(identities: $0, server: .gitea) })
    }

    func with(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var o) = base else { return base }
        o[key] = value
        return .object(o)
    }

    @Test func membersOfTheLeadReportProgressOthersMayNot() throws {
        let old = version(base)
        let progressed = version(with("status", "in-progress"), body: "Nội dung.\n\n## Kết quả thực hiện\n")
        #expect(try check(old, progressed, as: ["lan"]).isEmpty)
        #expect(try check(old, progressed, as: ["someone", "LAN@example.org"]).isEmpty)
        let refused = try check(old, progressed, as: ["hoa"])
        #expect(refused.map(\.field) == ["status", "body"])
        #expect(refused.allSatisfy { $0.need == .leadMember("Ban Tuyên giáo") })
        // The unit ended; members of its successor report for it now.
        #expect(try check(old, progressed, as: ["minh"]).isEmpty)
        // Nobody known: nothing may change.
        #expect(try check(old, progressed, as: nil).count == 2)
    }

    @Test func plannedFieldsItemsAndSettingsNeedAnAdmin() throws {
        let old = version(base)
        let moved = version(with("timeframe", "Quý I/2027"))
        #expect(try check(old, moved, as: ["lan"]).map(\.need) == [.admin])
        #expect(
            try check(old, version(with("lead", "Sở Thông tin và Truyền thông")), as: ["lan"]).map(\.field) == ["lead"])
        #expect(try check(nil, old, as: ["lan"]).map(\.change) == [.added])
        #expect(try check(old, nil, as: ["lan"]).map(\.change) == [.removed])
        #expect(
            try check(nil, nil, as: ["lan"], files: ["plan.yaml", "schemas/units.yaml", "README.md"]).map(\.path)
                == ["plan.yaml", "schemas/units.yaml"])
        // Admins (any letter case) may do all of it.
        #expect(try check(old, moved, as: ["admin@example.org"]).isEmpty)
        #expect(try check(nil, nil, as: ["ADMIN@EXAMPLE.ORG"], files: ["plan.yaml"]).isEmpty)
    }

    @Test func aRespelledLeadIsNotAChangeOfLead() throws {
        let old = version(with("lead", "ban tuyên giáo"))
        #expect(try check(old, version(base), as: ["lan"]).isEmpty)
    }

    @Test func pusherComesFromTheServerEnvironment() {
        #expect(
            Pusher.from(environment: ["GITEA_PUSHER_NAME": "lan", "GITEA_PUSHER_EMAIL": "l@x.vn"])?.identities == [
                "lan", "l@x.vn",
            ])
        #expect(Pusher.from(environment: ["GL_USERNAME": "minh"]) == Pusher(identities: ["minh"], server: .gitlab))
        #expect(Pusher.from(environment: ["PLAN_PUSHER": "hoa"])?.server == .ssh)
        #expect(Pusher.from(environment: ["GIT_AUTHOR_NAME": "lan", "PLAN_PUSHER": " "]) == nil)
        #expect(Pusher.isGitLab(environment: ["GL_ID": "user-1"]))
    }
}
