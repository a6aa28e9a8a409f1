import Foundation

/// What checking one file found (its file findings and the diagnostics of the item and document
/// rules, with their severities) and its facts, kept between runs of `plan check` so that a file whose
/// bytes did not change is neither parsed nor checked again.
///
/// An entry is found by a fingerprint of the file's path and bytes within a *context*: everything else
/// those rules read (the configuration, the schema and the registry files, every plan header, the
/// limits) and what the caller adds to `salt` (the program, the day). When the context changes, every
/// entry goes. A plan header found there is parsed after all when an item is checked (items' rules
/// read their plan's header). It is a cache: a damaged or foreign file reads as empty, and deleting it
/// costs time only.
public final class FileFindingsCache: @unchecked Sendable {
    public struct Entry: Sendable, Equatable {
        public let facts: DocumentFacts
        public let diagnostics: [Diagnostic]

        public init(facts: DocumentFacts, diagnostics: [Diagnostic]) {
            self.facts = facts
            self.diagnostics = diagnostics
        }
    }

    /// Changed whenever what an entry holds, or how the context is fingerprinted, changes.
    static let magic = "plan-file-findings 1\n"

    public let salt: UInt64
    private struct State {
        var context: UInt64?
        var map: [UInt64: Entry] = [:]
        var used: Set<UInt64> = []
        var added = 0
        var loaded = 0
    }
    private let state: Locked<State>

    /// `bytes`: a saved cache, if any.
    public init(salt: UInt64, bytes: [UInt8]? = nil) {
        self.salt = salt
        var s = State()
        if let bytes, let (context, entries) = bytes.withUnsafeBufferPointer({ Self.decode($0) }) {
            s.context = context
            s.map.reserveCapacity(entries.count)
            for (k, e) in entries { s.map[k] = e }
            s.loaded = s.map.count
        }
        state = Locked(s)
    }

    /// The context of this run: entries made in another one are dropped.
    func begin(context: UInt64) {
        state.withLock { s in
            if s.context != context {
                s.map = [:]
                s.loaded = 0
            }
            s.context = context
        }
    }

    func get(_ key: UInt64) -> Entry? {
        state.withLock { s in
            guard let e = s.map[key] else { return nil }
            s.used.insert(key)
            return e
        }
    }

    func set(_ key: UInt64, _ entry: Entry) {
        state.withLock { s in
            s.map[key] = entry
            s.used.insert(key)
            s.added += 1
        }
    }

    /// How many files this run found in the cache.
    public var hits: Int { state.withLock { $0.used.count - $0.added } }

    /// Whether the saved form would differ from what was read (`keepingUnused`: see `bytes`).
    public func changed(keepingUnused: Bool = false) -> Bool {
        state.withLock { $0.added > 0 || (!keepingUnused && $0.used.count != $0.loaded) }
    }

    /// The entries this run used or added: files gone, or changed since, are dropped, unless the run
    /// looked at only some files (`keepingUnused`). Layout: the context, the count, then each entry's
    /// key and where it starts, then the entries (so they are read on every core); a diagnostic leaves
    /// out its file's path, which the key stands for.
    public func bytes(keepingUnused: Bool = false) -> [UInt8] {
        state.withLock { s in
            let keys = keepingUnused ? s.map.keys.sorted() : s.used.sorted()
            var body = BinaryWriter(magic: "")
            var starts: [Int] = []
            starts.reserveCapacity(keys.count)
            for key in keys {
                starts.append(body.bytes.count)
                let e = s.map[key]!
                body.facts(e.facts)
                body.number(e.diagnostics.count)
                for d in e.diagnostics { body.diagnostic(d, ownID: e.facts.id?.value) }
            }
            var w = BinaryWriter(magic: Self.magic)
            w.word(s.context ?? 0)
            w.number(keys.count)
            let base = w.bytes.count + keys.count * 16
            for (key, start) in zip(keys, starts) {
                w.word(key)
                w.word(UInt64(base + start))
            }
            w.raw(body.bytes)
            return w.finished()
        }
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> (UInt64, [(UInt64, Entry)])? {
        guard var r = BinaryReader(b, magic: magic), let context = r.word(), let count = r.number(), count >= 0,
            count <= 10_000_000, r.position + count * 16 <= b.count - 8
        else { return nil }
        var table: [(key: UInt64, start: Int)] = []
        table.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = r.word(), let start = r.word(), start <= UInt64(b.count - 8) else { return nil }
            table.append((key, Int(start)))
        }
        let end = b.count - 8
        guard table.first.map({ $0.start == r.position }) ?? (r.position == end),
            zip(table, table.dropFirst()).allSatisfy({ $0.start <= $1.start })
        else { return nil }
        nonisolated(unsafe) let buffer = b
        let entries =
            (try? Parallel.map(count: count, makeState: { () }) { _, k -> Entry? in
                var e = BinaryReader(
                    unchecked: buffer, from: table[k].start, to: k + 1 < count ? table[k + 1].start : end)
                guard let facts = e.facts(), let n = e.number(), n >= 0, n <= 1_000_000 else { return nil }
                var diagnostics: [Diagnostic] = []
                diagnostics.reserveCapacity(n)
                for _ in 0..<n {
                    guard let d = e.diagnostic(ownID: facts.id?.value) else { return nil }
                    diagnostics.append(d)
                }
                return e.atEnd ? Entry(facts: facts, diagnostics: diagnostics) : nil
            }) ?? []
        guard entries.count == count, entries.allSatisfy({ $0 != nil }) else { return nil }
        return (context, zip(table, entries).map { ($0.key, $1!) })
    }
}

extension BinaryWriter {
    /// A diagnostic of one file, without its path (`""`; the reader puts it back), its item id a flag
    /// when it is the file's own.
    mutating func diagnostic(_ d: Diagnostic, ownID: String?) {
        number(d.location.line)
        number(d.location.column)
        string(d.rule)
        string(d.severity.rawValue)
        number(MessageNumbers.number[d.message.id]!)
        number(d.message.args.count)
        d.message.args.forEach { string($0) }
        if let fix = d.fix {
            byte(1)
            number(fix.range.lowerBound)
            number(fix.range.upperBound)
            string(fix.replacement)
        } else {
            byte(0)
        }
        switch d.item {
        case nil: byte(0)
        case let id? where id == ownID: byte(1)
        case let id?:
            byte(2)
            string(id)
        }
    }
}

extension BinaryReader {
    /// A diagnostic written by `BinaryWriter.diagnostic(_:ownID:)`, its path empty (see `located(at:)`).
    mutating func diagnostic(ownID: String?) -> Diagnostic? {
        guard let line = number(), let column = number(), let rule = string(),
            let severity = string().flatMap(Severity.init(rawValue:)), let n = number(), n >= 0,
            n < MessageNumbers.all.count,
            let count = number(), count >= 0, count <= 64
        else { return nil }
        let id = MessageNumbers.all[n]
        var args: [String] = []
        for _ in 0..<count {
            guard let a = string() else { return nil }
            args.append(a)
        }
        var fix: Fix?
        switch byte() {
        case 0?: break
        case 1?:
            guard let lo = number(), let hi = number(), lo >= 0, hi >= lo, let text = string() else { return nil }
            fix = Fix(range: lo..<hi, replacement: text)
        default: return nil
        }
        let item: String?
        switch byte() {
        case 0?: item = nil
        case 1?: item = ownID
        case 2?:
            guard let id = string() else { return nil }
            item = id
        default: return nil
        }
        return Diagnostic(
            location: SourceLocation(path: "", line: line, column: column), rule: rule, severity: severity,
            message: Message(id, args: args), fix: fix, item: item)
    }
}

/// Messages by their place in the catalogue (a run reads only caches its own program wrote): looking
/// an id up by its name compares it with every name in turn.
enum MessageNumbers {
    static let all = MessageID.allCases
    static let number = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
}
