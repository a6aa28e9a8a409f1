import CLibgit2

/// How alike two texts are (0-100), by libgit2's similarity signatures: what git's rename detection
/// uses. Small texts are allowed, since plan items are small.
public enum Similarity {
    public static func score(_ a: [UInt8], _ b: [UInt8]) -> Int {
        _ = try? Library.ensure()
        guard let x = signature(a) else { return 0 }
        defer { git_hashsig_free(x) }
        guard let y = signature(b) else { return 0 }
        defer { git_hashsig_free(y) }
        return max(0, Int(git_hashsig_compare(x, y)))
    }

    private static func signature(_ bytes: [UInt8]) -> OpaquePointer? {
        var sig: OpaquePointer?
        let options = git_hashsig_option_t(GIT_HASHSIG_NORMAL.rawValue | GIT_HASHSIG_ALLOW_SMALL_FILES.rawValue)
        let result = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { git_hashsig_create(&sig, $0.baseAddress, $0.count, options) }
        }
        return result == 0 ? sig : nil
    }
}
