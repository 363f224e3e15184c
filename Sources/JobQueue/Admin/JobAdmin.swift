import Foundation
import Logging
import PostgresNIO

/// Inspection and repair: list, show, retry dead jobs, cancel waiting jobs, per-queue stats.
///
/// ```swift
/// let admin = JobAdmin(client: client, logger: logger)
/// for job in try await admin.list(queue: "mail", state: .dead) { print(job.id, job.lastError ?? "") }
/// try await admin.retry(JobID(42))
/// ```
///
/// Cancelling moves a ready or scheduled job to `job_dead` with reason `cancelled` (so there is a record,
/// and ``retry(_:)`` can bring it back). A running job cannot be cancelled: its handler is already going.
public struct JobAdmin: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    private static let liveColumns = """
        id, queue, kind, state, priority, attempt, max_attempts, run_at, created_at, unique_key, owner, claimed_at,
        last_error, errors::text, payload, NULL::text, NULL::timestamptz
        """
    private static let deadColumns = """
        id, queue, kind, 3::int2, priority, attempt, max_attempts, run_at, created_at, unique_key, NULL::text,
        NULL::timestamptz, last_error, errors::text, payload, reason, died_at
        """

    /// Jobs of `queue` (all queues if nil) in `state` (all live states if nil), newest first for dead jobs,
    /// claim order for live ones.
    public func list(queue: String? = nil, state: JobState? = nil, limit: Int = 50) async throws -> [JobRecord] {
        let limit = Int64(max(1, min(limit, 10_000)))
        let query: PostgresQuery
        if state == .dead {
            query = """
                SELECT \(unescaped: Self.deadColumns) FROM job_dead
                WHERE (\(queue)::text IS NULL OR queue = \(queue)::text)
                ORDER BY died_at DESC, id DESC LIMIT \(limit)
                """
        } else {
            let code: Int16? = state?.code
            query = """
                SELECT \(unescaped: Self.liveColumns) FROM job
                WHERE (\(queue)::text IS NULL OR queue = \(queue)::text) AND (\(code)::int2 IS NULL OR state = \(code)::int2)
                ORDER BY state, priority, run_at, id LIMIT \(limit)
                """
        }
        return try await records(query)
    }

    /// One job, live or dead; nil if there is none with that id.
    public func show(_ id: JobID) async throws -> JobRecord? {
        let live = try await records("SELECT \(unescaped: Self.liveColumns) FROM job WHERE id = \(id.rawValue)")
        if let job = live.first { return job }
        return try await records("SELECT \(unescaped: Self.deadColumns) FROM job_dead WHERE id = \(id.rawValue)").first
    }

    /// Moves a dead (or cancelled) job back to ready with its attempt count reset; its error history stays.
    /// - Throws: ``JobQueueError`` `.notFound` if no dead job has that id, `.duplicateUniqueKey` if a live job
    ///   holds its unique key.
    public func retry(_ id: JobID) async throws {
        let outcome: Int16 = try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                WITH d AS (DELETE FROM job_dead WHERE id = \(id.rawValue) RETURNING *)
                INSERT INTO job (id, state, queue, kind, payload, priority, run_at, attempt, max_attempts, unique_key,
                                 created_at, last_error, errors)
                SELECT id, 0, queue, kind, payload, priority, now(), 0, max_attempts, unique_key, created_at,
                       last_error, errors FROM d
                ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
                RETURNING 1::int2
                """,
                logger: logger
            )
            for try await value in rows.decode(Int16.self) { return value }
            // Nothing inserted: either no such dead job, or its unique key is taken (then the DELETE must not stick).
            let exists = try await connection.query("SELECT 1 FROM job_dead WHERE id = \(id.rawValue)", logger: logger)
            for try await _ in exists { return 2 }
            let live = try await connection.query("SELECT 1 FROM job WHERE id = \(id.rawValue)", logger: logger)
            for try await _ in live { return 3 }
            return 0
        }
        switch outcome {
        case 1:
            Notifier(client: client, logger: logger, wakeLocal: true).notify(try await queueOf(id).map { [$0] } ?? [])
        case 3:
            throw JobQueueError(.invalidState, "job \(id) is not dead; only dead or cancelled jobs can be retried")
        case 0:
            throw JobQueueError(.notFound, "no dead job with id \(id)")
        default:
            throw JobQueueError(.duplicateUniqueKey, "job \(id) cannot be retried: a live job holds its unique key")
        }
    }

    /// Cancels a ready or scheduled job: it moves to `job_dead` with reason `cancelled`.
    /// - Throws: ``JobQueueError`` `.notFound` or `.invalidState` (running or already dead).
    public func cancel(_ id: JobID, reason: String = "cancelled by an operator") async throws {
        let rows = try await client.query(
            """
            WITH d AS (DELETE FROM job WHERE id = \(id.rawValue) AND state IN (0, 2) RETURNING *)
            INSERT INTO job_dead (id, queue, kind, payload, priority, attempt, max_attempts, unique_key, created_at,
                                  run_at, reason, last_error, errors)
            SELECT id, queue, kind, payload, priority, attempt, max_attempts, unique_key, created_at, run_at,
                   'cancelled', \(reason),
                   errors || jsonb_build_array(jsonb_build_object('attempt', attempt, 'at', now(), 'error', \(reason)::text))
            FROM d
            RETURNING id
            """,
            logger: logger
        )
        for try await _ in rows { return }
        guard let job = try await show(id) else { throw JobQueueError(.notFound, "no job with id \(id)") }
        throw JobQueueError(.invalidState, "job \(id) is \(job.state.rawValue); only ready or scheduled jobs can be cancelled")
    }

    /// Counts per queue, every queue that has live or dead jobs.
    public func stats() async throws -> [QueueStats] {
        let rows = try await client.query(
            """
            WITH live AS (
                SELECT queue, count(*) FILTER (WHERE state = 0) AS ready, count(*) FILTER (WHERE state = 1) AS running,
                       count(*) FILTER (WHERE state = 2) AS scheduled,
                       COALESCE(EXTRACT(EPOCH FROM now() - min(run_at) FILTER (WHERE state = 0 AND run_at <= now())), 0)::float8 AS age
                FROM job GROUP BY queue
            ), dead AS (SELECT queue, count(*) AS dead FROM job_dead GROUP BY queue)
            SELECT COALESCE(live.queue, dead.queue), COALESCE(ready, 0), COALESCE(running, 0), COALESCE(scheduled, 0),
                   COALESCE(dead, 0), COALESCE(age, 0)
            FROM live FULL JOIN dead ON live.queue = dead.queue
            ORDER BY 1
            """,
            logger: logger
        )
        var stats: [QueueStats] = []
        for try await (queue, ready, running, scheduled, dead, age)
            in rows.decode((String, Int64, Int64, Int64, Int64, Double).self) {
            stats.append(QueueStats(queue: queue, ready: Int(ready), running: Int(running), scheduled: Int(scheduled),
                                    dead: Int(dead), oldestReadyAge: max(age, 0)))
        }
        return stats
    }

    /// The worker processes with a heartbeat row, newest first, and how many jobs each holds.
    public func workers() async throws -> [WorkerRecord] {
        let rows = try await client.query(
            """
            SELECT w.id, w.queues, w.pid, w.host, w.started_at, w.heartbeat_at,
                   EXTRACT(EPOCH FROM now() - w.heartbeat_at)::float8,
                   (SELECT count(*) FROM job j WHERE j.state = 1 AND j.owner = w.id)
            FROM job_worker w ORDER BY w.started_at DESC
            """,
            logger: logger
        )
        var workers: [WorkerRecord] = []
        for try await (id, queues, pid, host, started, heartbeat, age, running)
            in rows.decode((String, [String], Int32, String, Date, Date, Double, Int64).self) {
            workers.append(WorkerRecord(
                id: id, queues: queues, pid: Int(pid), host: host, startedAt: started, heartbeatAt: heartbeat,
                heartbeatAge: max(age, 0), running: Int(running)))
        }
        return workers
    }

    private func queueOf(_ id: JobID) async throws -> String? {
        let rows = try await client.query("SELECT queue FROM job WHERE id = \(id.rawValue)", logger: logger)
        for try await queue in rows.decode(String.self) { return queue }
        return nil
    }

    private func records(_ query: PostgresQuery) async throws -> [JobRecord] {
        let rows = try await client.query(query, logger: logger)
        var result: [JobRecord] = []
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let id = try columns[0].decode(Int64.self)
            let queue = try columns[1].decode(String.self)
            let kind = try columns[2].decode(String.self)
            let state = try columns[3].decode(Int16.self)
            let priority = try columns[4].decode(Int16.self)
            let attempt = try columns[5].decode(Int32.self)
            let maxAttempts = try columns[6].decode(Int32.self)
            let runAt = try columns[7].decode(Date.self)
            let createdAt = try columns[8].decode(Date.self)
            let uniqueKey = try columns[9].decode(String?.self)
            let owner = try columns[10].decode(String?.self)
            let claimedAt = try columns[11].decode(Date?.self)
            let lastError = try columns[12].decode(String?.self)
            let errors = try columns[13].decode(String.self)
            let payload = try columns[14].decode(ByteBuffer.self)
            let reason = try columns[15].decode(String?.self)
            let diedAt = try columns[16].decode(Date?.self)
            result.append(JobRecord(
                id: JobID(id), queue: queue, kind: kind, state: JobState(code: state) ?? .dead, priority: priority,
                attempt: Int(attempt), maxAttempts: Int(maxAttempts), runAt: runAt, createdAt: createdAt,
                uniqueKey: uniqueKey, owner: owner, claimedAt: claimedAt, lastError: lastError, errorsJSON: errors,
                payload: payload, deadReason: reason, diedAt: diedAt
            ))
        }
        return result
    }
}
