/// Applies fixes to a file's bytes: only the bytes of each fixed span change, and of fixes that
/// overlap only the first is taken (the next run takes the other, on the new text).
public enum FixApplier {
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [Fix]) {
        let sorted = fixes.sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        var applied: [Fix] = []
        var end = 0
        for f in sorted where f.range.lowerBound >= end && f.range.upperBound <= bytes.count {
            applied.append(f)
            end = max(end, f.range.upperBound)
        }
        guard !applied.isEmpty else { return (bytes, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for f in applied {
            out += bytes[at..<f.range.lowerBound]
            out += Array(f.replacement.utf8)
            at = f.range.upperBound
        }
        out += bytes[at...]
        return (out, applied)
    }
}

/// A unified diff of two texts, for `--fix --dry-run`: what would change, in the form every reviewer
/// knows.
public enum UnifiedDiff {
    public static func render(path: String, old: String, new: String, context: Int = 2) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let diff = b.difference(from: a)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for c in diff {
            switch c {
            case .remove(let o, _, _): removed.insert(o)
            case .insert(let o, _, _): inserted.insert(o)
            }
        }
        guard !removed.isEmpty || !inserted.isEmpty else { return "" }
        // Walk both texts together, marking each line kept, removed or added.
        var lines: [(tag: Character, text: String, oldLine: Int, newLine: Int)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                lines.append(("-", a[i], i, j))
                i += 1
                continue
            }
            if j < b.count, inserted.contains(j) {
                lines.append(("+", b[j], i, j))
                j += 1
                continue
            }
            if i < a.count, j < b.count { lines.append((" ", a[i], i, j)) }
            i += 1
            j += 1
        }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var k = 0
        while k < lines.count {
            guard lines[k].tag != " " else {
                k += 1
                continue
            }
            // A hunk: from `context` lines before this change to `context` lines after the last change near it.
            let start = max(0, k - context)
            var end = k
            var last = k
            while end < lines.count, end - last <= 2 * context {
                if lines[end].tag != " " { last = end }
                end += 1
            }
            end = min(lines.count, last + context + 1)
            let hunk = lines[start..<end]
            let oldCount = hunk.count { $0.tag != "+" }
            let newCount = hunk.count { $0.tag != "-" }
            out += "@@ -\(hunk.first!.oldLine + 1),\(oldCount) +\(hunk.first!.newLine + 1),\(newCount) @@\n"
            for l in hunk { out += "\(l.tag)\(l.text)\n" }
            k = end
        }
        return out
    }
}
