import Testing

@testable import PlanKit

@Suite struct UnitRegistryTests {
    let registry = UnitRegistry(units: [
        Unit(
            id: "ptt", name: "Phòng Tuyên truyền - Báo chí - Xuất bản",
            aliases: ["Phòng Tuyên truyền - Báo chí và Xuất bản"]),
        Unit(id: "pvh", name: "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp"),
        Unit(id: "vhttdl", name: "Sở Văn hóa, Thể thao và Du lịch"),
        Unit(id: "tttt", name: "Sở Thông tin và Truyền thông"),
        Unit(id: "ubnd", name: "UBND thành phố"),
        Unit(id: "thuy", name: "Công ty Thủy lợi"),
    ])

    @Test func canonicalByNameIdAndCase() {
        #expect(registry.resolve("Sở Thông tin và Truyền thông") == .canonical(registry.unit(id: "tttt")!))
        #expect(registry.resolve("tttt") == .canonical(registry.unit(id: "tttt")!))
        #expect(registry.resolve("sở thông tin và truyền thông.") == .canonical(registry.unit(id: "tttt")!))
        #expect(registry.resolve("  Sở Thông tin  và Truyền thông ") == .canonical(registry.unit(id: "tttt")!))
    }

    @Test func alias() {
        let r = registry.resolve("Phòng Tuyên truyền - Báo chí và Xuất bản")
        #expect(r == .alias(registry.unit(id: "ptt")!, alias: "Phòng Tuyên truyền - Báo chí và Xuất bản"))
    }

    @Test func tonePlacementAndDashesAreRespellings() {
        #expect(
            registry.resolve("Phòng Văn hoá, Văn nghệ - Khoa giáo và Tổng hợp") == .respelled(registry.unit(id: "pvh")!)
        )
        #expect(registry.resolve("Công ty Thuỷ lợi") == .respelled(registry.unit(id: "thuy")!))
        // Dash and space variants are the same spelling.
        #expect(registry.resolve("Phòng Tuyên truyền – Báo chí – Xuất bản") == .canonical(registry.unit(id: "ptt")!))
        // The NFD form of the same text is the same name.
        #expect(
            registry.resolve("Sở Thông tin và Truyền thông".decomposedStringWithCanonicalMapping)
                == .canonical(registry.unit(id: "tttt")!))
    }

    @Test func namesWithCommasAreNotSplit() {
        #expect(registry.resolve("Sở Văn hóa, Thể thao và Du lịch") == .canonical(registry.unit(id: "vhttdl")!))
        #expect(
            registry.segment("Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông")
                == [registry.unit(id: "vhttdl")!, registry.unit(id: "tttt")!])
        #expect(
            registry.resolve("Sở Văn hóa, Thể thao và Du lịch và UBND thành phố")
                == .several([registry.unit(id: "vhttdl")!, registry.unit(id: "ubnd")!]))
        // Not every part is a unit: not split.
        #expect(registry.segment("Sở Văn hóa, các đơn vị liên quan").isEmpty)
    }

    @Test func trailingText() {
        let r = registry.resolve("Phòng Tuyên truyền - Báo chí và Xuất bản là đơn vị tham mưu, theo dõi")
        #expect(r == .withTrailingText(registry.unit(id: "ptt")!, trailing: "là đơn vị tham mưu, theo dõi"))
    }

    @Test func unknownWithSuggestion() {
        guard case .unknown(let s) = registry.resolve("Sở Thông tin và Truyền thôn") else {
            Issue.record("not unknown")
            return
        }
        #expect(s.first == "Sở Thông tin và Truyền thông")
        guard case .unknown(let none) = registry.resolve("Hội Nông dân") else {
            Issue.record("not unknown")
            return
        }
        #expect(none.isEmpty)
    }

    @Test func registryFileErrorsHavePositions() {
        #expect(throws: PlanError.self) {
            _ = try UnitRegistryFile.parse(path: "u.yaml", bytes: Array("units:\n  - id: a\n    nam: X\n".utf8))
        }
        do {
            _ = try UnitRegistryFile.parse(path: "u.yaml", bytes: Array("units:\n  - id: a\n    nam: X\n".utf8))
        } catch {
            guard case .config(_, let line, let column, let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(line == 3 && column == 5)
            #expect(message.render(.en).contains("did you mean ‘name’"))
        }
    }
}

extension UnitResolution: CustomStringConvertible {
    public var description: String {
        switch self {
        case .canonical(let u): "canonical(\(u.id))"
        case .respelled(let u): "respelled(\(u.id))"
        case .alias(let u, let a): "alias(\(u.id), \(a))"
        case .withTrailingText(let u, let t): "trailing(\(u.id), \(t))"
        case .several(let us): "several(\(us.map(\.id)))"
        case .unknown(let s): "unknown(\(s))"
        }
    }
}
