/// Writes JSON text directly, formatted exactly as `JSONValue.serialized(indent: 2)` formats it: for
/// large outputs (a report over ten thousand commits) without building a tree first.
public struct JSONWriter {
    /// The text so far, as bytes: appending bytes is several times cheaper than appending strings.
    private var bytes: [UInt8] = []
    private var level = 0
    private var first = [true]
    private var pendingKey = false
    private var emptyContainer = false

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON text written.
    public var out: String { String(decoding: bytes, as: UTF8.self) }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private mutating func newline() {
        bytes.append(0x0A)
        var n = 2 * level
        while n > 0 {
            let k = min(n, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[0..<k])
            n -= k
        }
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A JSON string: most need no escaping and are copied whole.
    private mutating func string(_ s: String) {
        if s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            var escaped = ""
            JSONValue.writeString(s, to: &escaped)
            append(escaped)
        } else {
            bytes.append(0x22)
            append(s)
            bytes.append(0x22)
        }
    }

    /// Before a value: a comma and a new line unless it follows a key.
    private mutating func prepare() {
        if pendingKey {
            pendingKey = false
            return
        }
        if level > 0 {
            if !first[first.count - 1] { bytes.append(0x2C) }
            first[first.count - 1] = false
            newline()
        }
    }

    public mutating func key(_ k: String) {
        if !first[first.count - 1] { bytes.append(0x2C) }
        first[first.count - 1] = false
        newline()
        string(k)
        bytes.append(0x3A)
        bytes.append(0x20)
        pendingKey = true
    }

    public mutating func beginObject() { begin("{") }
    public mutating func endObject() { end("}") }
    public mutating func beginArray() { begin("[") }
    public mutating func endArray() { end("]") }

    private mutating func begin(_ c: String) {
        prepare()
        append(c)
        level += 1
        first.append(true)
    }

    private mutating func end(_ c: String) {
        level -= 1
        let wasEmpty = first.removeLast()
        if !wasEmpty { newline() }
        append(c)
    }

    public mutating func value(_ s: String) {
        prepare()
        string(s)
    }

    public mutating func value(_ n: Int) {
        prepare()
        append(String(n))
    }

    public mutating func value(_ v: JSONValue) {
        prepare()
        var text = ""
        v.write(to: &text, indent: 2, level: level)
        append(text)
    }

    public mutating func field(_ k: String, _ s: String) {
        key(k)
        value(s)
    }
    public mutating func field(_ k: String, _ n: Int) {
        key(k)
        value(n)
    }
    public mutating func field(_ k: String, _ v: JSONValue) {
        key(k)
        value(v)
    }
}
