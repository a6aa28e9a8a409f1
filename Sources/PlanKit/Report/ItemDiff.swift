import Foundation

/// The one place that knows what "changed" means for plan items. `report`, `status --at`, `summary`
/// and `changelog` all use it.
public enum ItemDiff {
    /// The changes between two sets of item versions (the files a commit touched, by path). Items keep
    /// their identity by `id`: a file moved and edited is one moved item. Files without a matching id
    /// are paired by content similarity (`similarity` gives 0-100; pairs at 50 or more are moves).
    public static func changes(
        old: [ItemVersion], new: [ItemVersion], registry: UnitRegistry,
        similarity: (ItemVersion, ItemVersion) -> Int = { _, _ in 0 }
    ) -> [ItemChange] {
        var oldByPath = Dictionary(old.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var newByPath = Dictionary(new.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [ItemChange] = []

        // Same path: modified (an id changed in place is a field change).
        for path in Set(oldByPath.keys).intersection(newByPath.keys).sorted() {
            if let c = modified(oldByPath[path]!, newByPath[path]!, registry: registry, kind: .modified) {
                result.append(c)
            }
            oldByPath[path] = nil
            newByPath[path] = nil
        }
        // Same id at another path: moved.
        var removedByID: [String: ItemVersion] = [:]
        for v in oldByPath.values { if let id = v.id { removedByID[id] = v } }
        for path in newByPath.keys.sorted() {
            guard let v = newByPath[path], let id = v.id, let before = removedByID[id] else { continue }
            result.append(modified(before, v, registry: registry, kind: .moved, always: true)!)
            oldByPath[before.path] = nil
            newByPath[path] = nil
            removedByID[id] = nil
        }
        // Similar content at another path: moved, best pairs first.
        var pairs: [(score: Int, old: String, new: String)] = []
        for o in oldByPath.values {
            for n in newByPath.values {
                let s = similarity(o, n)
                if s >= 50 { pairs.append((s, o.path, n.path)) }
            }
        }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : ($0.old, $0.new) < ($1.old, $1.new) }
        for p in pairs {
            guard let o = oldByPath[p.old], let n = newByPath[p.new] else { continue }
            result.append(modified(o, n, registry: registry, kind: .moved, always: true)!)
            oldByPath[p.old] = nil
            newByPath[p.new] = nil
        }
        for v in newByPath.values {
            result.append(
                ItemChange(
                    kind: .added, item: v.id ?? v.path, path: v.path, title: v.fields["title"]?.stringValue,
                    lead: leadName(v, registry)))
        }
        for v in oldByPath.values {
            result.append(
                ItemChange(
                    kind: .removed, item: v.id ?? v.path, path: v.path, title: v.fields["title"]?.stringValue,
                    lead: leadName(v, registry)))
        }
        return result.sorted { ($0.item, $0.path) < ($1.item, $1.path) }
    }

    /// The lead as written (the first, when a list).
    public static func leadText(_ v: ItemVersion) -> String? {
        v.fields["lead"]?.stringValue ?? v.fields["lead"]?.arrayValue?.first?.stringValue
    }

    static func leadName(_ v: ItemVersion, _ registry: UnitRegistry) -> String? {
        guard let text = leadText(v) else { return nil }
        return registry.resolve(text).unit?.name ?? text
    }

    /// The field changes between two versions, nil when nothing changed (unless `always`).
    static func modified(
        _ a: ItemVersion, _ b: ItemVersion, registry: UnitRegistry, kind: ItemChange.Kind,
        always: Bool = false
    ) -> ItemChange? {
        var fields: [FieldChange] = []
        var keys: [String] = []
        for k in (a.fields.objectValue?.keys.map { $0 } ?? []) + (b.fields.objectValue?.keys.map { $0 } ?? [])
        where !keys.contains(k) {
            keys.append(k)
        }
        // The fields people read first, in this order; the rest as they come.
        let order = ["id", "status", "lead", "support", "timeframe", "title"]
        keys.sort { (order.firstIndex(of: $0) ?? order.count, 0) < (order.firstIndex(of: $1) ?? order.count, 0) }
        for key in keys {
            let x = a.fields[key]
            let y = b.fields[key]
            guard x != y else { continue }
            switch key {
            case "lead", "support":
                if let c = units(key, x, y, registry) { fields.append(c) }
            case "timeframe":
                fields.append(timeframe(x, y))
            default:
                fields.append(FieldChange(field: key, from: x, to: y))
            }
        }
        if a.body != b.body {
            let (added, removed) = lineCounts(a.body, b.body)
            if added + removed > 0 {
                fields.append(
                    FieldChange(field: "body", from: nil, to: nil, detail: .body(added: added, removed: removed)))
            }
        }
        guard !fields.isEmpty || always else { return nil }
        return ItemChange(
            kind: kind, item: b.id ?? a.id ?? b.path, path: b.path, fromPath: kind == .moved ? a.path : nil,
            title: b.fields["title"]?.stringValue, lead: leadName(b, registry), fields: fields)
    }

    /// Units compared through the registry: a respelling is not a change of unit.
    static func units(_ key: String, _ x: JSONValue?, _ y: JSONValue?, _ registry: UnitRegistry) -> FieldChange? {
        func list(_ v: JSONValue?) -> [String] {
            switch v {
            case .string(let s)?: [s]
            case .array(let a)?: a.compactMap(\.stringValue)
            default: []
            }
        }
        func name(_ s: String) -> String { registry.resolve(s).unit?.name ?? s }
        let before = list(x).map(name)
        let after = list(y).map(name)
        let added = after.filter { !before.contains($0) }
        let removed = before.filter { !after.contains($0) }
        return FieldChange(
            field: key, from: x, to: y,
            detail: .units(added: added, removed: removed, respelled: added.isEmpty && removed.isEmpty))
    }

    static func timeframe(_ x: JSONValue?, _ y: JSONValue?) -> FieldChange {
        func parse(_ v: JSONValue?) -> Timeframe? {
            guard let s = v?.stringValue ?? v.map({ $0.serialized(indent: nil) }) else { return nil }
            return try? TimeframeParser.parse(s).get()
        }
        let a = parse(x)
        let b = parse(y)
        var shift: Int?
        if let d1 = a?.deadline, let d2 = b?.deadline { shift = d1.days(until: d2) }
        return FieldChange(
            field: "timeframe", from: x, to: y,
            detail: .timeframe(
                shiftDays: shift, fromLabel: a?.endLabel(.vi), toLabel: b?.endLabel(.vi),
                fromLabelEN: a?.endLabel(.en), toLabelEN: b?.endLabel(.en)))
    }

    /// Lines added and removed between two texts: Myers' difference (the standard library's) of their
    /// lines, compared as bytes, after the lines both texts start and end with are set aside (they
    /// are in every shortest difference, and most edits touch a few lines of a long text). A line ends
    /// at "\n", without the "\r" before it.
    public static func lineCounts(_ a: String, _ b: String) -> (added: Int, removed: Int) {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in lineCounts(x, y) } }
    }

    static func lineCounts(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> (
        added: Int, removed: Int
    ) {
        let xs = Line.split(x)
        let ys = Line.split(y)
        var start = 0
        while start < xs.count && start < ys.count && xs[start] == ys[start] { start += 1 }
        var endX = xs.count
        var endY = ys.count
        while endX > start && endY > start && xs[endX - 1] == ys[endY - 1] {
            endX -= 1
            endY -= 1
        }
        if start == endX || start == endY { return (endY - start, endX - start) }
        let d = ys[start..<endY].difference(from: xs[start..<endX])
        return (d.insertions.count, d.removals.count)
    }

    /// A line of a text held in memory, compared by its bytes (its hash first).
    struct Line: Equatable {
        let start: UnsafePointer<UInt8>?
        let count: Int
        let hash: UInt64

        static func == (a: Line, b: Line) -> Bool {
            guard a.hash == b.hash, a.count == b.count else { return false }
            return a.count == 0 || memcmp(a.start!, b.start!, a.count) == 0
        }

        /// The lines of a text: as many as its "\n" plus one (the last may be empty).
        static func split(_ text: UnsafeBufferPointer<UInt8>) -> [Line] {
            let offset: UInt64 = 0xcbf2_9ce4_8422_2325
            var lines: [Line] = []
            var lineStart = 0
            var hash = offset
            // The hash before the last byte: the line's, when that byte is a "\r" ending it.
            var before = offset
            func end(_ i: Int) {
                let cr = i > lineStart && text[i - 1] == 0x0D
                lines.append(
                    Line(
                        start: text.baseAddress.map { $0 + lineStart }, count: i - lineStart - (cr ? 1 : 0),
                        hash: cr ? before : hash))
            }
            for i in 0..<text.count {
                let c = text[i]
                if c == 0x0A {
                    end(i)
                    lineStart = i + 1
                    hash = offset
                } else {
                    before = hash
                    hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3
                }
            }
            end(text.count)
            return lines
        }
    }
}
