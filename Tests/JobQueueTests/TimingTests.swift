import Foundation
@testable import JobQueue
import PostgresNIO
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Scheduled, periodic, shutdown")
struct TimingTests {
    @Test("a delayed job waits in scheduled state and runs when due")
    func scheduledJob() async throws {
        try await QueueEnv.with { env in
            let enqueued = ContinuousClock.now
            let id = try #require(try await env.queue().enqueue(
                NewJob(queue: "s", kind: "noop", bytes: "{}".utf8, schedule: .after(.milliseconds(1500)))))
            #expect(try await env.scalar("SELECT state FROM job WHERE id = \(id.rawValue)") == 2)
            let ran = Mutex<ContinuousClock.Instant?>(nil)
            var handlers = JobHandlerRegistry()
            handlers.register("noop") { _, _ in ran.withLock { $0 = .now } }
            try await env.running([env.worker(["s": 1], handlers: handlers)]) {
                // Runs once due; the bound is loose because the whole suite shares 2 cores.
                try await expectEventually(timeout: .seconds(90)) { ran.withLock { $0 } != nil }
            }
            let at = try #require(ran.withLock { $0 })
            #expect(at - enqueued >= .milliseconds(1450), "not before it is due")
        }
    }

    @Test("a periodic job runs once per period across 3 worker processes")
    func periodicAcrossProcesses() async throws {
        try await QueueEnv.with { env in
            try await env.exec("""
                CREATE TABLE job_runs (job_id bigint, kind text, worker text, attempt int, at timestamptz DEFAULT now())
                """)
            let children = try (0..<3).map { index in
                try Child(arguments: ["bench", "queue-worker", "--mode", "serve", "--queue", "tick",
                                      "--concurrency", "2", "--record-table", "job_runs", "--periodic", "tick:1",
                                      "--worker-id", "periodic-\(index)", "--log-level", "error"],
                          environment: ["DATABASE_URL": env.settings.url])
            }
            defer { children.forEach { $0.terminate() } }
            try await expectEventually(timeout: .seconds(90)) { children.allSatisfy(\.isReady) }
            try await Task.sleep(for: .milliseconds(4500))
            for child in children { child.terminate() }
            for child in children { await child.waitForExit() }
            let runs = try await env.scalar("SELECT count(*) FROM job_runs")
            let distinctJobs = try await env.scalar("SELECT count(DISTINCT job_id) FROM job_runs")
            let periods = try await env.scalar("SELECT last_period - (SELECT min(floor(EXTRACT(EPOCH FROM at)))::int8 FROM job_runs) + 1 FROM job_periodic")
            #expect(runs >= 3, "only \(runs) runs in 4.5 s")
            #expect(runs == distinctJobs, "a periodic job ran twice")
            // At most one run per one-second period (plus the one possibly still queued at shutdown).
            #expect(runs <= max(periods, 1) + 1, "\(runs) runs for \(periods) periods")
            let perSecond = try await env.scalar("""
                SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM job_runs
                GROUP BY floor(EXTRACT(EPOCH FROM at))) AS s
                """)
            #expect(perSecond <= 2)
        }
    }

    @Test("graceful shutdown: in-flight jobs finish, unstarted claims go back to ready with their attempt")
    func gracefulShutdown() async throws {
        try await QueueEnv.with { env in
            try await env.queue().enqueue(batch: (0..<6).map { noopJob("g", $0, kind: "slow") })
            let started = Atomic<Int>(0)
            let finished = Atomic<Int>(0)
            // Handlers hold until the test lets them go, so a loaded machine cannot start a third.
            let released = Atomic<Bool>(false)
            var handlers = JobHandlerRegistry()
            handlers.register("slow") { _, _ in
                started.add(1, ordering: .relaxed)
                while !released.load(ordering: .relaxed) { try? await Task.sleep(for: .milliseconds(10)) }
                finished.add(1, ordering: .relaxed)
            }
            // 2 running + 2 prefetched.
            let worker = env.worker(["g": 2], handlers: handlers)
            let group = ServiceGroup(services: [worker], logger: env.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await expectEventually { started.load(ordering: .relaxed) == 2 }
                #expect(try await env.scalar("SELECT count(*) FROM job WHERE state = 1") == 4)
                await group.triggerGracefulShutdown()
                try await Task.sleep(for: .milliseconds(200))
                released.store(true, ordering: .relaxed)
                try await tasks.waitForAll()
            }
            #expect(started.load(ordering: .relaxed) == 2)
            #expect(finished.load(ordering: .relaxed) == 2)
            #expect(try await env.scalar("SELECT count(*) FROM job") == 4)
            #expect(try await env.scalar("SELECT count(*) FROM job WHERE state = 0 AND attempt = 0 AND owner IS NULL") == 4)
            #expect(try await env.scalar("SELECT count(*) FROM job_worker") == 0)
        }
    }

    @Test("shutdown deadline: a handler that overruns is cancelled and its job released")
    func shutdownDeadline() async throws {
        try await QueueEnv.with { env in
            try await env.queue().enqueue(noopJob("g", 1, kind: "stuck"))
            let started = Atomic<Int>(0)
            var handlers = JobHandlerRegistry()
            handlers.register("stuck") { _, _ in
                started.add(1, ordering: .relaxed)
                try await Task.sleep(for: .seconds(60))
            }
            let worker = env.worker(["g": 1], handlers: handlers) { $0.shutdownTimeout = .milliseconds(300) }
            let group = ServiceGroup(services: [worker], logger: env.logger)
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    try await expectEventually { started.load(ordering: .relaxed) == 1 }
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                }
            }
            // The handler would run 60 s; shutdown must not wait for it (loose bound: 2 shared cores).
            #expect(elapsed < .seconds(30))
            #expect(try await env.scalar("SELECT count(*) FROM job WHERE state = 0 AND attempt = 1 AND owner IS NULL") == 1)
        }
    }
}
