import Foundation
import JobQueue
import PostgresNIO
import Testing

/// Running jobs whose owner has no worker row (a crash that truncated the unlogged `job_worker`, or a
/// claim that committed after its dead worker was rescued) run again, and each loss is on record.
struct OrphanRescueTests {
    @Test func aRunningJobWithoutAnOwnerRowRunsAgainAndTheLossIsLogged() async throws {
        try await QueueEnv.with { env in
            let ids = try await env.queue().enqueue(batch: [NewJob(queue: "orphans", kind: "noop", bytes: "{}".utf8),
                                                            NewJob(queue: "orphans", kind: "noop", bytes: "{}".utf8)])
            try await env.exec("""
                UPDATE job SET state = 1, attempt = 1, owner = 'ghost', claimed_at = now() - interval '1 minute'
                WHERE id = \(ids[0].rawValue)
                """)
            // Claimed a moment ago: its owner may still be writing its heartbeat row, so it is left alone.
            try await env.exec("UPDATE job SET state = 1, attempt = 1, owner = 'newcomer', claimed_at = now() WHERE id = \(ids[1].rawValue)")
            let tally = Tally()
            var handlers = JobHandlerRegistry()
            handlers.register("noop") { context, _ in tally.record(context.id) }
            try await env.running([env.worker(["orphans": 4], handlers: handlers)]) {
                try await expectEventually(timeout: .seconds(15)) { tally.count(ids[0]) == 1 }
                #expect(tally.count(ids[1]) == 0)
                #expect(try await env.scalar("SELECT count(*) FROM job WHERE id = \(ids[1].rawValue) AND owner = 'newcomer'") == 1)
            }
            #expect(try await env.scalar(
                "SELECT jobs::bigint FROM job_worker_lost WHERE worker_id = 'ghost' AND why = 'no worker row'") == 1)
            #expect(try await env.scalar("SELECT count(*) FROM job_worker_lost WHERE worker_id = 'newcomer'") == 0)
        }
    }
}
