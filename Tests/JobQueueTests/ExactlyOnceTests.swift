import Foundation
@testable import JobQueue
import PostgresNIO
import Testing

@Suite("Claim and complete")
struct ExactlyOnceTests {
    @Test("10k jobs, 4 workers: every job handled exactly once, table empty")
    func exactlyOnceUnderConcurrency() async throws {
        try await QueueEnv.with { env in
            let total = 10_000
            let ids = try await env.queue().enqueue(batch: (0..<total).map { noopJob("work", $0) })
            #expect(ids.count == total)
            let tally = Tally()
            var handlers = JobHandlerRegistry()
            handlers.register("noop") { context, _ in
                tally.record(context.id)
                if context.id.rawValue % 7 == 0 { await Task.yield() }
            }
            let workers = (0..<4).map { _ in env.worker(["work": 16], handlers: handlers) }
            try await env.running(workers) {
                let done = try await eventually(timeout: .seconds(240)) { tally.distinct == total }
                #expect(done, "handled \(tally.distinct) of \(total)")
                // Let the last acks flush.
                try await expectEventually { try await env.scalar("SELECT count(*) FROM job") == 0 }
            }
            #expect(tally.duplicates.isEmpty, "handled twice: \(tally.duplicates.prefix(10))")
            #expect(tally.total == total)
            #expect(try await env.scalar("SELECT count(*) FROM job_dead") == 0)
        }
    }

    @Test("a completion by a stale owner is rejected; the live owner's is accepted")
    func staleOwnerRejected() async throws {
        try await QueueEnv.with { env in
            let id = try #require(try await env.queue().enqueue(noopJob("work", 1)))
            try await env.client.withConnection { connection in
                let claimed = try await WorkerSQL.claim(queue: "work", limit: 10, owner: "worker-a", on: connection,
                                                        logger: env.logger)
                #expect(claimed.map(\.id) == [id.rawValue])
                // The rescuer gives it back and worker-b claims it.
                try await connection.query("UPDATE job SET state = 0, owner = NULL WHERE id = \(id.rawValue)", logger: env.logger)
                let again = try await WorkerSQL.claim(queue: "work", limit: 10, owner: "worker-b", on: connection,
                                                      logger: env.logger)
                #expect(again.first?.attempt == 2)
                let stale = try await WorkerSQL.complete(ids: [id.rawValue], owner: "worker-a", on: connection, logger: env.logger)
                #expect(stale == 0)
                #expect(try await env.scalar("SELECT count(*) FROM job WHERE owner = 'worker-b'") == 1)
                let live = try await WorkerSQL.complete(ids: [id.rawValue], owner: "worker-b", on: connection, logger: env.logger)
                #expect(live == 1)
            }
            #expect(try await env.scalar("SELECT count(*) FROM job") == 0)
        }
    }

    @Test("enqueue inside a transaction commits with it, and rolls back with it")
    func transactionalEnqueue() async throws {
        try await QueueEnv.with { env in
            struct Boom: Error {}
            let queue = env.queue()
            await #expect(throws: Boom.self) {
                try await queue.transaction { _, jobs in
                    try await jobs.enqueue(noopJob("tx", 1))
                    throw Boom()
                }
            }
            #expect(try await env.scalar("SELECT count(*) FROM job") == 0)
            let ids = try await queue.transaction { connection, jobs in
                try await connection.query("SELECT 1", logger: env.logger)
                let one = try await jobs.enqueue(noopJob("tx", 2))
                let many = try await jobs.enqueue(batch: [noopJob("tx", 3), noopJob("tx", 4)])
                return [one].compactMap { $0 } + many
            }
            #expect(ids.count == 3)
            // On a connection the caller holds.
            try await env.client.withTransaction(logger: env.logger) { connection in
                _ = try await JobQueue.enqueue(noopJob("tx", 5), on: connection, logger: env.logger)
            }
            #expect(try await env.scalar("SELECT count(*) FROM job WHERE queue = 'tx' AND state = 0") == 4)
        }
    }

    @Test("a live unique key makes enqueue insert nothing; the key frees up when the job is done")
    func uniqueKeys() async throws {
        try await QueueEnv.with { env in
            let queue = env.queue()
            let first = try await queue.enqueue(NewJob(queue: "u", kind: "noop", bytes: "{}".utf8, uniqueKey: "k1"))
            #expect(first != nil)
            let second = try await queue.enqueue(NewJob(queue: "u", kind: "noop", bytes: "{}".utf8, uniqueKey: "k1"))
            #expect(second == nil)
            let batch = try await queue.enqueue(batch: [
                NewJob(queue: "u", kind: "noop", bytes: "{}".utf8, uniqueKey: "k1"),
                NewJob(queue: "u", kind: "noop", bytes: "{}".utf8, uniqueKey: "k2"),
                NewJob(queue: "u", kind: "noop", bytes: "{}".utf8, uniqueKey: "k2"),
                NewJob(queue: "u", kind: "noop", bytes: "{}".utf8),
            ])
            #expect(batch.count == 2)
            #expect(try await env.scalar("SELECT count(*) FROM job") == 3)
            let tally = Tally()
            var handlers = JobHandlerRegistry()
            handlers.register("noop") { context, _ in tally.record(context.id) }
            try await env.running([env.worker(["u": 2], handlers: handlers)]) {
                try await expectEventually { try await env.scalar("SELECT count(*) FROM job") == 0 }
            }
            let again = try await queue.enqueue(NewJob(queue: "u", kind: "noop", bytes: "{}".utf8, uniqueKey: "k1"))
            #expect(again != nil)
        }
    }
}
