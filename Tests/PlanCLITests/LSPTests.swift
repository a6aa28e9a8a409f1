import Foundation
import PlanKit
import TestSupport
import Testing

/// A scripted LSP client talking to the real `plan lsp` over pipes, as an editor does.
final class LSPClient: @unchecked Sendable {
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let lock = NSCondition()
    private var buffer = Data()
    private var messages: [JSONValue] = []
    private var nextID = 1

    init(in directory: String) throws {
        process.executableURL = PlanBinary.url
        process.arguments = ["lsp"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.buffer.append(data)
            self.parse()
            self.lock.broadcast()
            self.lock.unlock()
        }
        try process.run()
    }

    /// A server still running when the test ends (a test that failed or timed out) is killed, not left behind.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Splits complete messages off the buffer (the lock is held).
    private func parse() {
        while let headerEnd = buffer.range(of: Data("\r\n\r\n".utf8)) {
            let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            guard
                let lengthLine = header.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-length:")
                }),
                let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
            else { return }
            guard buffer.count - (headerEnd.upperBound - buffer.startIndex) >= length else { return }
            let body = buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)]
            if let json = try? JSONValue.parse(Data(body)) { messages.append(json) }
            buffer = Data(buffer[(headerEnd.upperBound + length)...])
        }
    }

    func send(_ message: JSONValue) {
        let body = Data(message.serialized(indent: nil).utf8)
        stdin.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": JSONValue(id), "method": .string(method), "params": params])
        return try wait { $0["id"] == JSONValue(id) }
    }

    /// The first message (not yet taken) that matches, waiting up to 30 seconds for it.
    func wait(_ matches: (JSONValue) -> Bool) throws -> JSONValue {
        let deadline = Date().addingTimeInterval(30)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let i = messages.firstIndex(where: matches) { return messages.remove(at: i) }
            guard lock.wait(until: deadline) else { throw TimedOut() }
        }
    }

    func diagnostics(for uri: String) throws -> [JSONValue] {
        let m = try wait {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri
        }
        return m["params"]?["diagnostics"]?.arrayValue ?? []
    }

    func exitCode() -> Int32 {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct TimedOut: Error {}
}

@Suite struct LSPTests {
    @Test func diagnosticsCompletionAndQuickFixes() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let client = try LSPClient(in: dir.path)
        let initialize = try client.request(
            "initialize",
            [
                "processId": nil, "rootUri": .string("file://" + dir.path),
                "capabilities": [:], "locale": "en",
            ])
        let capabilities = initialize["result"]?["capabilities"]
        #expect(capabilities?["textDocumentSync"]?["change"] == 1)
        #expect(capabilities?["completionProvider"] != nil)
        #expect(capabilities?["codeActionProvider"]?["codeActionKinds"] == ["quickfix"])
        client.notify("initialized", [:])

        // Opened with an alias as lead: a warning on the value, with a fix.
        let path = "plans/demo/1-muc/1b.md"
        let uri = "file://" + dir.path + "/" + path
        let text = ExampleWorkspace.item([
            "id: demo/1.b", "lead: Phòng Tuyên truyền - Báo chí và Xuất bản", "timeframe: Thường xuyên",
        ])
        client.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": "markdown", "version": 1,
                    "text": .string(text),
                ]
            ])
        var diagnostics = try client.diagnostics(for: uri)
        #expect(diagnostics.map { $0["code"] } == ["unit-alias"])
        let leadLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.hasPrefix("lead:")
        }!
        #expect(
            diagnostics.first?["range"] == [
                "start": ["line": JSONValue(leadLine), "character": 6],
                "end": [
                    "line": JSONValue(leadLine),
                    "character": JSONValue("lead: Phòng Tuyên truyền - Báo chí và Xuất bản".utf16.count),
                ],
            ])
        #expect(diagnostics.first?["severity"] == 2)
        // The unit's message is in the workspace's language (vi), whatever the editor's.
        #expect(diagnostics.first?["message"]?.stringValue?.contains("là tên gọi khác của") == true)

        let actions = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(uri)],
                "range": [
                    "start": ["line": JSONValue(leadLine), "character": 0],
                    "end": ["line": JSONValue(leadLine), "character": 0],
                ],
                "context": ["diagnostics": .array(diagnostics)],
            ])
        let fix = try #require(actions["result"]?.arrayValue?.first)
        #expect(fix["kind"] == "quickfix")
        #expect(
            fix["edit"]?["changes"]?[uri]?.arrayValue?.first?["newText"] == "Phòng Tuyên truyền - Báo chí - Xuất bản")

        // Unsaved edits are checked as typed: an unknown unit is an error; nothing is written to disk.
        let edited = text.replacingOccurrences(
            of: "lead: Phòng Tuyên truyền - Báo chí và Xuất bản", with: "lead: Phòng Không Có")
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [["text": .string(edited)]],
            ])
        diagnostics = try client.diagnostics(for: uri)
        #expect(diagnostics.map { $0["code"] } == ["unit-unknown"])
        #expect(diagnostics.first?["severity"] == 1)
        #expect(!dir.exists(path))

        // Another item with the same id, open but unsaved: the cross-file rule sees it.
        let twin = "file://" + dir.path + "/plans/demo/1-muc/1c.md"
        client.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(twin), "languageId": "markdown", "version": 1,
                    "text": .string(ExampleWorkspace.item([])),
                ]
            ])
        #expect(try client.diagnostics(for: twin).map { $0["code"] } == ["id-duplicate"])

        // Completion of unit names after "lead: ", replacing the value typed so far.
        let partial = edited.replacingOccurrences(of: "lead: Phòng Không Có", with: "lead: Phò")
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 3],
                "contentChanges": [["text": .string(partial)]],
            ])
        _ = try client.diagnostics(for: uri)
        let completion = try client.request(
            "textDocument/completion",
            [
                "textDocument": ["uri": .string(uri)], "position": ["line": JSONValue(leadLine), "character": 9],
            ])
        let items = completion["result"]?["items"]?.arrayValue ?? []
        let labels = items.compactMap { $0["label"]?.stringValue }
        #expect(labels.contains("Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp"))
        #expect(items.first?["textEdit"]?["range"]?["start"] == ["line": JSONValue(leadLine), "character": 6])
        // In the body, nothing is offered.
        let body = try client.request(
            "textDocument/completion",
            [
                "textDocument": ["uri": .string(uri)], "position": ["line": JSONValue(leadLine + 6), "character": 0],
            ])
        #expect(body["result"] == [])

        #expect(try client.request("shutdown", nil)["result"] == .null)
        client.notify("exit", nil)
        #expect(client.exitCode() == 0)
    }

    @Test func unknownMethodsAndBrokenConfig() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        try dir.write("plan.yaml", "locale: en\nrules:\n  unit-unknwn: off\n")
        let client = try LSPClient(in: dir.path)
        _ = try client.request("initialize", ["capabilities": [:]])
        let unknown = try client.request("textDocument/rename", [:])
        #expect(unknown["error"]?["code"] == -32601)
        let uri = "file://" + dir.path + "/" + ExampleWorkspace.itemPath
        client.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": "markdown", "version": 1,
                    "text": .string(ExampleWorkspace.item([])),
                ]
            ])
        let diagnostics = try client.diagnostics(for: uri)
        #expect(
            diagnostics.first?["message"]?.stringValue?.contains("plan.yaml:3:3: unknown rule ‘unit-unknwn’") == true)
        // Exit without shutdown: status 1, as the protocol says.
        client.notify("exit", nil)
        #expect(client.exitCode() == 1)
    }
    /// Positions an editor should never send (negative, beyond any line, not whole numbers) are
    /// answered, never a crash of the server.
    @Test func positionsOutOfRange() throws {
        let dir = try TemporaryDirectory.exampleWorkspace()
        let client = try LSPClient(in: dir.path)
        _ = try client.request("initialize", ["capabilities": [:]])
        let uri = "file://" + dir.path + "/" + ExampleWorkspace.itemPath
        client.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": "markdown", "version": 1,
                    "text": .string(ExampleWorkspace.item([])),
                ]
            ])
        #expect(try client.diagnostics(for: uri) == [])
        let completion = try client.request(
            "textDocument/completion",
            [
                "textDocument": ["uri": .string(uri)], "position": ["line": 1, "character": -3],
            ])
        #expect(completion["result"] == [])
        // A line far past the end of a front-matter still being typed (no closing ---): answered at
        // once, not by walking to it.
        let typing = "file://" + dir.path + "/plans/demo/1-muc/1c.md"
        client.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(typing), "languageId": "markdown", "version": 1,
                    "text": "---\nlead: ",
                ]
            ])
        _ = try client.diagnostics(for: typing)
        let farLine = try client.request(
            "textDocument/completion",
            [
                "textDocument": ["uri": .string(typing)], "position": ["line": 1e15, "character": 0],
            ])
        #expect(farLine["result"] == [])
        // Past the end (a line beyond any number) is the end: the text is added to the body.
        let far: JSONValue = 1e30
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": far, "character": 0], "end": ["line": far, "character": 0]],
                        "text": "\nGhi chú thêm.",
                    ]
                ],
            ])
        #expect(try client.diagnostics(for: uri) == [])
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 3],
                "contentChanges": [
                    [
                        "range": ["start": ["line": -1, "character": -5], "end": ["line": far, "character": 0.5]],
                        "text": "x",
                    ]
                ],
            ])
        // From before the start to past the end: the whole text is now "x", without front-matter.
        #expect(try client.diagnostics(for: uri).map { $0["code"] } == ["file-no-front-matter"])
        let actions = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(uri)],
                "range": ["start": ["line": far, "character": 0], "end": ["line": -1, "character": 0]],
                "context": ["diagnostics": []],
            ])
        #expect(actions["error"] == nil)
        #expect(try client.request("shutdown", nil)["result"] == .null)
        client.notify("exit", nil)
        #expect(client.exitCode() == 0)
    }
}
