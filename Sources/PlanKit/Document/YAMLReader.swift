import OrderedCollections
import Yams

public enum YAMLReader {
    /// Parses one YAML document. `firstLine` is the file line of the text's first line, so all
    /// positions come out as file positions.
    public static func parse(_ text: String, firstLine: Int = 1, maxDepth: Int = 32) throws(YAMLFailure) -> YAMLNode? {
        // Most front-matter is plain key: value lines, read here without Yams; the rest goes through it.
        if let plain = PlainYAML.parse(text, firstLine: firstLine) { return plain }
        return try parseWithYams(text, firstLine: firstLine, maxDepth: maxDepth)
    }

    /// The general path: guarded, then Yams.
    static func parseWithYams(_ text: String, firstLine: Int = 1, maxDepth: Int = 32) throws(YAMLFailure) -> YAMLNode? {
        try GuardScanner.check(text, firstLine: firstLine, maxDepth: maxDepth)
        let node: Node?
        do {
            // The encoding is given: its default reads the process environment on every call.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw failure(from: error, text: text, firstLine: firstLine)
        } catch {
            throw YAMLFailure(kind: .syntax, line: firstLine, column: 1, message: Message(.yamlSyntax, "\(error)"))
        }
        guard let node else { return nil }
        return try convert(node, firstLine: firstLine)
    }

    private static func convert(_ node: Node, firstLine: Int) throws(YAMLFailure) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let s):
            return .scalar(YAMLScalar(value: s.string, style: style(s.style), line: line, column: column))
        case .sequence(let seq):
            var items: [YAMLNode] = []
            items.reserveCapacity(seq.count)
            for item in seq { items.append(try convert(item, firstLine: firstLine)) }
            return .sequence(items, line: line, column: column)
        case .mapping(let map):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(map.count)
            for (k, v) in map {
                guard case .scalar(let ks) = k else {
                    let kl = (k.mark?.line ?? 1) + firstLine - 1
                    throw YAMLFailure(
                        kind: .syntax, line: kl, column: k.mark?.column ?? 1,
                        message: Message(.yamlComplexKey))
                }
                let key = YAMLScalar(
                    value: ks.string, style: style(ks.style),
                    line: (ks.mark?.line ?? 1) + firstLine - 1, column: ks.mark?.column ?? 1)
                pairs.append(YAMLPair(key: key, value: try convert(v, firstLine: firstLine)))
            }
            return .mapping(pairs, line: line, column: column)
        case .alias:
            // The guard scanner refuses aliases before Yams sees them.
            throw YAMLFailure(kind: .anchor, line: line, column: column, message: Message(.yamlAnchor))
        }
    }

    private static func style(_ s: Node.Scalar.Style) -> YAMLScalar.Style {
        switch s {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        default: .plain
        }
    }

    private static func failure(from error: YamlError, text: String, firstLine: Int) -> YAMLFailure {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> YAMLFailure {
            var message = problem
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            // At the end of the text ("unexpected end of stream") the useful place is where the
            // unfinished thing began: the opening quote, the key.
            var at = mark
            if let context, mark.line >= lineCount, context.mark.line < mark.line { at = context.mark }
            return YAMLFailure(
                kind: .syntax, line: at.line + firstLine - 1, column: max(1, at.column),
                message: Message(.yamlSyntax, message))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return make(problem, context, mark)
        case .parser(let context, let problem, let mark, _): return make(problem, context, mark)
        case .composer(let context, let problem, let mark, _): return make(problem, context, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams gives the first occurrence; the second is the one to remove.
            let at =
                secondOccurrence(of: duplicates.first ?? "", after: context.mark, in: text)
                ?? (context.mark.line, context.mark.column)
            return YAMLFailure(
                kind: .syntax, line: at.line + firstLine - 1, column: max(1, at.column),
                message: Message(.yamlDuplicateKey, Catalogue.quoteList(duplicates)))
        case .reader(let problem, _, _, _):
            return YAMLFailure(kind: .syntax, line: firstLine, column: 1, message: Message(.yamlSyntax, problem))
        default:
            return YAMLFailure(kind: .syntax, line: firstLine, column: 1, message: Message(.yamlSyntax, "\(error)"))
        }
    }

    /// The next line after `mark` that starts with `key:` at the same column.
    private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)?
    {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        let indent = String(repeating: " ", count: max(0, mark.column - 1))
        for i in mark.line..<lines.count {
            let line = lines[i]
            if line.hasPrefix(indent + key + ":") || line.hasPrefix(indent + "\"" + key + "\":") {
                return (i + 1, mark.column)
            }
        }
        return nil
    }
}
