import Foundation
import Logging
import PostgresNIO

/// The enqueue statements. Every one is a single round trip and notifies nobody: notification is the
/// caller's business after commit (see ``JobQueue/transaction(_:)``).
enum EnqueueSQL {
    struct Inserted: Sendable {
        var id: JobID
        var queue: String
        var ready: Bool
    }

    /// Inserts one job; nil when a live job holds its unique key.
    static func insert(_ job: NewJob, on connection: PostgresConnection, logger: Logger) async throws -> Inserted? {
        let at = job.absoluteEpoch
        let delay = job.delaySeconds
        let rows = try await connection.query(
            """
            INSERT INTO job (state, queue, kind, payload, priority, run_at, max_attempts, unique_key)
            SELECT CASE WHEN r.t > now() THEN 2 ELSE 0 END, \(job.queue), \(job.kind), \(job.payload),
                   \(job.priority), r.t, \(job.maxAttempts), \(job.uniqueKey)
            FROM (SELECT CASE WHEN \(at)::float8 >= 0 THEN to_timestamp(\(at)::float8)
                              ELSE now() + make_interval(secs => \(delay)::float8) END AS t) AS r
            ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
            RETURNING id, state
            """,
            logger: logger
        )
        for try await (id, state) in rows.decode((Int64, Int16).self) {
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
