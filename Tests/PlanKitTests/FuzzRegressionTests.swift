import Foundation
import PlanFuzz
import Testing

/// Every input a fuzzer found a problem with (`Tests/Fixtures/fuzz/<target>/`), run through the same
/// checks the fuzzer makes: none may crash again.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static var cases: [String] {
        FuzzTargets.names.flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(target).path)) ?? [])
                .sorted().map { target + "/" + $0 }
        }
    }

    @Test(arguments: cases)
    func replays(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(name)))
        FuzzTargets.run(String(name.split(separator: "/")[0]), bytes)
    }
}
