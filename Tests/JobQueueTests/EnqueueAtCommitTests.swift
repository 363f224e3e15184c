import Foundation
@testable import JobQueue
import PostgresNIO
import Testing

@Suite("Enqueue at commit")
struct EnqueueAtCommitTests {
    @Test("jobs queued at commit are inserted with the commit, not during the body and not after a throw")
    func insertedWithTheCommit() async throws {
        try await QueueEnv.with { env in
            struct Boom: Error {}
            let queue = env.queue()
            await #expect(throws: Boom.self) {
                try await queue.transaction { _, jobs in
                    jobs.enqueueAtCommit(noopJob("c", 1))
                    throw Boom()
                }
            }
            #expect(try await env.scalar("SELECT count(*) FROM job") == 0)
            let duringBody = try await queue.transaction { connection, jobs in
                jobs.enqueueAtCommit(noopJob("c", 2))
                jobs.enqueueAtCommit(batch: [noopJob("c", 3), noopJob("c", 4)])
                let rows = try await connection.query("SELECT count(*) FROM job", logger: env.logger)
                for try await count in rows.decode(Int64.self) { return count }
                return -1
            }
            #expect(duringBody == 0)
            let payloads = try await env.client.query(
                "SELECT convert_from(payload, 'UTF8') FROM job WHERE queue = 'c' AND state = 0 ORDER BY id", logger: env.logger)
            var seen: [String] = []
            for try await payload in payloads.decode(String.self) { seen.append(payload) }
            #expect(seen == ["{\"i\": 2}", "{\"i\": 3}", "{\"i\": 4}"])
        }
    }

    @Test("a held unique key skips the job; a delayed job stays scheduled; ready ones wake a worker over NOTIFY")
    func keysScheduleAndWakeUp() async throws {
        try await QueueEnv.with { env in
            let queue = env.queue(wakeLocal: false)
            _ = try await queue.enqueue(NewJob(queue: "w", kind: "hold", bytes: "{}".utf8, uniqueKey: "k"))
            let tally = Tally()
            var handlers = JobHandlerRegistry()
            handlers.register("noop") { context, _ in tally.record(context.id) }
            let worker = env.worker(["w": 2], handlers: handlers) { $0.pollInterval = .seconds(600) }
            try await env.running([worker]) {
                try await expectEventually(timeout: .seconds(10)) { worker.isListening }
                // The "hold" job has no handler: it goes to dead and frees its key.
                try await expectEventually(timeout: .seconds(10)) { try await env.scalar("SELECT count(*) FROM job_dead") == 1 }
                _ = try await queue.enqueue(NewJob(queue: "w", kind: "noop", bytes: "{}".utf8, schedule: .after(.seconds(3600)),
                                                   uniqueKey: "k"))
                try await queue.transaction { _, jobs in
                    jobs.enqueueAtCommit(NewJob(queue: "w", kind: "noop", bytes: "{}".utf8, uniqueKey: "k"))
                    jobs.enqueueAtCommit(noopJob("w", 1))
                    jobs.enqueueAtCommit(NewJob(queue: "w", kind: "noop", bytes: "{}".utf8, schedule: .after(.seconds(3600))))
                }
                // Well under the 600 s poll: only the post-commit NOTIFY can have woken the worker.
                try await expectEventually(timeout: .seconds(10)) { tally.total == 1 }
                try await expectEventually(timeout: .seconds(10)) {
                    try await env.scalar("SELECT count(*) FROM job") == 2
                }
                #expect(try await env.scalar("SELECT count(*) FROM job WHERE state = 2") == 2)
            }
        }
    }
}
