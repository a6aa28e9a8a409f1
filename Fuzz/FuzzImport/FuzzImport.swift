import PlanFuzz

/// libFuzzer's entry point (built only by `make fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run("import", Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
