import Foundation
import PostgresNIO

extension JobAdmin {
    /// The worker processes with a heartbeat row, the quietest first (a stuck one shows at the top).
    public func workers() async throws -> [WorkerRecord] {
        let rows = try await client.query(
            """
            SELECT id, queues, pid, host, started_at, EXTRACT(EPOCH FROM now() - heartbeat_at)::float8
            FROM job_worker ORDER BY heartbeat_at, id
            """,
            logger: logger
        )
        var workers: [WorkerRecord] = []
        for try await (id, queues, pid, host, started, age) in rows.decode((String, [String], Int32, String, Date, Double).self) {
            workers.append(WorkerRecord(id: id, queues: queues, pid: Int(pid), host: host, startedAt: started, heartbeatAge: max(age, 0)))
        }
        return workers
    }
}
