/// `ItemChange` to and from JSON with nothing lost, for caches of per-commit results.
public enum ItemChangeCodec {
    public static func encode(_ c: ItemChange) -> JSONValue {
        var o: [(String, JSONValue)] = [("k", .string(c.kind.rawValue)), ("i", .string(c.item)), ("p", .string(c.path))]
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
            o.append(("u", ["+": .array(added.map { .string($0) }), "-": .array(removed.map { .string($0) }), "r": .bool(respelled)]))
        case .timeframe(let shift, let fv, let tv, let fe, let te):
            o.append(("tf", ["s": shift.map { JSONValue($0) } ?? .null, "fv": JSONValue(fv), "tv": JSONValue(tv),
                             "fe": JSONValue(fe), "te": JSONValue(te)]))
        case .body(let added, let removed):
            o.append(("bd", [JSONValue(added), JSONValue(removed)]))
        }
        return .object(.init(uniqueKeysWithValues: o))
    }

    public static func decode(_ v: JSONValue) -> ItemChange? {
        guard let kind = v["k"]?.stringValue.flatMap(ItemChange.Kind.init(rawValue:)), let item = v["i"]?.stringValue,
              let path = v["p"]?.stringValue, let fields = v["f"]?.arrayValue else { return nil }
        var decoded: [FieldChange] = []
        for f in fields {
            guard let field = decode(field: f) else { return nil }
            decoded.append(field)
        }
        return ItemChange(kind: kind, item: item, path: path, fromPath: v["fp"]?.stringValue, title: v["t"]?.stringValue,
                          lead: v["l"]?.stringValue, fields: decoded)
    }

    static func decode(field v: JSONValue) -> FieldChange? {
        guard let name = v["n"]?.stringValue else { return nil }
        var detail = FieldChange.Detail.value
        if let u = v["u"] {
            detail = .units(added: u["+"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                            removed: u["-"]?.arrayValue?.compactMap(\.stringValue) ?? [], respelled: u["r"] == .bool(true))
        } else if let t = v["tf"] {
            var shift: Int?
            if case .number(let n)? = t["s"] { shift = Int(n) }
            detail = .timeframe(shiftDays: shift, fromLabel: t["fv"]?.stringValue, toLabel: t["tv"]?.stringValue,
                                fromLabelEN: t["fe"]?.stringValue, toLabelEN: t["te"]?.stringValue)
        } else if let b = v["bd"]?.arrayValue, b.count == 2, case .number(let a) = b[0], case .number(let r) = b[1] {
            detail = .body(added: Int(a), removed: Int(r))
        }
        return FieldChange(field: name, from: v["a"], to: v["b"], detail: detail)
    }
}
