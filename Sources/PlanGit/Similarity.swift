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

extension Repository {
    /// Sizes libgit2's object cache for reading long histories: trees and blobs are read again and
    /// again, and the default limits keep neither. The total stays small: on 10,000 commits, 256 MB
    /// instead of 16 bought about 4% of speed and cost 140 MB of peak memory.
    public static func tuneCacheForHistory() throws(GitError) {
        try Library.ensure()
        try check(plan_git_set_cache_max_size(16 << 20), "GIT_OPT_SET_CACHE_MAX_SIZE")
        for (type, bytes) in [(GIT_OBJECT_TREE, 1 << 20), (GIT_OBJECT_BLOB, 64 << 10), (GIT_OBJECT_COMMIT, 64 << 10)] {
            try check(plan_git_set_cache_object_limit(type, bytes), "GIT_OPT_SET_CACHE_OBJECT_LIMIT")
        }
    }
}
