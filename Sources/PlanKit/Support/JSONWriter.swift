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

    /// A writer of elements of an array that another writer has open at `level`, for `appendElements`:
    /// parts of a large array written on several threads. `first`: its first element is the array's.
    public init(elementsAt level: Int, first: Bool, capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        self.level = level
        self.first = Array(repeating: false, count: level) + [first]
    }

    /// Elements written by a writer made with `init(elementsAt:first:)` at this writer's level, in order.
    public mutating func appendElements(_ part: [UInt8]) {
        guard !part.isEmpty else { return }
        bytes.append(contentsOf: part)
        first[first.count - 1] = false
    }

    /// The bytes written.
    public consuming func written() -> [UInt8] { bytes }

    /// The JSON text written.
    public var out: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON text written and a new line, as bytes (a large output is not copied into a string).
    public consuming func line() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    private mutating func newline() {
        bytes.append(0x0A)
        // Appended as they are: slicing a shared array of spaces for every line was slower.
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func string(_ s: String) { JSONValue.writeString(s, to: &bytes) }

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

    public mutating func value(_ n: Int) { raw(String(n)) }

    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let n): raw(JSONValue.format(number: n))
        case .string(let s): value(s)
        case .array(let a):
            beginArray()
            for e in a { value(e) }
            endArray()
        case .object(let o):
            beginObject()
            for (k, e) in o { field(k, e) }
            endObject()
        }
    }

    /// A value written as it is (a number, a literal).
    private mutating func raw(_ text: String) {
        prepare()
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
