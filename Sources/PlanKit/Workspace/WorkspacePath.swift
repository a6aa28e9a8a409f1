import Foundation

/// Workspace-relative paths: `/`-separated, never absolute, never leaving the root.
public enum WorkspacePath {
    /// True for `plans/x/1a.md`; false for `/etc/x`, `../x`, `a/../../x`, `C:\x`, empty.
    public static func isSafeRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains("\0") else { return false }
        if path.count >= 2, path.dropFirst().first == ":" { return false }
        var depth = 0
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 || part.contains("\\") { return false }
        }
        return depth > 0
    }

    /// The plan id of an item path under the plans folder: `plans/dvk-2021/2-x/2a.md` → `dvk-2021`.
    public static func planID(of path: String, plansPath: String) -> String? {
        var path = path
        var plansPath = plansPath
        return path.withUTF8 { p in
            plansPath.withUTF8 { base -> String? in
                let baseCount = base.last == UInt8(ascii: "/") ? base.count - 1 : base.count
                guard p.count > baseCount + 1, memcmp(p.baseAddress!, base.baseAddress!, baseCount) == 0,
                    p[baseCount] == UInt8(ascii: "/")
                else { return nil }
                let start = baseCount + 1
                var slash = start
                while slash < p.count, p[slash] != UInt8(ascii: "/") { slash += 1 }
                guard slash < p.count, slash > start else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: p[start..<slash]), as: UTF8.self)
            }
        }
    }

    /// What a path under the plans folder is: its plan, and whether it is the plan's header or an item.
    /// nil for a path outside any plan folder.
    public static func classify(_ path: String, plansPath: String) -> (planID: String, isHeader: Bool, isItem: Bool)? {
        guard let id = planID(of: path, plansPath: plansPath) else { return nil }
        let base = plansPath.hasSuffix("/") ? String(plansPath.dropLast()) : plansPath
        // "<base>/<id>/plan.md"
        let isHeader = path.utf8.count == base.utf8.count + id.utf8.count + 9 && path.hasSuffix("/plan.md")
        let isItem = !isHeader && path.hasSuffix(".md") && !path.hasSuffix("/README.md")
        return (id, isHeader, isItem)
    }

    /// Whether a path is a plan's header file `plans/<id>/plan.md`.
    public static func isPlanHeader(_ path: String, plansPath: String) -> Bool {
        guard let id = planID(of: path, plansPath: plansPath) else { return false }
        return path == "\(plansPath)/\(id)/plan.md"
    }

    /// Whether a path is an item file: a `.md` under `plans/<id>/`, other than the plan's header.
    public static func isItem(_ path: String, plansPath: String) -> Bool {
        path.hasSuffix(".md") && planID(of: path, plansPath: plansPath) != nil
            && !isPlanHeader(path, plansPath: plansPath)
            && !path.hasSuffix("/README.md")
    }
}

/// Glob patterns for `ignore:`: `*` within a path segment, `?`, and `**` across segments.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let s = Array(path.unicodeScalars)
        return match(p, 0, s, 0)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int) -> Bool {
        var pi = pi
        var si = si
        while pi < p.count {
            if p[pi] == "*" {
                let double = pi + 1 < p.count && p[pi + 1] == "*"
                var next = pi + (double ? 2 : 1)
                if double, next < p.count, p[next] == "/" { next += 1 }
                var k = si
                while true {
                    if match(p, next, s, k) { return true }
                    guard k < s.count, double || s[k] != "/" else { return false }
                    k += 1
                }
            }
            guard si < s.count else { return false }
            if p[pi] != "?" && p[pi] != s[si] { return false }
            if p[pi] == "?" && s[si] == "/" { return false }
            pi += 1
            si += 1
        }
        // A pattern naming a folder matches what is inside it.
        return si == s.count || (si > 0 && s[si - 1] == "/") || s[si] == "/"
    }
}
