import CLibgit2

/// libgit2 is initialised once per process, before the first call, and never shut down: shutting down
/// while another thread still uses it would be worse than the few bytes it keeps.
enum Library {
    private static let initialised: Bool = {
        git_libgit2_init()
        return true
    }()

    @inline(__always)
    static func ensure() { _ = initialised }
}
