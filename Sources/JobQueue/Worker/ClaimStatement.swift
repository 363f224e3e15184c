import Foundation
import PostgresNIO

/// The claim as a named prepared statement: every claim connection parses and plans it once instead of
/// on every call, which is most of a claim's server time on an idle queue (the latency path).
///
/// The CTE locks a subset of ready rows through the partial ready index (the CTE is an optimisation
/// fence) and the UPDATE marks them running for the owner.
struct ClaimStatement: PostgresPreparedStatement {
    static let name = "jobqueue_claim_v1"
    static let sql = """
        WITH c AS (
            SELECT id FROM job
            WHERE state = 0 AND queue = $1 AND run_at <= now()
            ORDER BY priority, run_at, id
            LIMIT $2
            FOR NO KEY UPDATE SKIP LOCKED
        )
        UPDATE job SET state = 1, attempt = job.attempt + 1, owner = $3, claimed_at = now()
        FROM c WHERE job.id = c.id
        RETURNING job.id, job.kind, job.payload, job.attempt, job.max_attempts, job.created_at
        """
    static let bindingDataTypes: [PostgresDataType] = [.text, .int8, .text]

    typealias Row = (Int64, String, ByteBuffer, Int32, Int32, Date)

    var queue: String
    var limit: Int64
    var owner: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(queue)
        bindings.append(limit)
        bindings.append(owner)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}
