/// Writes JSON text directly, formatted exactly as `JSONValue.serialized(indent: 2)` formats it: for
/// large outputs (a report over ten thousand commits) without building a tree first.
public struct JSONWriter {
    public private(set) var out = ""
    private var level = 0
    private var first = [true]
    private var pendingKey = false
    private var emptyContainer = false

    public init(capacity: Int = 1 << 16) {
        out.reserveCapacity(capacity)
    }

    private mutating func newline() {
        out += "\n"
        out += String(repeating: " ", count: 2 * level)
    }

    /// Before a value: a comma and a new line unless it follows a key.
    private mutating func prepare() {
        if pendingKey {
            pendingKey = false
            return
        }
        if level > 0 {
            if !first[first.count - 1] { out += "," }
            first[first.count - 1] = false
            newline()
        }
    }

    public mutating func key(_ k: String) {
        if !first[first.count - 1] { out += "," }
        first[first.count - 1] = false
        newline()
        JSONValue.writeString(k, to: &out)
        out += ": "
        pendingKey = true
    }

    public mutating func beginObject() { begin("{") }
    public mutating func endObject() { end("}") }
    public mutating func beginArray() { begin("[") }
    public mutating func endArray() { end("]") }

    private mutating func begin(_ c: String) {
        prepare()
        out += c
        level += 1
        first.append(true)
    }

    private mutating func end(_ c: String) {
        level -= 1
        let wasEmpty = first.removeLast()
        if !wasEmpty { newline() }
        out += c
    }

    public mutating func value(_ s: String) {
        prepare()
        JSONValue.writeString(s, to: &out)
    }

    public mutating func value(_ n: Int) {
        prepare()
        out += String(n)
    }

    public mutating func value(_ v: JSONValue) {
        prepare()
        v.write(to: &out, indent: 2, level: level)
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
