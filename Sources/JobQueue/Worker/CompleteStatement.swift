import PostgresNIO

/// The batched completion as a named prepared statement: every finished job goes through it, so like the
/// claim it is parsed and planned once per connection. Guarded by the owner: a job rescued from this
/// process and claimed by another is not deleted.
///
/// Its connection has sequential scans off, like the claim's: a plan made while the queue held a page of
/// jobs was a sequential scan, kept as the backlog grew (`bench pipeline`: every flush read 9,000 rows).
struct CompleteStatement: PostgresPreparedStatement {
    static let name = "jobqueue_complete_v1"
    static let sql = "WITH d AS (DELETE FROM job WHERE id = ANY($1) AND owner = $2 RETURNING 1) SELECT count(*) FROM d"
    static let bindingDataTypes: [PostgresDataType] = [.int8Array, .text]

    typealias Row = Int64

    var ids: [Int64]
    var owner: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(ids)
        bindings.append(owner)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Int64.self)
    }
}
