import PostgresNIO
import Synchronization

/// Runs a database call that may never return, and returns to its caller anyway.
///
/// postgres-nio 1.33 hands a query to its channel with `write(…, promise: nil)`. When the channel has just
/// closed (a PostgreSQL restart, a terminated backend), NIO has already taken the connection's handler out
/// of the pipeline, so the write is dropped and the query's own promise is never completed. A `ROLLBACK`
/// after a failed statement, or the first query on a connection that closed a moment ago, then waits
/// forever, and cancellation cannot reach it (`EventLoopFuture.get()` ignores it). A structured child task
/// would have to be awaited, so the call runs in a task of its own; past its limit, or shortly after its
/// connection closed, the caller gets ``AbandonedCall`` and the stuck task is left suspended (it holds no
/// lock and a closed connection; the pool forgets a leased connection that closes). Docs/QUEUE.md has the
/// evidence.
public enum AbandonableCall {
    /// Runs `body`, giving up `limit` after the start, or `grace` after the `watching` connection closed,
    /// whichever comes first. `onAbandon` runs once when it gives up (closing the
    /// connection, say). Cancelling the caller cancels `body` but still waits for it within those bounds.
    public static func run<T: Sendable>(
        limit: Duration?,
        watching connection: PostgresConnection? = nil,
        grace: Duration = .seconds(2),
        onAbandon: @escaping @Sendable () async -> Void = {},
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = Outcome<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                outcome.start(continuation)
                // Unstructured on purpose: see the type's comment; it may never finish.
                let work = Task {
                    do { outcome.finish(.success(try await body())) } catch { outcome.finish(.failure(error)) }
                }
                outcome.setWork(work)
                if let limit {
                    outcome.addTimer(Task {
                        guard (try? await Task.sleep(for: limit)) != nil else { return }
                        await outcome.abandon(AbandonedCall(reason: "no answer within \(limit)"), onAbandon)
                    })
                }
                if let connection {
                    let watch = ConnectionCloseWatch.shared.register(connection) {
                        outcome.addTimer(Task {
                            guard (try? await Task.sleep(for: grace)) != nil else { return }
                            await outcome.abandon(AbandonedCall(reason: "its connection closed and it did not return"), onAbandon)
                        })
                    }
                    outcome.onFinish { ConnectionCloseWatch.shared.unregister(watch) }
                }
            }
        } onCancel: {
            outcome.cancelWork()
        }
    }
}

/// A database call given up by ``AbandonableCall``; the work it did may or may not have committed.
public struct AbandonedCall: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { "database call abandoned: \(reason)" }
}

/// The one-shot meeting point of the call, its timers and its caller.
private final class Outcome<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var done = false
        var work: Task<Void, Never>?
        var timers: [Task<Void, Never>] = []
        var cancelled = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func setWork(_ work: Task<Void, Never>) {
        let cancelNow = state.withLock { state -> Bool in
            state.work = work
            return state.cancelled
        }
        if cancelNow { work.cancel() }
    }

    func addTimer(_ timer: Task<Void, Never>) {
        let cancelNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.timers.append(timer)
            return false
        }
        if cancelNow { timer.cancel() }
    }

    /// Runs `cleanup` once the call has an outcome (at once if it has one already).
    func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            if state.done { return true }
            state.cleanup = cleanup
            return false
        }
        if now { cleanup() }
    }

    func cancelWork() {
        let work = state.withLock { state -> Task<Void, Never>? in
            state.cancelled = true
            return state.work
        }
        work?.cancel()
    }

    func finish(_ result: Result<T, any Error>) {
        guard let (continuation, timers, cleanup) = take() else { return }
        for timer in timers { timer.cancel() }
        cleanup?()
        continuation.resume(with: result)
    }

    func abandon(_ error: AbandonedCall, _ onAbandon: @Sendable () async -> Void) async {
        guard let (continuation, timers, cleanup) = take() else { return }
        for timer in timers { timer.cancel() }
        cleanup?()
        cancelWork()
        await onAbandon()
        continuation.resume(throwing: error)
    }

    private func take() -> (CheckedContinuation<T, any Error>, [Task<Void, Never>], (@Sendable () -> Void)?)? {
        state.withLock { state in
            guard !state.done, let continuation = state.continuation else { return nil }
            state.done = true
            state.continuation = nil
            defer { state.timers.removeAll(); state.cleanup = nil }
            return (continuation, state.timers, state.cleanup)
        }
    }
}
