/// `ItemChange` to and from JSON or bytes with nothing lost, for caches of per-commit results.
public enum ItemChangeCodec {
    public static func write(_ c: ItemChange, to w: inout BinaryWriter) {
        let kind: UInt8 =
            switch c.kind {
            case .added: 0
            case .removed: 1
            case .moved: 2
            case .modified: 3
            }
        w.byte(kind)
        w.string(c.item)
        w.string(c.path)
        w.optionalString(c.fromPath)
        w.optionalString(c.title)
        w.optionalString(c.lead)
        w.number(c.fields.count)
        for f in c.fields {
            w.string(f.field)
            if let from = f.from {
                w.byte(1)
                w.json(from)
            } else {
                w.byte(0)
            }
            if let to = f.to {
                w.byte(1)
                w.json(to)
            } else {
                w.byte(0)
            }
            switch f.detail {
            case .value: w.byte(0)
            case .units(let added, let removed, let respelled):
                w.byte(1)
                w.number(added.count)
                added.forEach { w.string($0) }
                w.number(removed.count)
                removed.forEach { w.string($0) }
                w.byte(respelled ? 1 : 0)
            case .timeframe(let shift, let fv, let tv, let fe, let te):
                w.byte(2)
                if let shift {
                    w.byte(1)
                    w.number(shift)
                } else {
                    w.byte(0)
                }
                w.optionalString(fv)
                w.optionalString(tv)
                w.optionalString(fe)
                w.optionalString(te)
            case .body(let added, let removed):
                w.byte(3)
                w.number(added)
                w.number(removed)
            }
        }
    }

    public static func read(_ r: inout BinaryReader) -> ItemChange? {
        let kinds: [ItemChange.Kind] = [.added, .removed, .moved, .modified]
        guard let k = r.byte(), Int(k) < kinds.count, let item = r.string(), let path = r.string(),
            let fromPath = r.optionalString(), let title = r.optionalString(), let lead = r.optionalString(),
            let n = r.number(), n >= 0, n < 10_000
        else { return nil }
        var fields: [FieldChange] = []
        for _ in 0..<n {
            guard let name = r.string(), let hasFrom = r.byte() else { return nil }
            var from: JSONValue?
            if hasFrom == 1 {
                guard let v = r.json() else { return nil }
                from = v
            }
            guard let hasTo = r.byte() else { return nil }
            var to: JSONValue?
            if hasTo == 1 {
                guard let v = r.json() else { return nil }
                to = v
            }
            var detail = FieldChange.Detail.value
            switch r.byte() {
            case 0?: break
            case 1?:
                func strings() -> [String]? {
                    guard let c = r.number(), c >= 0, c < 10_000 else { return nil }
                    var out: [String] = []
                    for _ in 0..<c {
                        guard let s = r.string() else { return nil }
                        out.append(s)
                    }
                    return out
                }
                guard let added = strings(), let removed = strings(), let respelled = r.byte() else { return nil }
                detail = .units(added: added, removed: removed, respelled: respelled == 1)
            case 2?:
                guard let has = r.byte() else { return nil }
                var shift: Int?
                if has == 1 {
                    guard let s = r.number() else { return nil }
                    shift = s
                }
                guard let fv = r.optionalString(), let tv = r.optionalString(), let fe = r.optionalString(),
                    let te = r.optionalString()
                else { return nil }
                detail = .timeframe(shiftDays: shift, fromLabel: fv, toLabel: tv, fromLabelEN: fe, toLabelEN: te)
            case 3?:
                guard let a = r.number(), let m = r.number() else { return nil }
                detail = .body(added: a, removed: m)
            default:
                return nil
            }
            fields.append(FieldChange(field: name, from: from, to: to, detail: detail))
        }
        return ItemChange(
            kind: kinds[Int(k)], item: item, path: path, fromPath: fromPath, title: title, lead: lead,
            fields: fields)
    }

    public static func encode(_ c: ItemChange) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("k", .string(c.kind.rawValue)), ("i", .string(c.item)), ("p", .string(c.path)),
        ]
        if let f = c.fromPath { o.append(("fp", .string(f))) }
        if let t = c.title { o.append(("t", .string(t))) }
        if let l = c.lead { o.append(("l", .string(l))) }
        o.append(("f", .array(c.fields.map(encode))))
        return .object(.init(uniqueKeysWithValues: o))
    }

    static func encode(_ f: FieldChange) -> JSONValue {
        var o: [(String, JSONValue)] = [("n", .string(f.field))]
        if let from = f.from { o.append(("a", from)) }
        if let to = f.to { o.append(("b", to)) }
        switch f.detail {
        case .value: break
        case .units(let added, let removed, let respelled):
            o.append(
                (
                    "u",
                    [
                        "+": .array(added.map { .string($0) }), "-": .array(removed.map { .string($0) }),
                        "r": .bool(respelled),
                    ]
                ))
        case .timeframe(let shift, let fv, let tv, let fe, let te):
            o.append(
                (
                    "tf",
                    [
                        "s": shift.map { JSONValue($0) } ?? .null, "fv": JSONValue(fv), "tv": JSONValue(tv),
                        "fe": JSONValue(fe), "te": JSONValue(te),
                    ]
                ))
        case .body(let added, let removed):
            o.append(("bd", [JSONValue(added), JSONValue(removed)]))
        }
        return .object(.init(uniqueKeysWithValues: o))
    }

    public static func decode(_ v: JSONValue) -> ItemChange? {
        guard let kind = v["k"]?.stringValue.flatMap(ItemChange.Kind.init(rawValue:)), let item = v["i"]?.stringValue,
            let path = v["p"]?.stringValue, let fields = v["f"]?.arrayValue
        else { return nil }
        var decoded: [FieldChange] = []
        for f in fields {
            guard let field = decode(field: f) else { return nil }
            decoded.append(field)
        }
        return ItemChange(
            kind: kind, item: item, path: path, fromPath: v["fp"]?.stringValue, title: v["t"]?.stringValue,
            lead: v["l"]?.stringValue, fields: decoded)
    }

    static func decode(field v: JSONValue) -> FieldChange? {
        guard let name = v["n"]?.stringValue else { return nil }
        var detail = FieldChange.Detail.value
        if let u = v["u"] {
            detail = .units(
                added: u["+"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                removed: u["-"]?.arrayValue?.compactMap(\.stringValue) ?? [], respelled: u["r"] == .bool(true))
        } else if let t = v["tf"] {
            let shift = t["s"]?.intValue
            detail = .timeframe(
                shiftDays: shift, fromLabel: t["fv"]?.stringValue, toLabel: t["tv"]?.stringValue,
                fromLabelEN: t["fe"]?.stringValue, toLabelEN: t["te"]?.stringValue)
        } else if let b = v["bd"]?.arrayValue, b.count == 2, let a = b[0].intValue, let r = b[1].intValue {
            detail = .body(added: a, removed: r)
        }
        return FieldChange(field: name, from: v["a"], to: v["b"], detail: detail)
    }
}
