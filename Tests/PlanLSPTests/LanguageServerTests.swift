import Foundation
import PlanKit
import Testing

@testable import PlanLSP

/// The Language Server in process: positions in UTF-16 (the protocol's unit) against `plan`'s scalar
/// columns, incremental edits, and a session over real pipes.
@Suite struct LanguageServerTests {
    @Test func positionsCountUTF16Units() {
        // "Sở" is 2 scalars and 2 UTF-16 units; "𝑥" is 1 scalar and 2 UTF-16 units.
        let p = TextPositions("lead: Sở 𝑥 Tư pháp\nsupport: []\n")
        #expect(p.position(line: 1, column: 7) == (0, 6))
        #expect(p.position(line: 1, column: 10) == (0, 9))
        #expect(p.position(line: 1, column: 11) == (0, 11))
        #expect(p.position(line: 2, column: 1) == (1, 0))
        let byte = Array("lead: Sở 𝑥 ".utf8).count
        #expect(p.position(byte: byte) == (0, 12))
        #expect(p.lineText(5) == "")
    }

    /// `completed:` is completed (with today's date), like `status:` and the units.
    @Test func completionKeys() throws {
        let text = "---\nstatus: do\ncompleted: \n---\n"
        let p = TextPositions(text)
        let status = try #require(LanguageServer.completionKey("status: do", line: 1, positions: p))
        #expect(status.0 == "status" && status.1 == 8)
        let completed = try #require(LanguageServer.completionKey("completed: ", line: 2, positions: p))
        #expect(completed.0 == "completed" && completed.1 == 11)
        #expect(LanguageServer.completionKey("title: ", line: 2, positions: p) == nil)
    }

    @Test func incrementalChangesApplyAtUTF16Positions() {
        let text = "title: Sở 𝑥 A\nlead: B\n"
        let range: JSONValue = ["start": ["line": 0, "character": 13], "end": ["line": 0, "character": 14]]
        #expect(LanguageServer.apply("Tư pháp", at: range, to: text) == "title: Sở 𝑥 Tư pháp\nlead: B\n")
        // Past the end of the text: appended, never a crash.
        let far: JSONValue = ["start": ["line": 9, "character": 0], "end": ["line": 9, "character": 0]]
        #expect(LanguageServer.apply("x", at: far, to: "a\n") == "a\nx")
    }

    /// initialize → shutdown → exit over pipes: the replies are framed, carry the request ids, and the
    /// server ends with 0 only after a shutdown.
    @Test func sessionOverPipes() throws {
        let input = Pipe()
        let output = Pipe()
        func send(_ message: JSONValue) {
            let body = Array(message.serialized().utf8)
            input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + Data(body))
        }
        send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["locale": "vi"]])
        send(["jsonrpc": "2.0", "id": 2, "method": "no/such"])
        send(["jsonrpc": "2.0", "id": 3, "method": "shutdown"])
        send(["jsonrpc": "2.0", "method": "exit"])
        let server = LanguageServer(
            input: input.fileHandleForReading.fileDescriptor, output: output.fileHandleForWriting.fileDescriptor,
            version: "test")
        #expect(server.run() == 0)
        try output.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let bodies = text.components(separatedBy: "Content-Length: ").dropFirst().map {
            String($0[$0.range(of: "\r\n\r\n")!.upperBound...])
        }
        #expect(bodies.count == 3)
        let replies = try bodies.map { try JSONValue.parse(Data($0.utf8)) }
        #expect(replies[0]["id"] == 1 && replies[0]["result"]?["serverInfo"]?["name"] == "plan")
        #expect(replies[1]["id"] == 2 && replies[1]["error"]?["code"] == -32601)
        #expect(replies[2]["id"] == 3 && replies[2]["result"] == .null)
    }
}
