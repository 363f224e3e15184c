import Foundation
@testable import JobQueue
import Logging
import PostgresMigrations
import PostgresNIO
import SupportStore
import SupportTesting
import Synchronization
import Testing

@Suite("Recovery: LISTEN loss, crashed workers, PostgreSQL restart")
struct RecoveryTests {
    @Test("LISTEN survives pg_terminate_backend: the worker re-LISTENs, catches up, and hears new NOTIFYs")
    func listenSurvivesTerminate() async throws {
        try await QueueEnv.with { env in
            // No local wake-ups and no fallback poll: only NOTIFY and the catch-up claim can deliver.
            let queue = env.queue(wakeLocal: false)
            let tally = Tally()
            var handlers = JobHandlerRegistry()
            handlers.register("noop") { context, _ in tally.record(context.id) }
            let worker = env.worker(["l": 4], handlers: handlers) { $0.pollInterval = .seconds(600) }
            try await env.running([worker]) {
                try await expectEventually { try await env.scalar(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'jobqueue-listen'") == 1 }
                try await queue.enqueue(noopJob("l", 0))
                try await expectEventually(timeout: .seconds(90)) { tally.distinct == 1 }

                let oldPID = try await env.scalar(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'jobqueue-listen'")
                try await env.exec("SELECT pg_terminate_backend(\(oldPID))")
                // Enqueued while the listener is down: these notifications are lost.
                try await queue.enqueue(batch: (1...100).map { noopJob("l", $0) })
                try await expectEventually(timeout: .seconds(90), comment: "caught up \(tally.distinct - 1) of 100") { tally.distinct == 101 }
                try await expectEventually { try await env.scalar(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'jobqueue-listen' AND pid <> \(oldPID)") == 1 }
                // And the new LISTEN hears new notifications.
                try await queue.enqueue(noopJob("l", 1000))
                try await expectEventually(timeout: .seconds(90)) { tally.distinct == 102 }
                try await expectEventually { try await env.scalar("SELECT count(*) FROM job") == 0 }
            }
            #expect(tally.duplicates.isEmpty)
        }
    }

    @Test("a worker process killed -9 while holding jobs: they run again within 15 s")
    func crashRescue() async throws {
        try await QueueEnv.with { env in
            let child = try Child(
                arguments: ["bench", "queue-worker", "--mode", "serve", "--queue", "held", "--concurrency", "10",
                            "--worker-id", "crash-child", "--log-level", "error"],
                environment: ["DATABASE_URL": env.settings.url]
            )
            defer { child.kill9() }
            try await expectEventually(timeout: .seconds(90)) { child.isReady }
            let ids = try await env.queue().enqueue(batch: (0..<5).map { _ in
                NewJob(queue: "held", kind: "hold", bytes: "{\"ms\": 600000}".utf8)
            })
            try await expectEventually { try await env.scalar(
                "SELECT count(*) FROM job WHERE state = 1 AND owner = 'crash-child'") == 5 }

            let tally = Tally()
            var handlers = JobHandlerRegistry()
            handlers.register("hold") { context, _ in tally.record(context.id) }
            let rescuer = env.worker(["held": 10], handlers: handlers)
            try await env.running([rescuer]) {
                try await Task.sleep(for: .milliseconds(300))
                #expect(tally.distinct == 0, "the live child's jobs must not be taken")
                let killed = ContinuousClock.now
                child.kill9()
                let rescued = try await eventually(timeout: .seconds(15), every: .milliseconds(50)) { tally.distinct == 5 }
                let took = ContinuousClock.now - killed
                #expect(rescued, "rescued \(tally.distinct) of 5 in \(took)")
                #expect(took < .seconds(15))
                try await expectEventually { try await env.scalar("SELECT count(*) FROM job") == 0 }
            }
            #expect(Set(ids.map(\.rawValue)).count == 5)
            // The loss is on record, with the jobs it gave back (the chaos run times rescues by it).
            #expect(try await env.scalar("SELECT jobs::bigint FROM job_worker_lost WHERE worker_id = 'crash-child' AND why = 'lock free'") == 5)
            let attempts = try await env.scalar("SELECT count(*) FROM job_dead")
            #expect(attempts == 0)
        }
    }

    @Test("PostgreSQL restarts mid-drain: workers reconnect and every job completes")
    func postgresRestartMidDrain() async throws {
        let cluster = try await ThrowawayCluster.start()
        do {
            try await cluster.settings.withClient(logger: cluster.logger) { client in
                try await client.query("SELECT 1", logger: cluster.logger)
                let migrations = JobQueueSchema.migrations.map { Migration(id: $0.id, sql: $0.sql) }
                try await Migrator(migrations: migrations).migrate(client: client, logger: cluster.logger)
                let total = 20_000
                let queue = JobQueue(client: client, logger: cluster.logger)
                for start in stride(from: 0, to: total, by: 1000) {
                    try await queue.enqueue(batch: (start..<start + 1000).map { noopJob("r", $0) })
                }
                let tally = Tally()
                var handlers = JobHandlerRegistry()
                handlers.register("noop") { context, _ in
                    tally.record(context.id)
                    try? await Task.sleep(for: .microseconds(300))
                }
                let workers = (0..<2).map { _ in
                    var configuration = JobWorkerConfiguration(queues: ["r": 8])
                    configuration.pollInterval = .milliseconds(500)
                    return JobWorker(client: client, connection: cluster.settings.connectionConfiguration,
                                     configuration: configuration, handlers: handlers, logger: cluster.logger)
                }
                let env = QueueEnvLite(client: client, logger: cluster.logger)
                // The workers run in a task of their own, so a worker that fails to stop cannot hang the run.
                let stopped = Atomic<Bool>(false)
                let running = Task {
                    await withTaskGroup(of: Void.self) { group in
                        for worker in workers { group.addTask { try? await worker.run() } }
                    }
                    stopped.store(true, ordering: .relaxed)
                }
                try await expectEventually(timeout: .seconds(120)) { tally.distinct >= 2000 }
                try await cluster.restart()
                let afterRestart = tally.distinct
                #expect(afterRestart < total, "the drain finished before the restart; the test proves nothing")
                let done = try await eventually(timeout: .seconds(60), every: .milliseconds(100)) {
                    guard tally.distinct == total else { return false }
                    return (try? await env.scalar("SELECT count(*) FROM job")) == 0
                }
                if !done {
                    // What the database is doing when the drain does not finish: the stuck statement and what it waits on.
                    let activity = try? await client.query(
                        """
                        SELECT pid::text || ' ' || coalesce(application_name, '') || ' ' || coalesce(state, '') || ' '
                               || coalesce(wait_event_type || ':' || wait_event, '-') || ' xact ' || coalesce((now() - xact_start)::text, '-')
                               || ' blocked by ' || pg_blocking_pids(pid)::text || ' | ' || left(query, 160)
                        FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                        """, logger: cluster.logger
                    ).collect().map { try $0.decode(String.self) }
                    let left = try? await env.scalar("SELECT count(*) FROM job")
                    Issue.record("jobs left: \(left ?? -1); activity:\n\((activity ?? []).joined(separator: "\n"))")
                }
                #expect(done, "handled \(tally.distinct) of \(total)")
                running.cancel()
                let ended = try await eventually(timeout: .seconds(30), every: .milliseconds(100)) { stopped.load(ordering: .relaxed) }
                // Calls postgres-nio never answered after the restart used to keep a worker from stopping
                // (about 1 full-suite run in 4); AbandonableCall bounds them (Docs/QUEUE.md).
                #expect(ended, "workers still running 30 s after cancellation")
                if !ended {
                    // Stopping the server fails whatever the stuck worker waits on, so the client can shut down.
                    await cluster.stop()
                }
            }
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }
}

struct QueueEnvLite: Sendable {
    let client: PostgresClient
    let logger: Logger
    func scalar(_ sql: String) async throws -> Int64 {
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        return 0
    }
}
