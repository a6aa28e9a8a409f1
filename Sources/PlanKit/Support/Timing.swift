import Foundation

/// Phase timings on standard error when `PLAN_TIMING` is set: where a run spends its time.
public enum Timing {
    static let enabled = ProcessInfo.processInfo.environment["PLAN_TIMING"] != nil
    private static let start = DispatchTime.now()

    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let origin = start.uptimeNanoseconds
        let ms = Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e6
        FileHandle.standardError.write(Data("timing \(String(format: "%8.1f", ms)) ms  \(phase())\n".utf8))
    }
}
