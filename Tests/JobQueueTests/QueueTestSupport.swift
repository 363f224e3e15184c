import Foundation
import Logging
@testable import JobQueue
import PostgresMigrations
import PostgresNIO
import ServiceLifecycle
import SupportStore
import SupportTesting
import Synchronization
import Testing

/// Shared helpers: a fresh database per test with the queue schema, a running client, workers.
struct QueueEnv: Sendable {
    let db: TestDatabase
    let client: PostgresClient
    var logger: Logger { db.logger }
    var settings: DatabaseSettings { db.settings }

    static let migrations = JobQueueSchema.migrations.map { Migration(id: $0.id, sql: $0.sql) }

    /// Runs `body` against a fresh migrated database with a running pool.
    static func with<T: Sendable>(
        label: String = #function, _ body: @Sendable (QueueEnv) async throws -> T
    ) async throws -> T {
        try await TestDatabase.with(label: label, migrations: migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.query("SELECT 1", logger: db.logger)  // pool is up
                return try await body(QueueEnv(db: db, client: client))
            }
        }
    }

    func queue(wakeLocal: Bool = true) -> JobQueue { JobQueue(client: client, logger: logger, wakeLocalWorkers: wakeLocal) }

    func worker(
        _ queues: [String: Int],
        handlers: JobHandlerRegistry,
        periodic: [PeriodicJob] = [],
        configure: (inout JobWorkerConfiguration) -> Void = { _ in }
    ) -> JobWorker {
        var configuration = JobWorkerConfiguration(queues: queues)
        configuration.retryBackoff = .init(base: .milliseconds(50), max: .seconds(1))
        configuration.shutdownTimeout = .seconds(5)
        configure(&configuration)
        return JobWorker(client: client, connection: settings.connectionConfiguration, configuration: configuration,
                         handlers: handlers, periodic: periodic, logger: logger)
    }

    /// Runs the workers while `body` runs, then cancels them and waits for them to finish.
    func running<T: Sendable>(_ workers: [JobWorker], _ body: @Sendable () async throws -> T) async throws -> T {
        // The workers run in a task of their own (not the body's group), so a worker that does not stop
        // after cancellation fails its test instead of hanging the whole run.
        let stopped = Atomic<Bool>(false)
        let running = Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in workers {
                    group.addTask {
                        do { try await worker.run() } catch is CancellationError {} catch {
                            Issue.record(error, "worker.run() threw")
                        }
                    }
                }
            }
            stopped.store(true, ordering: .relaxed)
        }
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        running.cancel()
        let ended = try await eventually(timeout: .seconds(30), every: .milliseconds(50)) { stopped.load(ordering: .relaxed) }
        // Calls postgres-nio never answers used to keep a worker from stopping (Docs/QUEUE.md).
        #expect(ended, "workers still running 30 s after cancellation")
        if !ended {
            // Failing whatever the stuck worker waits on lets it, and the client, shut down.
            try? await exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
            _ = try await eventually(timeout: .seconds(30), every: .milliseconds(50)) { stopped.load(ordering: .relaxed) }
        }
        return try result.get()
    }

    func scalar(_ sql: String) async throws -> Int64 {
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        return 0
    }

    func exec(_ sql: String) async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
@discardableResult
func eventually(timeout: Duration = .seconds(30), every: Duration = .milliseconds(20),
                _ condition: @Sendable () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: every)
    }
    return try await condition()
}

/// A thread-safe tally of handled job ids.
final class Tally: Sendable {
    private let counts = Mutex<[Int64: Int]>([:])
    func record(_ id: JobID) { counts.withLock { $0[id.rawValue, default: 0] += 1 } }
    var distinct: Int { counts.withLock { $0.count } }
    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
    var duplicates: [Int64] { counts.withLock { $0.filter { $0.value > 1 }.map(\.key) } }
    func count(_ id: JobID) -> Int { counts.withLock { $0[id.rawValue] ?? 0 } }
}

func noopJob(_ queue: String, _ i: Int, kind: String = "noop") -> NewJob {
    NewJob(queue: queue, kind: kind, bytes: "{\"i\": \(i)}".utf8)
}

/// A child `support` process (for crash and multi-process tests) that prints "ready" once it runs.
final class Child: Sendable {
    let process: LiveProcess

    init(arguments: [String], environment: [String: String]) throws {
        process = try LiveProcess(BuiltProducts.support, arguments, environment: environment)
    }

    var lines: [String] { process.output }
    var isReady: Bool { lines.contains("ready") }

    func kill9() { process.signal(SIGKILL) }
    func terminate() { process.signal(SIGTERM) }
    func waitForExit(timeout: Duration = .seconds(15)) async {
        _ = try? await process.waitForExit(timeout: timeout)
    }
}

/// `#expect` that `condition` becomes true within `timeout`.
func expectEventually(
    timeout: Duration = .seconds(90), every: Duration = .milliseconds(20), comment: @autoclosure () -> String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ condition: @Sendable () async throws -> Bool
) async throws {
    let held = try await eventually(timeout: timeout, every: every, condition)
    #expect(held, Comment(rawValue: comment() ?? "condition did not hold within \(timeout)"), sourceLocation: sourceLocation)
}
