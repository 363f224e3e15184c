import Foundation
@testable import JobQueue
import PostgresNIO
import Synchronization
import Testing

@Suite("Failures, retries and dead jobs")
struct FailureTests {
    struct Flaky: Error, CustomStringConvertible {
        var attempt: Int
        var description: String { "flaky failure on attempt \(attempt)" }
    }

    @Test("a failing job retries with growing backoff, then dies with every attempt's error")
    func retriesThenDead() async throws {
        try await QueueEnv.with { env in
            let id = try #require(try await env.queue().enqueue(
                NewJob(queue: "f", kind: "fails", bytes: "{}".utf8, maxAttempts: 4)))
            let starts = Mutex<[ContinuousClock.Instant]>([])
            var handlers = JobHandlerRegistry()
            handlers.register("fails") { context, _ in
                starts.withLock { $0.append(.now) }
                throw Flaky(attempt: context.attempt)
            }
            let worker = env.worker(["f": 2], handlers: handlers) {
                $0.retryBackoff = .init(base: .milliseconds(200), max: .seconds(5))
                $0.maxSchedulerSleep = .milliseconds(50)
            }
            try await env.running([worker]) {
                try await expectEventually(timeout: .seconds(90)) {
                    try await env.scalar("SELECT count(*) FROM job_dead") == 1
                }
            }
            #expect(try await env.scalar("SELECT count(*) FROM job") == 0)
            let dead = try #require(try await JobAdmin(client: env.client, logger: env.logger).show(id))
            #expect(dead.state == .dead)
            #expect(dead.deadReason == "exhausted")
            #expect(dead.attempt == 4)
            #expect(dead.lastError == "flaky failure on attempt 4")
            let errors = try JSONSerialization.jsonObject(with: Data(dead.errorsJSON.utf8)) as? [[String: Any]]
            #expect(errors?.count == 4)
            #expect(errors?.compactMap { $0["attempt"] as? Int } == [1, 2, 3, 4])
            // Backoff: ≥ 0.75 × 200 ms · 2^(n-1) between attempts n and n+1.
            let times = starts.withLock { $0 }
            #expect(times.count == 4)
            for n in 1..<times.count {
                let gap = times[n] - times[n - 1]
                let floor = Duration.milliseconds(Int64(150 * (1 << (n - 1))))
                #expect(gap >= floor, "gap \(n) was \(gap), expected ≥ \(floor)")
            }
        }
    }

    @Test("a snoozed job runs again later without spending an attempt or recording an error")
    func snoozeKeepsAttempts() async throws {
        try await QueueEnv.with { env in
            try await env.queue().enqueue(NewJob(queue: "f", kind: "waits", bytes: "{}".utf8, maxAttempts: 1))
            let runs = Mutex<[(attempt: Int, at: ContinuousClock.Instant)]>([])
            var handlers = JobHandlerRegistry()
            handlers.register("waits") { context, _ in
                let count = runs.withLock { $0.append((context.attempt, .now)); return $0.count }
                if count < 3 { throw JobSnooze(for: .milliseconds(300), reason: "rate limit") }
            }
            let worker = env.worker(["f": 1], handlers: handlers) { $0.maxSchedulerSleep = .milliseconds(50) }
            try await env.running([worker]) {
                try await expectEventually(timeout: .seconds(90)) {
                    try await env.scalar("SELECT count(*) FROM job") == 0
                }
            }
            let seen = runs.withLock { $0 }
            // max_attempts is 1: only a snooze that gives the attempt back lets it run three times.
            #expect(seen.map(\.attempt) == [1, 1, 1])
            #expect(seen.count == 3 && seen[1].at - seen[0].at >= .milliseconds(300))
            #expect(try await env.scalar("SELECT count(*) FROM job_dead") == 0)
        }
    }

    @Test("a job that fails twice then succeeds is completed on attempt 3")
    func retryThenSucceed() async throws {
        try await QueueEnv.with { env in
            try await env.queue().enqueue(NewJob(queue: "f", kind: "flaky", bytes: "{}".utf8, maxAttempts: 5))
            let attempts = Mutex<[Int]>([])
            var handlers = JobHandlerRegistry()
            handlers.register("flaky") { context, _ in
                attempts.withLock { $0.append(context.attempt) }
                if context.attempt < 3 { throw Flaky(attempt: context.attempt) }
            }
            let worker = env.worker(["f": 1], handlers: handlers) { $0.maxSchedulerSleep = .milliseconds(50) }
            try await env.running([worker]) {
                try await expectEventually(timeout: .seconds(90)) {
                    let left = try await env.scalar("SELECT count(*) FROM job")
                    return attempts.withLock { $0.count } == 3 && left == 0
                }
            }
            #expect(attempts.withLock { $0 } == [1, 2, 3])
            #expect(try await env.scalar("SELECT count(*) FROM job_dead") == 0)
        }
    }

    @Test("an undecodable payload and an unknown kind go straight to dead; the worker keeps going")
    func undecodableAndUnknown() async throws {
        try await QueueEnv.with { env in
            struct Typed: Decodable, Sendable { var name: String }
            let queue = env.queue()
            let bad = try #require(try await queue.enqueue(NewJob(queue: "d", kind: "typed", bytes: "not json".utf8)))
            let unknown = try #require(try await queue.enqueue(NewJob(queue: "d", kind: "nobody", bytes: "{}".utf8)))
            let good = try #require(try await queue.enqueue(NewJob(queue: "d", kind: "typed", payload: ["name": "ok"])))
            let seen = Mutex<[String]>([])
            var handlers = JobHandlerRegistry()
            handlers.register("typed", as: Typed.self) { _, payload in seen.withLock { $0.append(payload.name) } }
            try await env.running([env.worker(["d": 2], handlers: handlers)]) {
                try await expectEventually { try await env.scalar("SELECT count(*) FROM job") == 0 }
            }
            #expect(seen.withLock { $0 } == ["ok"])
            let admin = JobAdmin(client: env.client, logger: env.logger)
            let badJob = try #require(try await admin.show(bad))
            #expect(badJob.deadReason == "discarded")
            #expect(badJob.attempt == 1)
            #expect(badJob.lastError?.contains("undecodable payload") == true)
            let unknownJob = try #require(try await admin.show(unknown))
            #expect(unknownJob.deadReason == "discarded")
            #expect(unknownJob.lastError?.contains("no handler registered for job kind \"nobody\"") == true)
            #expect(try await admin.show(good) == nil)
        }
    }

    @Test("admin: cancel waiting jobs, refuse running ones, retry dead ones, stats and lists")
    func adminCancelRetry() async throws {
        try await QueueEnv.with { env in
            let queue = env.queue()
            let admin = JobAdmin(client: env.client, logger: env.logger)
            let later = try #require(try await queue.enqueue(
                NewJob(queue: "a", kind: "noop", bytes: "{}".utf8, schedule: .after(.seconds(3600)), uniqueKey: "later")))
            let ready = try #require(try await queue.enqueue(noopJob("a", 1)))
            #expect(try await admin.list(queue: "a", state: .scheduled).map(\.id) == [later])
            #expect(try await admin.list(queue: "a", state: .ready).map(\.id) == [ready])

            try await admin.cancel(later)
            let cancelled = try #require(try await admin.show(later))
            #expect(cancelled.state == .dead)
            #expect(cancelled.deadReason == "cancelled")
            #expect(try await admin.list(queue: "a", state: .dead).map(\.id) == [later])
            await #expect(throws: JobQueueError.self) { try await admin.cancel(later) }
            await #expect(throws: JobQueueError.self) { try await admin.cancel(JobID(999_999)) }

            // Running jobs cannot be cancelled.
            try await env.exec("UPDATE job SET state = 1, owner = 'someone' WHERE id = \(ready.rawValue)")
            do {
                try await admin.cancel(ready)
                Issue.record("cancelling a running job should fail")
            } catch let error as JobQueueError {
                #expect(error.code == .invalidState)
            }

            let stats = try await admin.stats()
            #expect(stats.count == 1)
            #expect(stats.first?.running == 1)
            #expect(stats.first?.dead == 1)

            // Retry brings the dead job back, ready, attempts reset, history kept.
            try await admin.retry(later)
            let back = try #require(try await admin.show(later))
            #expect(back.state == .ready)
            #expect(back.attempt == 0)
            #expect(back.errorsJSON.contains("cancelled by an operator"))
            await #expect(throws: JobQueueError.self) { try await admin.retry(later) }
        }
    }
}
