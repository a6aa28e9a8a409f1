import Dispatch
import Foundation

public enum Parallel {
    /// Threads to use: the processor count, or `PLAN_THREADS` (1 runs everything on the calling thread).
    static let workers: Int = {
        if let n = Environment.value("PLAN_THREADS").flatMap({ Int($0) }), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Maps `count` indices in parallel, in chunks; each chunk gets one fresh `state` (a file reader,
    /// which is single-thread). Results come back in index order, so output does not depend on timing.
    /// `heavy`: each index is work enough to go to a thread of its own (a few large pages), where by
    /// default fewer than 64 run on the calling thread.
    public static func map<State, T>(
        count: Int, heavy: Bool = false, makeState: () throws -> State, _ body: (inout State, Int) throws -> T
    ) throws -> [T] {
        guard count > 0 else { return [] }
        let chunkCount =
            workers == 1 ? 1 : heavy ? count : count < 64 ? 1 : min(count, workers * 4)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        let errors = Locked<[Error]>([])
        try withoutActuallyEscaping(makeState) { makeState in
            try withoutActuallyEscaping(body) { body in
                // Each chunk writes only its own slots of the buffer, and the closures are not kept past
                // this call: sharing them with the worker threads is safe.
                nonisolated(unsafe) let makeState = makeState
                nonisolated(unsafe) let body = body
                nonisolated(unsafe) let results = buffer
                let run: @Sendable (Int) -> Void = { chunk in
                    let lower = chunk * chunkSize
                    let upper = min(count, lower + chunkSize)
                    guard lower < upper else { return }
                    do {
                        var state = try makeState()
                        for i in lower..<upper { results[i] = try body(&state, i) }
                    } catch {
                        errors.withLock { $0.append(error) }
                    }
                }
                if chunkCount == 1 {
                    run(0)
                } else {
                    DispatchQueue.concurrentPerform(iterations: chunkCount, execute: run)
                }
                if let first = errors.withLock({ $0.first }) { throw first }
            }
        }
        return buffer.map { $0! }
    }
}

/// A value behind a lock.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Work done on a thread of its own while the caller does something else (reading git history while
/// the workspace's files are listed and parsed); `value()` waits for it, and rethrows what it threw.
public final class Background<T>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    public init(_ body: @escaping @Sendable () throws -> T) {
        // The result is written before the semaphore is signalled and read after it is waited on.
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func value() throws -> T {
        done.wait()
        defer { done.signal() }
        return try result!.get()
    }
}
