import Foundation
import PlanKit

/// `plan lsp`: a Language Server Protocol server over stdio for editing plan items.
///
/// - diagnostics: `plan check`'s findings for each open document, computed on its unsaved text with
///   the workspace's configuration, registry, schema and the other items (open ones as edited);
/// - completion: unit names in `lead` and `support`, statuses in `status`, today in `completed`;
/// - code actions: the fixes `plan check --fix` would make, one by one or all at once.
///
/// Requests are answered in order on one thread; documents are synchronised in full.
public final class LanguageServer {
    private let transport: Transport
    private let version: String
    private var documents: [String: String] = [:]
    private var fixes: [String: [FixAction]] = [:]
    private var clientLanguage: Language?
    private var shutdownRequested = false
    /// Facts of unchanged files on disk, kept between checks.
    private let facts = FactsCache()

    private struct FixAction {
        let diagnostic: JSONValue
        let range: JSONValue
        let newText: String
        let message: String
        let startLine: Int
        let endLine: Int
    }

    public init(input: Int32 = 0, output: Int32 = 1, version: String) {
        transport = Transport(input: input, output: output)
        self.version = version
    }

    /// Serves until `exit`; the process's exit code (0 after a `shutdown` request, 1 otherwise).
    public func run() -> Int32 {
        while true {
            let message: JSONValue
            do {
                message = try transport.read()
            } catch .endOfInput {
                return shutdownRequested ? 0 : 1
            } catch .badJSON(let why) {
                transport.write([
                    "jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": .string("parse error: " + why)],
                ])
                continue
            } catch {
                return 1
            }
            guard let method = message["method"]?.stringValue else { continue }
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            let params = message["params"] ?? .null
            if let id = message["id"] {
                let reply: JSONValue
                do {
                    reply = ["jsonrpc": "2.0", "id": id, "result": try request(method, params)]
                } catch let error as RequestError {
                    reply = [
                        "jsonrpc": "2.0", "id": id,
                        "error": ["code": JSONValue(error.code), "message": .string(error.message)],
                    ]
                } catch {
                    reply = ["jsonrpc": "2.0", "id": id, "error": ["code": -32603, "message": .string("\(error)")]]
                }
                transport.write(reply)
            } else {
                notification(method, params)
            }
        }
    }

    struct RequestError: Error {
        let code: Int
        let message: String
    }

    // MARK: Requests and notifications

    private func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
        switch method {
        case "initialize":
            if let locale = params["locale"]?.stringValue { clientLanguage = Language(locale: locale) }
            return [
                "capabilities": [
                    "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
                    "completionProvider": ["triggerCharacters": [" ", "-"], "resolveProvider": false],
                    "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                ],
                "serverInfo": ["name": "plan", "version": .string(version)],
            ]
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/completion":
            return completion(params)
        case "textDocument/codeAction":
            return codeActions(params)
        default:
            throw RequestError(code: -32601, message: "method not found: \(method)")
        }
    }

    private func notification(_ method: String, _ params: JSONValue) {
        let uri = params["textDocument"]?["uri"]?.stringValue
        switch method {
        case "textDocument/didOpen":
            guard let uri, let text = params["textDocument"]?["text"]?.stringValue else { return }
            documents[uri] = text
            publish(uri)
        case "textDocument/didChange":
            guard let uri, var text = documents[uri], let changes = params["contentChanges"]?.arrayValue else { return }
            for change in changes {
                guard let new = change["text"]?.stringValue else { continue }
                if let range = change["range"] { text = Self.apply(new, at: range, to: text) } else { text = new }
            }
            documents[uri] = text
            publish(uri)
        case "textDocument/didSave":
            // Other documents' cross-file findings (duplicate ids, depends_on) may have changed.
            for other in documents.keys.sorted() { publish(other) }
        case "textDocument/didClose":
            guard let uri else { return }
            documents[uri] = nil
            fixes[uri] = nil
            transport.write([
                "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                "params": ["uri": .string(uri), "diagnostics": []],
            ])
        default:
            break
        }
    }

    /// A line or character number from the editor, never trusted: negative is 0, a number beyond any
    /// `Int` (1e30) is `Int.max` (past the end), a fraction is cut.
    static func position(_ value: JSONValue?) -> Int {
        guard case .number(let n)? = value, n > 0 else { return 0 }
        return n < 9.0e18 ? Int(n) : Int.max
    }

    /// An incremental change: `new` replaces the range (UTF-16 positions) of `text`.
    static func apply(_ new: String, at range: JSONValue, to text: String) -> String {
        let positions = TextPositions(text)
        func offset(_ p: JSONValue?) -> Int {
            let line = position(p?["line"])
            let character = position(p?["character"])
            guard line < positions.lineStarts.count else { return positions.bytes.count }
            let prefix = positions.utf16Prefix(line: line, character: character)
            return positions.lineStarts[line] + prefix.utf8.count
        }
        let a = offset(range["start"])
        let b = max(a, offset(range["end"]))
        return String(decoding: positions.bytes[..<a] + Array(new.utf8) + positions.bytes[b...], as: UTF8.self)
    }

    // MARK: Where a document is

    private struct Place {
        let root: String
        let relative: String
        let source: OverlayFileSource
        let config: WorkspaceConfig
        let language: Language
    }

    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    private func place(_ uri: String) throws(PlanError) -> Place? {
        guard let path = Self.path(of: uri),
            let root = try? WorkspaceLocator.find(from: (path as NSString).deletingLastPathComponent)
        else {
            return nil
        }
        func relative(_ p: String) -> String? {
            let real = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
            let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
            for (file, base) in [(p, root), (real, realRoot)] where file.hasPrefix(base + "/") {
                return String(file.dropFirst(base.count + 1))
            }
            return nil
        }
        guard let rel = relative(path) else { return nil }
        var overlay: [String: [UInt8]] = [:]
        for (u, text) in documents {
            if let p = Self.path(of: u), let r = relative(p) { overlay[r] = Array(text.utf8) }
        }
        let source = OverlayFileSource(base: DirectoryFileSource(root: root, statContentIDs: true), overlay: overlay)
        let config = try WorkspaceLoader.loadConfig(from: source)
        return Place(
            root: root, relative: rel, source: source, config: config,
            language: Language.resolve(flag: nil, workspace: config.locale ?? clientLanguage))
    }

    // MARK: Diagnostics

    private func publish(_ uri: String) {
        guard let text = documents[uri] else { return }
        let positions = TextPositions(text)
        var diagnostics: [JSONValue] = []
        var actions: [FixAction] = []
        do {
            if let place = try place(uri) {
                let c = place.config
                if [WorkspaceConfig.fileName, c.unitsPath, c.schemaPath].contains(place.relative) {
                    // Workspace files: their errors are the whole story.
                    _ = try WorkspaceLoader.loadRegistry(c, from: place.source)
                    _ = try WorkspaceLoader.loadSchema(c, from: place.source)
                } else if WorkspacePath.classify(place.relative, plansPath: c.plansPath) != nil {
                    let options = CheckOptions(load: LoadOptions(scope: [place.relative], facts: facts))
                    let result = try Checker.check(source: place.source, options: options)
                    for d in result.diagnostics where d.location.path == place.relative {
                        var start = positions.position(line: d.location.line, column: d.location.column)
                        var end = (line: start.line, character: max(start.character, positions.lineEnd(start.line)))
                        if let fix = d.fix {
                            start = positions.position(byte: fix.range.lowerBound)
                            end = positions.position(byte: fix.range.upperBound)
                        }
                        let message = d.message.render(place.language)
                        let json: JSONValue = [
                            "range": TextPositions.range(start, end),
                            "severity": d.severity == .error ? 1 : (d.severity == .warning ? 2 : 3),
                            "code": .string(d.rule), "source": "plan", "message": .string(message),
                        ]
                        diagnostics.append(json)
                        if let fix = d.fix {
                            actions.append(
                                FixAction(
                                    diagnostic: json, range: TextPositions.range(start, end), newText: fix.replacement,
                                    message: message, startLine: start.line, endLine: end.line))
                        }
                    }
                }
            }
        } catch {
            let (line, column, message): (Int, Int, String) = {
                if case .config(let path, let l, let c, let m) = error, let p = try? place(uri), p.relative == path {
                    return (l, c, m.render(p.language))
                }
                return (1, 1, error.render(clientLanguage ?? .en))
            }()
            let start = positions.position(line: line, column: column)
            diagnostics.append([
                "range": TextPositions.range(start, (start.line, positions.lineEnd(start.line))),
                "severity": 1, "code": "config", "source": "plan", "message": .string(message),
            ])
        }
        fixes[uri] = actions
        transport.write([
            "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
            "params": ["uri": .string(uri), "diagnostics": .array(diagnostics)],
        ])
    }

    // MARK: Code actions

    private func codeActions(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let available = fixes[uri], !available.isEmpty
        else { return [] }
        let first = Self.position(params["range"]?["start"]?["line"])
        let last = params["range"]?["end"]?["line"].map(Self.position) ?? first
        let language = (try? place(uri))?.flatMap { $0.language } ?? clientLanguage ?? .en
        func edit(_ fixes: [FixAction]) -> JSONValue {
            ["changes": .object([uri: .array(fixes.map { ["range": $0.range, "newText": .string($0.newText)] })])]
        }
        var out: [JSONValue] = []
        for f in available where f.startLine <= last && f.endLine >= first {
            out.append([
                "title": .string(Message(.lspFix, f.message).render(language)), "kind": "quickfix",
                "diagnostics": [f.diagnostic], "isPreferred": true, "edit": edit([f]),
            ])
        }
        if available.count > 1 {
            out.append([
                "title": .string(Message(.lspFixAll, String(available.count)).render(language)), "kind": "quickfix",
                "diagnostics": .array(available.map(\.diagnostic)), "edit": edit(available),
            ])
        }
        return .array(out)
    }

    // MARK: Completion

    private func completion(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let text = documents[uri],
            let position = params["position"]
        else { return [] }
        let line = Self.position(position["line"])
        let character = Self.position(position["character"])
        let positions = TextPositions(text)
        // Only inside the front-matter.
        guard positions.lineText(0).trimmedSpaces == "---", line > 0, line < positions.lineStarts.count else {
            return []
        }
        for l in 1..<line where ["---", "..."].contains(positions.lineText(l).trimmedSpaces) { return [] }
        let prefix = positions.utf16Prefix(line: line, character: character)
        guard let (key, valueStart) = Self.completionKey(prefix, line: line, positions: positions) else { return [] }
        let range = TextPositions.range((line, valueStart), (line, max(valueStart, positions.lineEnd(line))))
        var items: [JSONValue] = []
        switch key {
        case "lead", "support":
            guard let place = try? place(uri),
                let registry = try? WorkspaceLoader.loadRegistry(place.config, from: place.source)
            else {
                return []
            }
            for (i, unit) in registry.units.enumerated() {
                let filter = ([unit.name] + unit.aliases + [unit.id]).flatMap {
                    [$0, VietnameseText.stripDiacritics($0)]
                }
                var item: JSONValue = [
                    "label": .string(unit.name), "kind": 12,
                    "detail": .string(unit.id + (unit.kind.map { " · " + $0.rawValue } ?? "")),
                    "filterText": .string(filter.joined(separator: " ")),
                    "sortText": .string(String(format: "%05d", i)),
                    "textEdit": ["range": range, "newText": .string(YAMLText.scalar(unit.name))],
                ]
                if !unit.aliases.isEmpty {
                    item = item.setting("documentation", .string(unit.aliases.joined(separator: "\n")))
                }
                items.append(item)
            }
        case "status":
            for s in PlanStatus.statuses {
                items.append(["label": .string(s), "kind": 20, "textEdit": ["range": range, "newText": .string(s)]])
            }
        case "completed":
            // The day a clerk records a result is usually the day it was finished.
            let today = CivilDate.today().description
            items.append([
                "label": .string(today), "kind": 12, "textEdit": ["range": range, "newText": .string(today)],
            ])
        default:
            return []
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    /// The key whose value the cursor is in (`lead: Ph|`, or `  - Sở|` under `support:`), and the
    /// UTF-16 character where that value starts.
    static func completionKey(_ prefix: String, line: Int, positions: TextPositions) -> (String, Int)? {
        func valueStart(after marker: Substring.Index, in s: String) -> Int {
            let rest = s[marker...].prefix(while: { $0 == " " })
            return s[..<rest.endIndex].utf16.count
        }
        if let colon = prefix.firstIndex(of: ":"), !prefix.hasPrefix(" "), !prefix.hasPrefix("-") {
            let key = String(prefix[..<colon])
            guard ["lead", "support", "status", "completed"].contains(key) else { return nil }
            return (key, valueStart(after: prefix.index(after: colon), in: prefix))
        }
        let trimmed = prefix.drop(while: { $0 == " " })
        guard trimmed.hasPrefix("-") else { return nil }
        let dash = prefix.index(prefix.startIndex, offsetBy: prefix.count - trimmed.count)
        // The key the list belongs to: the nearest line above that is not indented.
        var l = line - 1
        while l > 0 {
            let text = positions.lineText(l)
            if let first = text.first, first != " ", first != "-" {
                guard let colon = text.firstIndex(of: ":") else { return nil }
                let key = String(text[..<colon])
                return ["lead", "support"].contains(key)
                    ? (key, valueStart(after: prefix.index(after: dash), in: prefix)) : nil
            }
            l -= 1
        }
        return nil
    }
}

extension JSONValue {
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var o) = self else { return self }
        o[key] = value
        return .object(o)
    }
}
