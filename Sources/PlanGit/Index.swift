import CLibgit2
import Foundation

/// One entry of the index (the staging area), stage 0 unless the path is in conflict.
public struct IndexEntry: Sendable, Equatable {
    public let path: String
    public let id: ObjectID
    public let kind: EntryKind
    /// 0 normally; 1 (base), 2 (ours), 3 (theirs) for a path in conflict during a merge.
    public let stage: Int
}

extension Repository {
    /// The index as git will commit it, read from disk now: the repository's own, or the index file
    /// given (git gives hooks a temporary one for `git commit -a`).
    public func indexEntries(file: String? = nil) throws(GitError) -> [IndexEntry] {
        try openIndex(file: file).entries()
    }

    /// The index held open: entries are read in place, by position or by path, without copying the
    /// ten thousand a hook does not need.
    public func openIndex(file: String? = nil) throws(GitError) -> OpenIndex {
        var index: OpaquePointer?
        if let file {
            try check(git_index_open(&index, file), "git_index_open")
        } else {
            try check(git_repository_index(&index, pointer), "git_repository_index")
        }
        let open = OpenIndex(index!)
        try check(git_index_read(index, 0), "git_index_read")
        return open
    }
}

/// An index read from disk and held open. libgit2's index is not safe to share between threads, so
/// every read takes a lock.
public final class OpenIndex: @unchecked Sendable {
    let pointer: OpaquePointer
    private let lock = NSLock()

    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_index_free(pointer) }

    public var count: Int { locked { git_index_entrycount(pointer) } }

    /// Whether a merge left paths in conflict (stages 1-3).
    public var hasConflicts: Bool { locked { git_index_has_conflicts(pointer) != 0 } }

    /// The stage-0 entry of a path (a repository path), nil when the index does not have it.
    public func entry(_ path: String) -> (id: ObjectID, kind: EntryKind)? {
        locked {
            guard let e = git_index_get_bypath(pointer, path, 0) else { return nil }
            return (ObjectID(e.pointee.id), Self.kind(e.pointee.mode))
        }
    }

    /// Every entry, in the index's order (paths in byte order).
    public func entries() -> [IndexEntry] {
        locked {
            let count = git_index_entrycount(pointer)
            var entries: [IndexEntry] = []
            entries.reserveCapacity(count)
            for i in 0..<count {
                guard let e = git_index_get_byindex(pointer, i) else { continue }
                entries.append(
                    IndexEntry(
                        path: String(cString: e.pointee.path), id: ObjectID(e.pointee.id),
                        kind: Self.kind(e.pointee.mode), stage: Int((e.pointee.flags >> 12) & 0x3)))
            }
            return entries
        }
    }

    /// The entry at a position, read in place: its path (valid while the index is open), id and kind.
    func rawEntry(_ i: Int) -> (path: UnsafePointer<CChar>, id: ObjectID, kind: EntryKind)? {
        locked {
            guard let e = git_index_get_byindex(pointer, i) else { return nil }
            return (e.pointee.path, ObjectID(e.pointee.id), Self.kind(e.pointee.mode))
        }
    }

    /// The file the index was read from.
    var path: String? { locked { git_index_path(pointer).map { String(cString: $0) } } }

    /// The entry at a position: its path, id and kind.
    func entry(at i: Int) -> (path: String, id: ObjectID, kind: EntryKind)? {
        rawEntry(i).map { (String(cString: $0.path), $0.id, $0.kind) }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    static func kind(_ mode: UInt32) -> EntryKind {
        switch mode {
        case 0o040000: .tree
        case 0o100755: .executable
        case 0o120000: .symlink
        case 0o160000: .submodule
        default: .blob
        }
    }
}

/// The index's record of its trees (the `TREE` extension): for each directory whose tree is still
/// valid, how many index entries it covers and its tree id. Read from the index file, as git writes it
/// (formats 2 to 4, SHA-1); anything not understood gives an empty record, and the trees are computed.
enum CacheTree {
    static func read(_ index: OpenIndex) -> [String: (count: Int, id: ObjectID)] {
        guard let path = index.path,
            let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        else { return [:] }
        return data.withUnsafeBytes { raw in parse(raw.bindMemory(to: UInt8.self)) ?? [:] }
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> [String: (count: Int, id: ObjectID)]? {
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= b.count else { return nil }
            return Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
        }
        guard b.count >= 32, b[0] == 0x44, b[1] == 0x49, b[2] == 0x52, b[3] == 0x43,  // "DIRC"
            let version = u32(4), (2...4).contains(version), let entries = u32(8)
        else { return nil }
        // Skip the entries: 62 bytes, 2 more when extended (version 3 and up), then the path.
        var at = 12
        let end = b.count - 20  // the trailing checksum
        for _ in 0..<entries {
            guard at + 62 <= end else { return nil }
            let flags = Int(b[at + 60]) << 8 | Int(b[at + 61])
            var p = at + 62
            if version >= 3, flags & 0x4000 != 0 { p += 2 }
            if version == 4 {
                // A number of bytes to drop from the previous path, then the rest, NUL-terminated.
                while p < end, b[p] & 0x80 != 0 { p += 1 }
                p += 1
                while p < end, b[p] != 0 { p += 1 }
                at = p + 1
            } else {
                while p < end, b[p] != 0 { p += 1 }
                // Padded with 1 to 8 NULs to a multiple of 8 bytes.
                at += (p - at + 8) & ~7
            }
        }
        // The extensions: a signature, a length, the data.
        while at + 8 <= end {
            guard let length = u32(at + 4), at + 8 + length <= end else { return nil }
            if b[at] == 0x54, b[at + 1] == 0x52, b[at + 2] == 0x45, b[at + 3] == 0x45 {  // "TREE"
                return tree(UnsafeBufferPointer(rebasing: b[(at + 8)..<(at + 8 + length)]))
            }
            at += 8 + length
        }
        return [:]
    }

    /// The `TREE` data: each directory in pre-order as its name, NUL, its entry count (-1: invalid),
    /// a space, its number of subdirectories, a newline, and its id when valid.
    static func tree(_ b: UnsafeBufferPointer<UInt8>) -> [String: (count: Int, id: ObjectID)]? {
        var out: [String: (count: Int, id: ObjectID)] = [:]
        // The open directories: path and subdirectories still to come.
        var stack: [(path: String, left: Int)] = []
        var at = 0
        func number(until stop: UInt8) -> Int? {
            var negative = false
            var n = 0
            var digits = 0
            if at < b.count, b[at] == UInt8(ascii: "-") {
                negative = true
                at += 1
            }
            while at < b.count, b[at] != stop {
                guard b[at] &- 48 < 10, digits < 10 else { return nil }
                n = n * 10 + Int(b[at] - 48)
                digits += 1
                at += 1
            }
            guard at < b.count, digits > 0 else { return nil }
            at += 1
            return negative ? -n : n
        }
        while at < b.count {
            let nameStart = at
            while at < b.count, b[at] != 0 { at += 1 }
            guard at < b.count else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<at]), as: UTF8.self)
            at += 1
            guard let count = number(until: 0x20), let subtrees = number(until: 0x0A), subtrees >= 0 else {
                return nil
            }
            while let top = stack.last, top.left == 0 { stack.removeLast() }
            let path: String
            if let top = stack.last {
                stack[stack.count - 1].left -= 1
                path = top.path.isEmpty ? name : top.path + "/" + name
            } else {
                path = name
            }
            if count >= 0 {
                guard at + 20 <= b.count else { return nil }
                var oid = git_oid()
                withUnsafeMutableBytes(of: &oid.id) { raw in
                    for k in 0..<20 { raw[k] = b[at + k] }
                }
                out[path] = (count, ObjectID(oid))
                at += 20
            }
            stack.append((path, subtrees))
        }
        return out
    }
}
