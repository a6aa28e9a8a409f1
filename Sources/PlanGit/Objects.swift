import CLibgit2
import Foundation

/// What a tree entry is.
public enum EntryKind: Sendable, Equatable {
    case blob, executable, symlink, tree, submodule
}

/// One entry of a tree, copied out of libgit2 at once.
public struct TreeEntry: Sendable, Equatable {
    public let name: String
    public let id: ObjectID
    public let kind: EntryKind
}

/// An author or committer.
public struct Signature: Sendable, Equatable {
    public let name: String
    public let email: String
    /// Seconds since the epoch.
    public let time: Int64
    /// Minutes east of UTC, as the commit records it.
    public let offsetMinutes: Int
}

/// A blob read with a size limit: its bytes, or its size when it is over the limit.
public enum BlobContent: Sendable, Equatable {
    case bytes([UInt8])
    case tooLarge(size: Int)
}

/// A commit, copied out of libgit2.
public struct Commit: Sendable, Equatable {
    public let id: ObjectID
    public let tree: ObjectID
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The message as text: UTF-8 when it is valid UTF-8, else decoded from the encoding the commit
    /// names, else as Latin-1 (which decodes any bytes), so a message is never lost.
    public let message: String

    public var summary: String { String(message.prefix { $0 != "\n" }) }
}

extension Repository {
    /// Entries of a tree, in git's order.
    public func tree(_ id: ObjectID) throws(GitError) -> [TreeEntry] {
        var oid = id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
        defer { git_tree_free(tree) }
        let count = git_tree_entrycount(tree)
        var entries: [TreeEntry] = []
        entries.reserveCapacity(count)
        for i in 0..<count {
            guard let e = git_tree_entry_byindex(tree, i) else { continue }
            let kind: EntryKind
            switch git_tree_entry_filemode(e) {
            case GIT_FILEMODE_TREE: kind = .tree
            case GIT_FILEMODE_BLOB_EXECUTABLE: kind = .executable
            case GIT_FILEMODE_LINK: kind = .symlink
            case GIT_FILEMODE_COMMIT: kind = .submodule
            default: kind = .blob
            }
            entries.append(
                TreeEntry(name: String(cString: git_tree_entry_name(e)), id: ObjectID(git_tree_entry_id(e)), kind: kind)
            )
        }
        return entries
    }

    /// The entry at a `/`-separated path inside a tree, or nil.
    public func entry(in tree: ObjectID, path: String) throws(GitError) -> TreeEntry? {
        var current = tree
        let parts = path.split(separator: "/")
        for (i, part) in parts.enumerated() {
            guard let e = try self.tree(current).first(where: { $0.name == part }) else { return nil }
            if i == parts.count - 1 { return e }
            guard e.kind == .tree else { return nil }
            current = e.id
        }
        return nil
    }

    /// Every file under a tree, with paths relative to it, in path order. Submodules are left out.
    public func files(in tree: ObjectID, under prefix: String = "") throws(GitError) -> [(
        path: String, entry: TreeEntry
    )] {
        var out: [(String, TreeEntry)] = []
        var start = tree
        if !prefix.isEmpty {
            guard let e = try entry(in: tree, path: prefix), e.kind == .tree else { return [] }
            start = e.id
        }
        try collect(start, prefix.isEmpty ? "" : prefix + "/", into: &out)
        return out
    }

    private func collect(_ tree: ObjectID, _ prefix: String, into out: inout [(String, TreeEntry)]) throws(GitError) {
        for e in try self.tree(tree) {
            switch e.kind {
            case .tree: try collect(e.id, prefix + e.name + "/", into: &out)
            case .submodule: continue
            default: out.append((prefix + e.name, e))
            }
        }
    }

    /// A blob's bytes, or only its size when it has more than `limit`: a huge blob is never loaded.
    public func blob(_ id: ObjectID, limit: Int) throws(GitError) -> BlobContent {
        let size = try blobSize(id)
        return size > limit ? .tooLarge(size: size) : .bytes(try blob(id))
    }

    /// A blob's bytes.
    public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// The size of an object from its header, without reading it whole.
    public func blobSize(_ id: ObjectID) throws(GitError) -> Int {
        var oid = id.oid
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var size = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&size, &type, odb, &oid), "git_odb_read_header")
        return size
    }

    /// A commit's tree, without copying the rest of the commit.
    public func tree(ofCommit id: ObjectID) throws(GitError) -> ObjectID {
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        return ObjectID(git_commit_tree_id(commit))
    }

    public func commit(_ id: ObjectID) throws(GitError) -> Commit {
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        let parents = (0..<git_commit_parentcount(commit)).compactMap {
            git_commit_parent_id(commit, $0).map(ObjectID.init)
        }
        let encoding = git_commit_message_encoding(commit).map { String(cString: $0) }
        let message = git_commit_message_raw(commit).map { Self.decode(cString: $0, encoding: encoding) } ?? ""
        return Commit(
            id: id, tree: ObjectID(git_commit_tree_id(commit)), parents: parents,
            author: Self.signature(git_commit_author(commit), encoding),
            committer: Self.signature(git_commit_committer(commit), encoding), message: message)
    }

    static func signature(_ s: UnsafePointer<git_signature>?, _ encoding: String?) -> Signature {
        guard let s else { return Signature(name: "", email: "", time: 0, offsetMinutes: 0) }
        return Signature(
            name: s.pointee.name.map { decode(cString: $0, encoding: encoding) } ?? "",
            email: s.pointee.email.map { decode(cString: $0, encoding: encoding) } ?? "",
            time: Int64(s.pointee.when.time), offsetMinutes: Int(s.pointee.when.offset))
    }

    /// Commit text is bytes: UTF-8 when valid, else the encoding the commit names, else Latin-1 (every
    /// byte maps to a character, so nothing is dropped).
    static func decode(cString: UnsafePointer<CChar>, encoding: String?) -> String {
        let bytes = Array(UnsafeRawBufferPointer(start: cString, count: strlen(cString)))
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        let named: String.Encoding? =
            switch encoding?.lowercased() {
            case "iso-8859-1", "latin1", "latin-1": .isoLatin1
            case "iso-8859-2", "latin2": .isoLatin2
            case "windows-1252", "cp1252": .windowsCP1252
            case "windows-1250", "cp1250": .windowsCP1250
            case "shift_jis", "sjis": .shiftJIS
            case "euc-jp": .japaneseEUC
            default: nil
            }
        if let named, let s = String(data: Data(bytes), encoding: named) { return s }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
