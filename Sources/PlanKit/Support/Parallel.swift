import Dispatch
import Foundation

public enum Parallel {
    /// Threads to use: the processor count, or `PLAN_THREADS` (1 runs everything on the calling thread).
    public static let workers: Int = {
        if let n = Environment.value("PLAN_THREADS").flatMap({ Int($0) }), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Maps `count` indices in parallel. Each thread takes batches of consecutive indices as it gets
    /// free (so a slow stretch does not leave the other threads idle at the end), and has one `state`
    /// for all its batches (a file reader or a repository, which are single-thread), made when it takes
    /// its first batch and handed to `finish` when it has no more. Results come back in index order, so
    /// output does not depend on timing. `batch`: indices per batch (by default about sixteen batches
    /// a thread). `heavy`: each index is work enough to go to a thread of its own (a few large pages),
    /// where by default fewer than 64 run on the calling thread. The first error stops the threads at
    /// their next batch and is rethrown. `threads`: at most this many (a caller that has work running
    /// beside this on a thread of its own).
    public static func map<State, T>(
        count: Int, heavy: Bool = false, batch: Int? = nil, threads limit: Int? = nil, makeState: () throws -> State,
        finish: (State) -> Void = { _ in }, _ body: (inout State, Int) throws -> T
    ) throws -> [T] {
        guard count > 0 else { return [] }
        let size = max(1, heavy ? 1 : batch ?? count / (workers * 16))
        let batches = (count + size - 1) / size
        let threads =
            workers == 1 || (!heavy && batch == nil && count < 64) ? 1 : max(1, min(limit ?? workers, workers, batches))
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        let errors = Locked<[Error]>([])
        // The next batch to take; set past the last one when a batch fails, which stops every thread.
        let next = Locked(0)
        try withoutActuallyEscaping(makeState) { makeState in
            try withoutActuallyEscaping(finish) { finish in
                try withoutActuallyEscaping(body) { body in
                    // Each batch writes only its own slots of the buffer, and the closures are not kept
                    // past this call: sharing them with the worker threads is safe.
                    nonisolated(unsafe) let makeState = makeState
                    nonisolated(unsafe) let finish = finish
                    nonisolated(unsafe) let body = body
                    nonisolated(unsafe) let results = buffer
                    let run: @Sendable (Int) -> Void = { _ in
                        var state: State?
                        do {
                            while true {
                                let b = next.withLock { n in
                                    defer { n += 1 }
                                    return n
                                }
                                guard b < batches else { break }
                                if state == nil { state = try makeState() }
                                for i in (b * size)..<min(count, b * size + size) {
                                    results[i] = try body(&state!, i)
                                }
                            }
                        } catch {
                            errors.withLock { $0.append(error) }
                            next.withLock { $0 = batches }
                        }
                        if let state { finish(state) }
                    }
                    if threads == 1 {
                        run(0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: threads, execute: run)
                    }
                    if let first = errors.withLock({ $0.first }) { throw first }
                }
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
