import Foundation
import PlanKit

/// This program as built and installed: what it writes from its inputs and keeps for the next run (the
/// site's pages, the findings of a check) is kept only for the same program, as a fingerprint says
/// what was read, not how. Nil when the program cannot be found on disk (nothing is then reused).
func programIdentity() -> UInt64? {
    let path = executablePath()
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    var f = Fingerprint()
    f.combine(Plan.configuration.version)
    f.combine(path)
    for n in [Int(st.st_dev), Int(st.st_ino), Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)] {
        f.combine(n)
    }
    return f.finished
}
