import Foundation
import Logging
import PostgresNIO

/// The worker's statements. All times come from the database's `now()`.
enum WorkerSQL {
    /// Claims up to `limit` ready jobs of `queue` for `owner` (``ClaimStatement``).
    static func claim(queue: String, limit: Int, owner: String, on connection: PostgresConnection,
                      logger: Logger) async throws -> [ClaimedJob] {
        let rows = try await connection.execute(ClaimStatement(queue: queue, limit: Int64(limit), owner: owner), logger: logger)
        let claimedAt = ContinuousClock.now
        var jobs: [ClaimedJob] = []
        jobs.reserveCapacity(limit)
        for try await (id, kind, payload, attempt, maxAttempts, createdAt) in rows {
            jobs.append(ClaimedJob(id: id, kind: kind, payload: payload, attempt: attempt, maxAttempts: maxAttempts,
                                   createdAt: createdAt, claimedAt: claimedAt))
        }
        // Claim order: the UPDATE returns rows in no particular order.
        if jobs.count > 1 { jobs.sort { $0.id < $1.id } }
        return jobs
    }

    /// Deletes completed jobs this owner still holds (``CompleteStatement``); returns how many were deleted.
    static func complete(ids: [Int64], owner: String, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.execute(CompleteStatement(ids: ids, owner: owner), logger: logger)
        for try await count in rows { return Int(count) }
        return 0
    }

    /// Schedules a retry with exponential backoff and jitter; false if the owner no longer holds the job.
    static func retry(id: Int64, owner: String, error: String, backoff: JobWorkerConfiguration.RetryBackoff,
                      on client: PostgresClient, logger: Logger) async throws -> Bool {
        let rows = try await client.guardedQuery(
            """
            UPDATE job SET state = 2, owner = NULL, claimed_at = NULL,
                run_at = now() + make_interval(secs => least(\(backoff.max.seconds)::float8,
                    \(backoff.base.seconds)::float8 * power(2, greatest(attempt - 1, 0))) * (0.75 + random() * 0.5)),
                last_error = \(error),
                errors = errors || jsonb_build_array(jsonb_build_object(
                    'attempt', attempt, 'at', now(), 'error', \(error)::text, 'worker', owner))
            WHERE id = \(id) AND owner = \(owner) AND state = 1
            RETURNING id
            """,
            logger: logger
        )
        return !rows.isEmpty
    }

    /// Runs a job this owner holds again after `delay`, with its attempt given back and no error recorded.
    static func snooze(id: Int64, owner: String, delay: Duration, on client: PostgresClient, logger: Logger) async throws -> Bool {
        let rows = try await client.guardedQuery(
            """
            UPDATE job SET state = 2, owner = NULL, claimed_at = NULL, attempt = greatest(attempt - 1, 0),
                run_at = now() + make_interval(secs => \(delay.seconds)::float8)
            WHERE id = \(id) AND owner = \(owner) AND state = 1
            RETURNING id
            """,
            logger: logger
        )
        return !rows.isEmpty
    }

    /// Moves a job this owner holds to `job_dead`, appending the final error to its history.
    static func bury(id: Int64, owner: String, reason: String, error: String,
                     on client: PostgresClient, logger: Logger) async throws -> Bool {
        let rows = try await client.guardedQuery(
            """
            WITH d AS (DELETE FROM job WHERE id = \(id) AND owner = \(owner) AND state = 1 RETURNING *)
            INSERT INTO job_dead (id, queue, kind, payload, priority, attempt, max_attempts, unique_key,
                                  created_at, run_at, reason, last_error, errors)
            SELECT id, queue, kind, payload, priority, attempt, max_attempts, unique_key, created_at, run_at,
                   \(reason), \(error),
                   errors || jsonb_build_array(jsonb_build_object(
                       'attempt', attempt, 'at', now(), 'error', \(error)::text, 'worker', owner))
            FROM d
            RETURNING id
            """,
            logger: logger
        )
        return !rows.isEmpty
    }

    /// Puts claimed jobs back to ready. `unstarted` jobs get their attempt back.
    static func release(ids: [Int64], owner: String, unstarted: Bool, on client: PostgresClient,
                        logger: Logger) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let rows = try await client.guardedQuery(
            """
            WITH r AS (
                UPDATE job SET state = 0, owner = NULL, claimed_at = NULL,
                    attempt = CASE WHEN \(unstarted) THEN greatest(attempt - 1, 0) ELSE attempt END
                WHERE id = ANY(\(ids)::int8[]) AND owner = \(owner) AND state = 1
                RETURNING queue)
            SELECT DISTINCT queue FROM r
            """,
            logger: logger
        )
        return try rows.map { try $0.decode(String.self) }
    }

    static func heartbeat(workerID: String, namespace: Int32, lockKey: Int32, queues: [String],
                          on connection: PostgresConnection, logger: Logger) async throws {
        let pid = Int32(ProcessInfo.processInfo.processIdentifier)
        let host = JobWorkerConfiguration.hostName
        try await connection.query(
            """
            INSERT INTO job_worker (id, lock_key, lock_namespace, queues, pid, host, heartbeat_at)
            VALUES (\(workerID), \(lockKey), \(namespace), \(queues)::text[], \(pid), \(host), now())
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), lock_key = excluded.lock_key,
                lock_namespace = excluded.lock_namespace
            """,
            logger: logger
        )
    }

    static func tryLock(namespace: Int32, key: Int32, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("SELECT pg_try_advisory_lock(\(namespace), \(key))", logger: logger)
        for try await locked in rows.decode(Bool.self) { return locked }
        return false
    }

    // MARK: leader

    /// Promotes due scheduled rows to ready; returns the queues that got jobs.
    static func promoteDue(on connection: PostgresConnection, logger: Logger) async throws -> (queues: Set<String>, count: Int) {
        let rows = try await connection.query(
            """
            WITH due AS (
                SELECT id FROM job WHERE state = 2 AND run_at <= now()
                ORDER BY run_at LIMIT 5000 FOR NO KEY UPDATE SKIP LOCKED
            )
            UPDATE job SET state = 0 FROM due WHERE job.id = due.id RETURNING job.queue
            """,
            logger: logger
        )
        var queues = Set<String>()
        var count = 0
        for try await queue in rows.decode(String.self) {
            queues.insert(queue)
            count += 1
        }
        return (queues, count)
    }

    /// Seconds until the next scheduled job is due (nil when none is scheduled).
    static func secondsToNextScheduled(on connection: PostgresConnection, logger: Logger) async throws -> Double? {
        let rows = try await connection.query(
            "SELECT EXTRACT(EPOCH FROM (min(run_at) - now()))::float8 FROM job WHERE state = 2", logger: logger
        )
        for try await seconds in rows.decode(Double?.self) { return seconds }
        return nil
    }

    /// Enqueues the periodic job for the current period unless some process already did.
    static func enqueuePeriodic(_ periodic: PeriodicJob, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let job = periodic.job
        let rows = try await connection.query(
            """
            WITH slot AS (
                SELECT floor(EXTRACT(EPOCH FROM now()) / \(periodic.interval.seconds)::float8)::int8 AS period
            ), p AS (
                INSERT INTO job_periodic (name, last_period, enqueued_at)
                SELECT \(periodic.name), period, now() FROM slot
                ON CONFLICT (name) DO UPDATE SET last_period = excluded.last_period, enqueued_at = now()
                WHERE job_periodic.last_period < excluded.last_period
                RETURNING last_period
            )
            INSERT INTO job (state, queue, kind, payload, priority, max_attempts, unique_key)
            SELECT 0, \(job.queue), \(job.kind), \(job.payload), \(job.priority), \(job.maxAttempts),
                   'periodic:' || \(periodic.name) || ':' || p.last_period
            FROM p
            ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
            RETURNING id
            """,
            logger: logger
        )
        for try await _ in rows { return true }
        return false
    }

    struct WorkerRow: Sendable {
        var id: String
        var namespace: Int32
        var lockKey: Int32
        var heartbeatAge: Double
    }

    /// Workers whose heartbeat is older than `seconds`.
    static func quietWorkers(olderThan seconds: Double, on connection: PostgresConnection,
                             logger: Logger) async throws -> [WorkerRow] {
        let rows = try await connection.query(
            """
            SELECT id, lock_namespace, lock_key, EXTRACT(EPOCH FROM now() - heartbeat_at)::float8
            FROM job_worker WHERE heartbeat_at < now() - make_interval(secs => \(seconds)::float8)
            """,
            logger: logger
        )
        var result: [WorkerRow] = []
        for try await (id, namespace, key, age) in rows.decode((String, Int32, Int32, Double).self) {
            result.append(WorkerRow(id: id, namespace: namespace, lockKey: key, heartbeatAge: age))
        }
        return result
    }

    /// Re-queues the running jobs of a lost worker, forgets the worker and logs the loss in
    /// `job_worker_lost` (`why`: how it was found out); returns the queues to wake.
    static func rescue(workerID: String, why: String, on connection: PostgresConnection, logger: Logger) async throws -> (Set<String>, Int) {
        let message = "worker \(workerID) was lost while running this job"
        let rows = try await connection.query(
            """
            WITH lost AS (
                UPDATE job SET state = 0, owner = NULL, claimed_at = NULL, last_error = \(message),
                    errors = errors || jsonb_build_array(jsonb_build_object(
                        'attempt', attempt, 'at', now(), 'error', \(message)::text, 'worker', owner))
                WHERE state = 1 AND owner = \(workerID)
                RETURNING queue
            ), gone AS (DELETE FROM job_worker WHERE id = \(workerID)),
            logged AS (INSERT INTO job_worker_lost (worker_id, jobs, why) SELECT \(workerID), count(*), \(why) FROM lost)
            SELECT queue FROM lost
            """,
            logger: logger
        )
        var queues = Set<String>()
        var count = 0
        for try await queue in rows.decode(String.self) {
            queues.insert(queue)
            count += 1
        }
        return (queues, count)
    }

    /// Re-queues running jobs whose owner has no worker row at all (e.g. after a crash truncated the
    /// unlogged table) and that were claimed long enough ago.
    static func rescueOrphans(olderThan seconds: Double, on connection: PostgresConnection,
                              logger: Logger) async throws -> (Set<String>, Int) {
        let message = "owner vanished while running this job"
        let rows = try await connection.query(
            """
            WITH orphaned AS (
                UPDATE job SET state = 0, owner = NULL, claimed_at = NULL, last_error = \(message),
                    errors = errors || jsonb_build_array(jsonb_build_object(
                        'attempt', attempt, 'at', now(), 'error', \(message)::text, 'worker', owner))
                FROM (SELECT id, owner AS lost_owner FROM job
                      WHERE state = 1 AND claimed_at < now() - make_interval(secs => \(seconds)::float8)
                        AND NOT EXISTS (SELECT 1 FROM job_worker w WHERE w.id = job.owner)
                      FOR NO KEY UPDATE) AS o
                WHERE job.id = o.id
                RETURNING job.queue, o.lost_owner
            ), logged AS (
                INSERT INTO job_worker_lost (worker_id, jobs, why)
                SELECT coalesce(lost_owner, '-'), count(*), 'no worker row' FROM orphaned GROUP BY lost_owner
            ), pruned AS (DELETE FROM job_worker_lost WHERE lost_at < now() - interval '30 days')
            SELECT queue FROM orphaned
            """,
            logger: logger
        )
        var queues = Set<String>()
        var count = 0
        for try await queue in rows.decode(String.self) {
            queues.insert(queue)
            count += 1
        }
        return (queues, count)
    }

    static func deleteWorker(id: String, on client: PostgresClient, logger: Logger) async throws {
        try await client.guardedQuery("DELETE FROM job_worker WHERE id = \(id)", logger: logger)
    }
}
