import Foundation
import PostgresNIO

/// The claim as a named prepared statement: every claim connection parses and plans it once instead of
/// on every call, which is most of a claim's server time on an idle queue (the latency path).
///
/// The subquery locks a subset of ready rows through the partial ready index, and the UPDATE marks them
/// running for the owner, reaching them by key. It runs on a connection with sequential scans off
/// (``DedicatedConnection``), so its one plan stays the index plan whatever the table's size was when it
/// was made. Written as a join, the plan made on an empty, analysed table scanned all of `job` for
/// every claim once a backlog grew (Docs/QUEUE.md, "Plans for a table that empties").
struct ClaimStatement: PostgresPreparedStatement {
    static let name = "jobqueue_claim_v2"
    static let sql = """
        UPDATE job SET state = 1, attempt = attempt + 1, owner = $3, claimed_at = now()
        WHERE id = ANY (ARRAY(
            SELECT id FROM job
            WHERE state = 0 AND queue = $1 AND run_at <= now()
            ORDER BY priority, run_at, id
            LIMIT $2
            FOR NO KEY UPDATE SKIP LOCKED))
        RETURNING id, kind, payload, attempt, max_attempts, created_at
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
