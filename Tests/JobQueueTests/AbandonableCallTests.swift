import Foundation
@testable import JobQueue
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization
import Testing

/// A call that never returns (a query postgres-nio drops on a closed connection) still returns to its
/// caller: at its limit, or shortly after its connection closed.
struct AbandonableCallTests {
    /// The upstream behaviour the queue guards against: a query written to a connection whose backend was
    /// terminated is never answered, neither with rows nor with an error.
    @Test func aQueryOnAConnectionThatJustClosedIsNeverAnsweredUpstream() async throws {
        try await QueueEnv.with { env in
            let connection = try await PostgresConnection.connect(
                configuration: env.settings.connectionConfiguration, id: 1, logger: env.logger)
            let pid = try #require(try await connection.query("SELECT pg_backend_pid()", logger: env.logger)
                .collect().first?.decode(Int32.self))
            try await env.exec("SELECT pg_terminate_backend(\(pid))")
            try await connection.closeFuture.get()
            let outcome = await outcome {
                try await AbandonableCall.run(limit: .seconds(5)) {
                    try await connection.query("SELECT 1", logger: env.logger).collect().count
                }
            }
            // postgres-nio 1.33 drops the write: only the abandonment ends the call. If this starts failing
            // with a PSQLError instead, upstream completes such queries now and the guard is a backstop only.
            #expect(throws: AbandonedCall.self) { try outcome.get() }
        }
    }

    /// The same drop behind the restart hangs: `withTransaction` sends `ROLLBACK` on the connection whose
    /// backend has just gone, and that call never returns. `transaction` fails at once instead.
    @Test func aTransactionWhoseBackendDiesFailsInsteadOfWaitingForItsRollback() async throws {
        try await QueueEnv.with { env in
            let (client, logger) = (env.client, env.logger)
            struct Failed: Error {}
            // The body fails once its backend is gone, as a statement cut by a restart does.
            let failsAfterItsBackendDied: @Sendable (PostgresConnection) async throws -> Void = { connection in
                try await connection.query("SELECT pg_terminate_backend(pg_backend_pid())", logger: logger)
                try await connection.closeFuture.get()
                throw Failed()
            }
            let upstream = await outcome {
                try await AbandonableCall.run(limit: .seconds(5)) {
                    try await client.withTransaction(logger: logger) { try await failsAfterItsBackendDied($0) }
                }
            }
            #expect(throws: AbandonedCall.self, "postgres-nio's ROLLBACK on the closed connection never returns") { try upstream.get() }
            let started = ContinuousClock.now
            let ours = await outcome { try await client.transaction(logger: logger, failsAfterItsBackendDied) }
            #expect(throws: Failed.self) { try ours.get() }
            #expect(ContinuousClock.now - started < .seconds(4), "the failed transaction took \(ContinuousClock.now - started)")
            // The pool still serves.
            let served = try await client.guardedQuery("SELECT 1", logger: logger).count
            #expect(served == 1)
        }
    }

    @Test func aCallThatNeverReturnsIsAbandonedAtItsLimit() async throws {
        let never = NeverAnswered()
        let started = ContinuousClock.now
        let abandoned = Atomic<Bool>(false)
        await #expect(throws: AbandonedCall.self) {
            try await AbandonableCall.run(limit: .milliseconds(300), onAbandon: { abandoned.store(true, ordering: .relaxed) }) {
                try await never.wait()
            }
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        let wasAbandoned = abandoned.load(ordering: .relaxed)
        #expect(wasAbandoned)
        never.release()
    }

    @Test func aCallIsAbandonedSoonAfterItsConnectionClosesAndTheWatchDoesNotPileUp() async throws {
        try await QueueEnv.with { env in
            let connection = try await PostgresConnection.connect(
                configuration: env.settings.connectionConfiguration, id: 2, logger: env.logger)
            for _ in 0..<200 {
                _ = try await AbandonableCall.run(limit: .seconds(10), watching: connection) {
                    try await connection.query("SELECT 1", logger: env.logger).collect().count
                }
            }
            // One close callback for the connection, and nothing left of the calls that finished.
            #expect(ConnectionCloseWatch.shared.registeredCalls(on: connection) == 0)
            let pid = try #require(try await connection.query("SELECT pg_backend_pid()", logger: env.logger)
                .collect().first?.decode(Int32.self))
            let never = NeverAnswered()
            let started = ContinuousClock.now
            let abandoned = Atomic<Bool>(false)
            let call = Task {
                try await AbandonableCall.run(
                    limit: .seconds(60), watching: connection, grace: .milliseconds(200),
                    onAbandon: { abandoned.store(true, ordering: .relaxed) }
                ) { try await never.wait() }
            }
            try await Task.sleep(for: .milliseconds(100))
            try await env.exec("SELECT pg_terminate_backend(\(pid))")
            await #expect(throws: AbandonedCall.self) { try await call.value }
            #expect(ContinuousClock.now - started < .seconds(10), "not abandoned soon after the close")
            let wasAbandoned = abandoned.load(ordering: .relaxed)
            #expect(wasAbandoned)
            never.release()
        }
    }

    @Test func answersErrorsAndCancellationPassThrough() async throws {
        let answer = try await AbandonableCall.run(limit: .seconds(10)) { 42 }
        #expect(answer == 42)
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await AbandonableCall.run(limit: .seconds(10)) { throw Boom() } }
        let task = Task {
            try await AbandonableCall.run(limit: .seconds(60)) { try await Task.sleep(for: .seconds(60)) }
        }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}

/// The outcome of an async call, error included.
func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

/// A future nobody completes until the test releases it: the shape of a dropped query.
final class NeverAnswered: Sendable {
    let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
    private let promise: EventLoopPromise<Void>

    init() { promise = eventLoop.makePromise(of: Void.self) }

    func wait() async throws { try await promise.futureResult.get() }

    func release() { promise.succeed(()) }
}
