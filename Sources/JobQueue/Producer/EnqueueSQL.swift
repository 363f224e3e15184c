import Foundation
import Logging
import PostgresNIO

/// The enqueue statements, each a single round trip. With `notify` a statement carries the wake-up of the
/// ready jobs it inserts; callers ask for that only on an idle notifier (``Notifier/reserveInline()``).
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

    /// Inserts many jobs in one statement (``EnqueueBatchStatement``); jobs whose unique key is held are skipped.
    static func insert(batch: [NewJob], notify: Bool = false, on connection: PostgresConnection,
                       logger: Logger) async throws -> [Inserted] {
        guard !batch.isEmpty else { return [] }
        let rows = try await connection.execute(EnqueueBatchStatement(jobs: batch, notify: notify), logger: logger)
        var inserted: [Inserted] = []
        inserted.reserveCapacity(batch.count)
        for try await (id, queue, state, _) in rows {
            inserted.append(Inserted(id: JobID(id), queue: queue, ready: state == 0))
        }
        return inserted
    }
}
