import PostgresNIO

/// Many jobs' insert through `unnest` arrays, as a named prepared statement: the platform's transactions
/// queue their follow-up jobs with it at commit (``TransactionEnqueuer/enqueueAtCommit(_:)``), several per
/// ticket, so it is parsed and planned once per connection.
///
/// With `notify`, the statement also wakes the queues of the ready jobs it inserted, as
/// ``EnqueueStatement`` does for one job (repeats of a queue collapse into one NOTIFY at commit).
struct EnqueueBatchStatement: PostgresPreparedStatement {
    static let name = "jobqueue_enqueue_batch_v2"
    static let sql = """
        WITH ins AS (
            INSERT INTO job (state, queue, kind, payload, priority, run_at, max_attempts, unique_key)
            SELECT CASE WHEN r.t > now() THEN 2 ELSE 0 END, u.q, u.k, u.p, u.pr, r.t, u.ma, NULLIF(u.uk, '')
            FROM unnest($1::text[], $2::text[], $3::bytea[], $4::int2[], $5::float8[], $6::float8[], $7::int4[], $8::text[])
                 AS u(q, k, p, pr, at, delay, ma, uk)
            CROSS JOIN LATERAL (SELECT CASE WHEN u.at >= 0 THEN to_timestamp(u.at)
                                            ELSE now() + make_interval(secs => u.delay) END AS t) AS r
            ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
            RETURNING id, queue, state
        )
        SELECT id, queue, state, CASE WHEN $9 AND state = 0 THEN pg_notify('\(Notifier.channel)', queue)::text END
        FROM ins
        """
    static let bindingDataTypes: [PostgresDataType] = [
        .textArray, .textArray, .byteaArray, .int2Array, .float8Array, .float8Array, .int4Array, .textArray, .bool,
    ]

    /// id, queue, state, and the NOTIFY's (ignored) result.
    typealias Row = (Int64, String, Int16, String?)

    var jobs: [NewJob]
    var notify: Bool

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 9)
        bindings.append(jobs.map(\.queue))
        bindings.append(jobs.map(\.kind))
        bindings.append(jobs.map(\.payload))
        bindings.append(jobs.map(\.priority))
        bindings.append(jobs.map(\.absoluteEpoch))
        bindings.append(jobs.map(\.delaySeconds))
        bindings.append(jobs.map(\.maxAttempts))
        bindings.append(jobs.map { $0.uniqueKey ?? "" })
        bindings.append(notify)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}
