import Foundation

/// Phase timings on standard error when `PLAN_TIMING` is set: where a run spends its time.
public enum Timing {
    static let enabled = Environment.value("PLAN_TIMING") != nil
    private static let start = DispatchTime.now()

    /// With timings on, the process's peak resident size is printed when it exits: the high-water mark
    /// of its own memory since it started (`VmHWM`), unlike `ru_maxrss`, which on Linux also counts
    /// the process that started it when that one shared its memory until `exec` (`posix_spawn`).
    public static func reportPeakAtExit() {
        guard enabled else { return }
        atexit {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kB = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
            else { return }
            Timing.mark("peak memory: \(kB / 1024) MB")
        }
    }

    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let origin = start.uptimeNanoseconds
        let ms = Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e6
        FileHandle.standardError.write(Data("timing \(String(format: "%8.1f", ms)) ms  \(phase())\n".utf8))
    }
}
