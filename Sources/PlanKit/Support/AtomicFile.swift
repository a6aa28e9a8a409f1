import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that a reader sees the old bytes or the new ones, never a mix: a temporary file
/// in the same folder, flushed, given the old file's permissions, then renamed over it.
public enum AtomicFile {
    /// `durable`: the bytes reach the disk before the file is renamed into place (what a user wrote);
    /// without it a crash may leave the old file, never a partial one (a page that is made again).
    public static func write(
        _ bytes: [UInt8], to path: String, defaultPermissions: mode_t = 0o644, durable: Bool = true
    ) throws(PlanError) {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let templatePath: String = (dir.isEmpty ? "." : dir) + "/.\(name).plan-XXXXXX"
        var template = Array(templatePath.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw PlanError.io(path: path, reason: String(cString: strerror(errno))) }
        let tmp = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        var st = stat()
        let mode: mode_t = stat(path, &st) == 0 ? st.st_mode & 0o7777 : defaultPermissions
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { POSIX.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw PlanError.io(path: path, reason: reason)
            }
            written += n
        }
        guard fchmod(fd, mode) == 0, !durable || fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw PlanError.io(path: path, reason: reason)
        }
        close(fd)
        guard rename(tmp, path) == 0 else { throw PlanError.io(path: path, reason: String(cString: strerror(errno))) }
        ok = true
    }

    public static func write(_ text: String, to path: String, defaultPermissions: mode_t = 0o644) throws(PlanError) {
        try write(Array(text.utf8), to: path, defaultPermissions: defaultPermissions)
    }

    /// Writes a workspace file (`relative` to `root`), making the folders it needs first.
    public static func write(_ text: String, to relative: String, in root: String) throws(PlanError) {
        let full = root + "/" + relative
        do {
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw PlanError.io(path: relative, reason: error.localizedDescription)
        }
        try write(text, to: full)
    }
}
