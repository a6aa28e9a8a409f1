import Foundation
import PlanFuzz

/// The target this run fuzzes: `PLAN_FUZZ_TARGET` (front-matter, timeframe, schema, import, docx).
let target: String = {
    let name = ProcessInfo.processInfo.environment["PLAN_FUZZ_TARGET"] ?? ""
    precondition(FuzzTargets.names.contains(name), "set PLAN_FUZZ_TARGET to one of \(FuzzTargets.names)")
    return name
}()

/// libFuzzer's entry point (built only by `make fuzz`). One executable for every target, so one build
/// instruments them all alike.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(target, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
