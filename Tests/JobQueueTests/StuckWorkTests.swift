import Foundation
import Synchronization
@testable import JobQueue
import PostgresNIO
import Testing

/// Work that never finishes does not hold jobs forever under a live worker: a dedicated-connection call
/// fails at its deadline, a handler is cancelled at its time limit and the job is retried.
struct StuckWorkTests {
    @Test func anUnansweredCallFailsAtItsDeadlineAndTheNextOneReconnects() async throws {
        try await QueueEnv.with { env in
            let connection = DedicatedConnection(
                configuration: env.settings.connectionConfiguration, applicationName: "deadline-test",
                idleInTransactionTimeout: .seconds(60), synchronousCommitOff: false, logger: env.logger)
            let started = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                try await connection.run(deadline: .seconds(1)) { postgres in
                    try await postgres.query("SELECT pg_sleep(120)", logger: env.logger).collect().count
                }
            }
            let waited = ContinuousClock.now - started
            #expect(waited < .seconds(20), "failed after \(waited), not at the 1 s deadline")
            let answer = try await connection.run(deadline: .seconds(10)) { postgres in
                try await postgres.query("SELECT 41 + 1", logger: env.logger).collect().first?.decode(Int.self)
            }
            #expect(answer == 42)
            await connection.close()
        }
    }

    @Test func aHandlerPastItsTimeLimitIsCancelledAndTheJobRetried() async throws {
        try await QueueEnv.with { env in
            let id = try #require(try await env.queue().enqueue(NewJob(queue: "s", kind: "hangs", bytes: "{}".utf8, maxAttempts: 3)))
            let attempts = Mutex<[Int]>([])
            var handlers = JobHandlerRegistry()
            handlers.register("hangs") { context, _ in
                attempts.withLock { $0.append(context.attempt) }
                // The first attempt hangs (as a call that never returns would); the retry finishes.
                if context.attempt == 1 { try await Task.sleep(for: .seconds(600)) }
            }
            let worker = env.worker(["s": 2], handlers: handlers) {
                $0.handlerTimeout = .milliseconds(500)
                $0.retryBackoff = .init(base: .milliseconds(50), max: .milliseconds(100))
                $0.maxSchedulerSleep = .milliseconds(50)
            }
            try await env.running([worker]) {
                try await expectEventually(timeout: .seconds(60)) { try await env.scalar("SELECT count(*) FROM job") == 0 }
            }
            #expect(attempts.withLock { $0 } == [1, 2])
            #expect(try await env.scalar("SELECT count(*) FROM job_dead") == 0)
            _ = id
        }
    }
}
