import Foundation
import PlanKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// LSP's base protocol over two file descriptors: each message a `Content-Length` header, a blank
/// line, then that many bytes of JSON.
final class Transport {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    enum ReadError: Error {
        case endOfInput
        case badHeader(String)
        case badJSON(String)
    }

    /// The next message, or `endOfInput` when the client closed the stream.
    func read() throws(ReadError) -> JSONValue {
        var length: Int?
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { throw .badHeader(line) }
            if parts[0].lowercased() == "content-length" {
                guard let n = Int(parts[1].trimmedSpaces), n >= 0, n < 64 << 20 else { throw .badHeader(line) }
                length = n
            }
        }
        guard let length else { throw .badHeader("no Content-Length") }
        let body = try readBytes(length)
        do {
            return try JSONValue.parse(Data(body))
        } catch {
            throw .badJSON("\(error)")
        }
    }

    func write(_ message: JSONValue) {
        let body = Array(message.serialized(indent: nil).utf8)
        let bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { POSIX.write(output, $0.baseAddress! + sent, bytes.count - sent) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            sent += n
        }
    }

    private func fill() throws(ReadError) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { POSIX.read(input, $0.baseAddress!, 65536) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw .endOfInput }
            buffer.append(contentsOf: chunk[0..<n])
            return
        }
    }

    private func readLine() throws(ReadError) -> String {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var end = nl
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = nl + 1
                return line
            }
            if buffer.count - start > 8192 { throw .badHeader("header line too long") }
            try fill()
        }
    }

    private func readBytes(_ count: Int) throws(ReadError) -> [UInt8] {
        while buffer.count - start < count { try fill() }
        let out = Array(buffer[start..<(start + count)])
        start += count
        if start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
        return out
    }
}
