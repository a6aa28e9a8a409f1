import Foundation

/// What the cross-file rules know of a whole tree, saved once and then read a few records at a time:
/// each file's facts by path, and by key (an item id, a `depends_on` target, a cited document number,
/// a plan) the files that have it. A change to a few files is checked against the few files that share
/// a key with them, so a commit hook costs the same at ten items and at ten thousand.
///
/// The saved form is read in place: two sorted tables of record offsets, searched by bisection, so
/// opening it decodes nothing. It is a cache: a checksum over the whole file throws away one that does
/// not read back exactly, and the caller builds it again.
///
/// Each cited document also has its forms counted over the whole tree (`CitationForms`), so a change
/// that does not move a document's preferred form is checked without the files citing it.
///
/// Layout: magic; the tree, the workspace key and the counts (in `BinaryWriter`'s format); the file
/// records (path, content id, plan, flags, facts) sorted by path; the key records (key, file number)
/// sorted by key then file; the citation records (key; forms: text, count, first path, first use)
/// sorted by key; the three offset tables as 32-bit little-endian numbers; their positions and
/// lengths; the checksum.
public final class CrossFileIndex: @unchecked Sendable {
    /// One file as the cross-file rules see it.
    public struct Record: Sendable, Equatable {
        public let path: String
        /// The blob id; empty when the source has none.
        public let contentID: String
        public let planID: String
        public let isHeader: Bool
        public let isItem: Bool
        public let facts: DocumentFacts

        public init(_ f: FileFacts, contentID: String?) {
            path = f.path
            self.contentID = contentID ?? ""
            planID = f.planID
            isHeader = f.isHeader
            isItem = f.isItem
            facts = f.facts
        }

        init(path: String, contentID: String, planID: String, isHeader: Bool, isItem: Bool, facts: DocumentFacts) {
            self.path = path
            self.contentID = contentID
            self.planID = planID
            self.isHeader = isHeader
            self.isItem = isItem
            self.facts = facts
        }

        public var fileFacts: FileFacts {
            FileFacts(path: path, planID: planID, isHeader: isHeader, isItem: isItem, facts: facts)
        }

        /// The keys under which other files find this one.
        public var keys: Set<String> {
            var k: Set<String> = [CrossFileKey.plan(planID)]
            if let id = facts.id?.value { k.insert(CrossFileKey.id(id)) }
            for d in facts.dependsOn { k.insert(CrossFileKey.dependsOn(d.value)) }
            for c in facts.citations { k.insert(CrossFileKey.citation(c.key)) }
            return k
        }
    }

    static let magic = "plan-crossfile 2\n"

    /// The tree the index is of (a git tree id), and the workspace it was read for.
    public let tree: String
    public let workspace: String
    public let fileCount: Int
    public let itemCount: Int

    /// The saved bytes, mapped from the file when they come from one.
    private let data: Data
    private let recordTable: Int
    private let keyTable: Int
    private let keyCount: Int
    private let citationTable: Int
    private let citationCount: Int

    /// Opens saved bytes; nil when they are not a whole, undamaged index.
    public convenience init?(bytes: [UInt8]) { self.init(data: Data(bytes)) }

    /// Opens the saved file, mapped rather than read; nil when it is missing, damaged or partial.
    public convenience init?(file: String) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return nil }
        self.init(data: data)
    }

    init?(data: Data) {
        typealias Header = (tree: String, workspace: String, files: Int, items: Int, keys: Int, citations: Int)
        let parsed = data.withUnsafeBytes { raw -> (Header, [Int])? in
            let b = raw.bindMemory(to: UInt8.self)
            let m = Array(Self.magic.utf8)
            guard b.count >= m.count + 32, b.starts(with: m) else { return nil }
            let end = b.count - 8
            guard Self.u64(b, end) == Self.checksum(raw, end) else { return nil }
            var r = BinaryReader(unchecked: b, from: m.count, to: end)
            guard let tree = r.string(), let workspace = r.string(), let files = r.number(), let items = r.number(),
                let keys = r.number(), let citations = r.number(), files >= 0, items >= 0, keys >= 0, citations >= 0
            else { return nil }
            let tables = (0..<3).map { Int(Self.u32(b, end - 24 + 4 * $0)) }
            guard Int(Self.u32(b, end - 12)) == files, Int(Self.u32(b, end - 8)) == keys,
                Int(Self.u32(b, end - 4)) == citations, tables[0] + 4 * files <= tables[1],
                tables[1] + 4 * keys <= tables[2], tables[2] + 4 * citations <= end - 24
            else { return nil }
            return ((tree, workspace, files, items, keys, citations), tables)
        }
        guard let (header, tables) = parsed else { return nil }
        tree = header.tree
        workspace = header.workspace
        fileCount = header.files
        itemCount = header.items
        keyCount = header.keys
        citationCount = header.citations
        self.data = data
        recordTable = tables[0]
        keyTable = tables[1]
        citationTable = tables[2]
    }

    /// The saved form of a tree's files.
    public static func encode(tree: String, workspace: String, records: [Record]) -> [UInt8] {
        let sorted = records.sorted { ByteOrder.less($0.path, $1.path) }
        var pairs: [(key: String, file: Int)] = []
        for (i, r) in sorted.enumerated() { for k in r.keys { pairs.append((k, i)) } }
        pairs.sort { a, b in
            if ByteOrder.less(a.key, b.key) { return true }
            if ByteOrder.less(b.key, a.key) { return false }
            return a.file < b.file
        }
        // Each document's forms, counted in path order.
        var forms: [String: CitationForms] = [:]
        for r in sorted {
            for key in Set(r.facts.citations.map(\.key)) {
                forms[key, default: CitationForms()].add(path: r.path, citations: r.facts.citations, key: key)
            }
        }
        let citations = forms.map { (key: CrossFileKey.citation($0.key), forms: $0.value) }
            .sorted { ByteOrder.less($0.key, $1.key) }
        var w = BinaryWriter(magic: magic)
        w.string(tree)
        w.string(workspace)
        w.number(sorted.count)
        w.number(sorted.count { $0.isItem })
        w.number(pairs.count)
        w.number(citations.count)
        var recordOffsets: [Int] = []
        recordOffsets.reserveCapacity(sorted.count)
        for r in sorted {
            recordOffsets.append(w.bytes.count)
            w.string(r.path)
            w.string(r.contentID)
            w.string(r.planID)
            w.byte((r.isHeader ? 1 : 0) | (r.isItem ? 2 : 0))
            w.facts(r.facts)
        }
        var keyOffsets: [Int] = []
        keyOffsets.reserveCapacity(pairs.count)
        for p in pairs {
            keyOffsets.append(w.bytes.count)
            w.string(p.key)
            w.number(p.file)
        }
        var citationOffsets: [Int] = []
        citationOffsets.reserveCapacity(citations.count)
        for c in citations {
            citationOffsets.append(w.bytes.count)
            w.string(c.key)
            w.number(c.forms.forms.count)
            for f in c.forms.forms {
                w.string(f.text)
                w.number(f.count)
                w.string(f.first.path)
                w.number(f.first.use)
            }
        }
        var out = w.bytes
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { out += $0 } }
        let recordTable = out.count
        recordOffsets.forEach(u32)
        let keyTable = out.count
        keyOffsets.forEach(u32)
        let citationTable = out.count
        citationOffsets.forEach(u32)
        u32(recordTable)
        u32(keyTable)
        u32(citationTable)
        u32(sorted.count)
        u32(pairs.count)
        u32(citations.count)
        let sum = out.withUnsafeBytes { checksum($0, out.count) }
        withUnsafeBytes(of: sum.littleEndian) { out += $0 }
        return out
    }

    /// The file at a path, nil when the tree does not have it (or it is not a plan file).
    public func record(_ path: String) -> Record? {
        find(path, in: recordTable, count: fileCount, decodeRecord)
    }

    /// The forms a document number (a citation key, as `DocumentFacts.CitationUse.key`) is cited in
    /// across the tree; none when no file cites it.
    public func citationForms(_ key: String) -> CitationForms {
        find(CrossFileKey.citation(key), in: citationTable, count: citationCount, decodeForms) ?? CitationForms()
    }

    /// The record that starts with `key` in a sorted offset table, found by bisection and decoded.
    private func find<T>(
        _ key: String, in table: Int, count: Int, _ decode: (UnsafeBufferPointer<UInt8>, Int) -> T?
    ) -> T? {
        var target = key
        return target.withUTF8 { t in
            withBuffer { b in
                var lo = 0
                var hi = count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    let at = offset(b, table, mid)
                    let c = compareString(b, at: at, with: t)
                    if c == 0 { return decode(b, at) }
                    if c < 0 { lo = mid + 1 } else { hi = mid }
                }
                return nil
            }
        }
    }

    /// The paths of the files that have a key (their records left unread).
    public func paths(withKey key: String) -> [String] {
        var out: [String] = []
        files(withKey: key) { path, _ in
            out.append(path)
            return true
        }
        return out
    }

    /// The first item of a plan by path, leaving out `excluded` paths.
    public func firstItem(ofPlan plan: String, excluding excluded: [String: Record?]) -> String? {
        var first: String?
        files(withKey: CrossFileKey.plan(plan)) { path, isItem in
            guard isItem, excluded[path] == nil else { return true }
            first = path
            return false
        }
        return first
    }

    /// The files under a key, in path order: `body` gets each one's path and whether it is an item, and
    /// returns whether to go on.
    private func files(withKey key: String, _ body: (String, Bool) -> Bool) {
        var target = key
        target.withUTF8 { t in
            withBuffer { b in
                var lo = 0
                var hi = keyCount
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if compareString(b, at: offset(b, keyTable, mid), with: t) < 0 { lo = mid + 1 } else { hi = mid }
                }
                for k in lo..<max(lo, keyCount) {
                    let at = offset(b, keyTable, k)
                    guard compareString(b, at: at, with: t) == 0 else { return }
                    var r = BinaryReader(unchecked: b, from: at, to: recordTable)
                    guard r.string() != nil, let file = r.number(), file >= 0, file < fileCount else { return }
                    var p = BinaryReader(unchecked: b, from: offset(b, recordTable, file), to: recordTable)
                    guard let path = p.string(), p.string() != nil, p.string() != nil, let flags = p.byte() else {
                        return
                    }
                    if !body(path, flags & 2 != 0) { return }
                }
            }
        }
    }

    private func withBuffer<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }

    private func offset(_ b: UnsafeBufferPointer<UInt8>, _ table: Int, _ i: Int) -> Int {
        Int(Self.u32(b, table + 4 * i))
    }

    /// The string stored at `at` compared with `t` by bytes: negative, zero or positive.
    private func compareString(_ b: UnsafeBufferPointer<UInt8>, at: Int, with t: UnsafeBufferPointer<UInt8>) -> Int {
        var r = BinaryReader(unchecked: b, from: at, to: recordTable)
        guard let n = r.number(), n >= 0, r.position + n <= b.count else { return 1 }
        let start = r.position
        let common = min(n, t.count)
        for k in 0..<common where b[start + k] != t[k] { return b[start + k] < t[k] ? -1 : 1 }
        return n - t.count
    }

    private func decodeForms(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> CitationForms? {
        var r = BinaryReader(unchecked: b, from: at, to: recordTable)
        guard r.string() != nil, let n = r.number(), n >= 0 else { return nil }
        var forms: [CitationForms.Form] = []
        for _ in 0..<n {
            guard let text = r.string(), let count = r.number(), let path = r.string(), let use = r.number() else {
                return nil
            }
            forms.append(CitationForms.Form(text: text, count: count, first: CitationForms.Place(path: path, use: use)))
        }
        return CitationForms(forms: forms)
    }

    private func decodeRecord(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Record? {
        var r = BinaryReader(unchecked: b, from: at, to: recordTable)
        guard let path = r.string(), let content = r.string(), let plan = r.string(), let flags = r.byte(),
            let facts = r.facts()
        else { return nil }
        return Record(
            path: path, contentID: content, planID: plan, isHeader: flags & 1 != 0, isItem: flags & 2 != 0,
            facts: facts)
    }

    private static func u32(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= b.count else { return UInt32.max }
        return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }

    private static func u64(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt64 {
        UInt64(u32(b, at)) | UInt64(u32(b, at + 4)) << 32
    }

    /// A checksum of `b[..<end]` a word at a time: a hook reads the whole file on every commit.
    static func checksum(_ raw: UnsafeRawBufferPointer, _ end: Int) -> UInt64 {
        BinaryReader.checksum(UnsafeRawBufferPointer(rebasing: raw[..<end]))
    }
}

/// The keys that connect files across the workspace. The rules compare ids as Swift strings do
/// (canonically equivalent forms are equal), so a key is the composed form of its value.
public enum CrossFileKey {
    public static func plan(_ id: String) -> String { "p\u{0}" + composed(id) }
    public static func id(_ id: String) -> String { "i\u{0}" + composed(id) }
    public static func dependsOn(_ id: String) -> String { "d\u{0}" + composed(id) }
    public static func citation(_ key: String) -> String { "c\u{0}" + composed(key) }

    private static func composed(_ s: String) -> String {
        s.utf8.allSatisfy { $0 < 0x80 } ? s : s.precomposedStringWithCanonicalMapping
    }
}

/// A tree's cross-file index with some files changed: a saved index (or none) and the files that
/// differ from it, each with its new record (nil: removed).
public struct CrossFileLayer: Sendable {
    public let base: CrossFileIndex?
    public private(set) var changed: [String: CrossFileIndex.Record?]

    public init(base: CrossFileIndex?, changed: [String: CrossFileIndex.Record?] = [:]) {
        self.base = base
        self.changed = changed
    }

    /// This layer with more files changed (later changes win).
    public func applying(_ more: [String: CrossFileIndex.Record?]) -> CrossFileLayer {
        var copy = self
        copy.changed.merge(more) { _, new in new }
        return copy
    }

    public func record(_ path: String) -> CrossFileIndex.Record? {
        if let c = changed[path] { return c }
        return base?.record(path)
    }

    /// The paths of the files that have a key.
    public func paths(withKey key: String) -> Set<String> {
        var out = Set((base?.paths(withKey: key) ?? []).filter { changed[$0] == nil })
        for (path, record) in changed where record?.keys.contains(key) == true { out.insert(path) }
        return out
    }

    /// A file's record in each of `layers` that has it. Layers made from one another share their saved
    /// index, so a file none of them changed is decoded once, not once a layer.
    public static func versions(of path: String, in layers: [CrossFileLayer]) -> [CrossFileIndex.Record] {
        var decoded: (base: CrossFileIndex?, record: CrossFileIndex.Record?)?
        return layers.compactMap { layer in
            if let c = layer.changed[path] { return c }
            if let d = decoded, d.base === layer.base { return d.record }
            let r = layer.base?.record(path)
            decoded = (layer.base, r)
            return r
        }
    }

    /// The first item of a plan by path: where a finding about the plan as a whole is reported.
    public func firstItem(ofPlan plan: String) -> String? {
        var candidates = changed.compactMap { $0.value?.isItem == true && $0.value?.planID == plan ? $0.key : nil }
        if let first = base?.firstItem(ofPlan: plan, excluding: changed) { candidates.append(first) }
        return candidates.min(by: ByteOrder.less)
    }

    /// The forms a document number is cited in across the layer's tree; nil when the saved counts do
    /// not agree with the files.
    public func citationForms(_ key: String) -> CitationForms? {
        citationForms(of: [key])[key]
    }

    /// The forms of several document numbers, each changed file's saved record decoded once for all of
    /// them; a key is missing when the saved counts do not agree with the files.
    public func citationForms(of keys: Set<String>) -> [String: CitationForms] {
        var out: [String: CitationForms] = [:]
        for key in keys { out[key] = base?.citationForms(key) ?? CitationForms() }
        for (path, record) in changed {
            let new = record?.facts.citations ?? []
            let old = base?.record(path)?.facts.citations ?? []
            for key in keys where out[key] != nil {
                guard new.contains(where: { $0.key == key }) || old.contains(where: { $0.key == key }) else {
                    continue
                }
                if !out[key]!.replace(path: path, old: old, new: new, key: key) { out[key] = nil }
            }
        }
        return out
    }

    public var itemCount: Int {
        var n = base?.itemCount ?? 0
        for (path, record) in changed {
            if base?.record(path)?.isItem == true { n -= 1 }
            if record?.isItem == true { n += 1 }
        }
        return n
    }

    /// What a change reaches across the workspace: the files to read, and the documents whose
    /// preferred form was counted without them.
    public struct Reach: Sendable {
        public var files: Set<String>
        /// By citation key: the preferred form, the same before and after the change.
        public var preferredCitations: [String: String] = [:]
    }

    /// The files whose cross-file findings a change to `paths` can touch, in any of `layers` (the
    /// tree before the change and after it): the changed files, every file that shares an id or a
    /// `depends_on` target with them, the whole chain of `depends_on` links through them (a cycle can
    /// be long), their plans' headers and first items (where a missing header is reported), and the
    /// files citing a document they cite when the change moves its preferred form. Checking these
    /// files before and after the change, with the preferred forms it does not move, the findings that
    /// differ are exactly the ones the change causes: a group of files under a key is complete
    /// whenever a changed file has that key, and the incomplete groups of the other keys are the same
    /// on both sides.
    public static func related(to paths: Set<String>, in layers: [CrossFileLayer], plansPath: String) -> Reach {
        var out = paths
        var chain: [String] = Array(paths)
        var followed = Set<String>()
        var preferred: [String: String] = [:]
        var citations = Set<String>()
        func records(_ path: String) -> [CrossFileIndex.Record] { versions(of: path, in: layers) }
        func add(_ key: String, follow: Bool) {
            for layer in layers {
                for p in layer.paths(withKey: key) {
                    out.insert(p)
                    if follow, followed.insert(p).inserted { chain.append(p) }
                }
            }
        }
        for path in paths {
            followed.insert(path)
            for r in records(path) {
                let base = plansPath.hasSuffix("/") ? String(plansPath.dropLast()) : plansPath
                out.insert(base + "/" + r.planID + "/plan.md")
                for layer in layers { if let first = layer.firstItem(ofPlan: r.planID) { out.insert(first) } }
                for c in r.facts.citations { citations.insert(c.key) }
            }
        }
        // A cited document's other files matter only when the change moves its preferred form.
        let counted = layers.map { $0.citationForms(of: citations) }
        for key in citations {
            let sides = counted.map { $0[key]?.preference ?? .unknown }
            if sides.allSatisfy({ $0 == sides[0] && $0 != .unknown }) {
                if case .form(let p) = sides[0] { preferred[key] = p }
            } else {
                add(CrossFileKey.citation(key), follow: false)
            }
        }
        // Ids and depends_on, followed to the end of every chain.
        while let path = chain.popLast() {
            for r in records(path) {
                var ids = r.facts.dependsOn.map(\.value)
                if let id = r.facts.id?.value { ids.append(id) }
                for id in ids {
                    add(CrossFileKey.id(id), follow: true)
                    add(CrossFileKey.dependsOn(id), follow: true)
                }
            }
        }
        return Reach(files: out, preferredCitations: preferred)
    }
}
