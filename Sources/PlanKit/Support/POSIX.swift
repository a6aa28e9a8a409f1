#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system calls whose names or fields differ between Linux (Glibc) and macOS (Darwin):
/// `read` and `write` shadowed by methods of the callers' own types, and a file's modification time.
package enum POSIX {
    package static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(fd, buffer, count)
        #else
            Darwin.read(fd, buffer, count)
        #endif
    }

    package static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, buffer, count)
        #else
            Darwin.write(fd, buffer, count)
        #endif
    }

    /// Seconds and nanoseconds of a file's last modification.
    package static func modified(_ st: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Glibc)
            (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
        #else
            (Int(st.st_mtimespec.tv_sec), Int(st.st_mtimespec.tv_nsec))
        #endif
    }
}
