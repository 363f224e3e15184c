import Foundation
import Logging
import PostgresNIO

/// The enqueue statements, each a single round trip. Only a standalone single enqueue may carry its own
/// wake-up; otherwise notification is the caller's business after commit (see ``JobQueue/transaction(_:)``).
enum EnqueueSQL {
    struct Inserted: Sendable {
        var id: JobID
        var queue: String
        var ready: Bool
    }

    /// Inserts one job (``EnqueueStatement``); nil when a live job holds its unique key. With `notify`, the
    /// statement also wakes the job's queue if the job is ready.
    static func insert(_ job: NewJob, notify: Bool = false, on connection: PostgresConnection,
                       logger: Logger) async throws -> Inserted? {
        let rows = try await connection.execute(EnqueueStatement(job: job, notify: notify), logger: logger)
        for try await (id, state, _) in rows {
            return Inserted(id: JobID(id), queue: job.queue, ready: state == 0)
        }
        return nil
    }

    /// Inserts many jobs in one statement through `unnest` arrays; jobs whose unique key is held are skipped.
    static func insert(batch: [NewJob], on connection: PostgresConnection, logger: Logger) async throws -> [Inserted] {
        guard !batch.isEmpty else { return [] }
        var queues: [String] = [], kinds: [String] = [], payloads: [ByteBuffer] = [], priorities: [Int16] = []
        var ats: [Double] = [], delays: [Double] = [], maxAttempts: [Int32] = [], keys: [String] = []
        queues.reserveCapacity(batch.count); kinds.reserveCapacity(batch.count)
        payloads.reserveCapacity(batch.count); priorities.reserveCapacity(batch.count)
        ats.reserveCapacity(batch.count); delays.reserveCapacity(batch.count)
        maxAttempts.reserveCapacity(batch.count); keys.reserveCapacity(batch.count)
        for job in batch {
            queues.append(job.queue)
            kinds.append(job.kind)
            payloads.append(job.payload)
            priorities.append(job.priority)
            ats.append(job.absoluteEpoch)
            delays.append(job.delaySeconds)
            maxAttempts.append(job.maxAttempts)
            keys.append(job.uniqueKey ?? "")
        }
        let rows = try await connection.query(
            """
            INSERT INTO job (state, queue, kind, payload, priority, run_at, max_attempts, unique_key)
            SELECT CASE WHEN r.t > now() THEN 2 ELSE 0 END, u.q, u.k, u.p, u.pr, r.t, u.ma, NULLIF(u.uk, '')
            FROM unnest(\(queues)::text[], \(kinds)::text[], \(payloads)::bytea[], \(priorities)::int2[],
                        \(ats)::float8[], \(delays)::float8[], \(maxAttempts)::int4[], \(keys)::text[])
                 AS u(q, k, p, pr, at, delay, ma, uk)
            CROSS JOIN LATERAL (SELECT CASE WHEN u.at >= 0 THEN to_timestamp(u.at)
                                            ELSE now() + make_interval(secs => u.delay) END AS t) AS r
            ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
            RETURNING id, queue, state
            """,
            logger: logger
        )
        var inserted: [Inserted] = []
        inserted.reserveCapacity(batch.count)
        for try await (id, queue, state) in rows.decode((Int64, String, Int16).self) {
            inserted.append(Inserted(id: JobID(id), queue: queue, ready: state == 0))
        }
        return inserted
    }
}
