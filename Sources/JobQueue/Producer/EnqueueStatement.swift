import PostgresNIO

/// One job's insert as a named prepared statement: each connection parses and plans it once. On an idle
/// queue the planner was a third of an enqueue's server time (Docs/QUEUE.md, "Latency").
///
/// With `notify`, the same statement also sends the wake-up for a ready job. ``JobQueue/enqueue(_:)`` asks
/// for that only when its notifier is idle, so a commit carries a NOTIFY at most once per spacing per
/// process (see ``Notifier/reserveInline()``); inside a caller's transaction it is always false.
struct EnqueueStatement: PostgresPreparedStatement {
    static let name = "jobqueue_enqueue_v1"
    static let sql = """
        WITH r AS (
            SELECT CASE WHEN $6 >= 0 THEN to_timestamp($6) ELSE now() + make_interval(secs => $7) END AS t
        ), ins AS (
            INSERT INTO job (state, queue, kind, payload, priority, run_at, max_attempts, unique_key)
            SELECT CASE WHEN r.t > now() THEN 2 ELSE 0 END, $1, $2, $3, $4, r.t, $5, $8 FROM r
            ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
            RETURNING id, state, queue
        )
        SELECT id, state, CASE WHEN $9 AND state = 0 THEN pg_notify('\(Notifier.channel)', queue)::text END
        FROM ins
        """
    static let bindingDataTypes: [PostgresDataType] = [
        .text, .text, .bytea, .int2, .int4, .float8, .float8, .text, .bool,
    ]

    /// id, state, and the NOTIFY's (ignored) result.
    typealias Row = (Int64, Int16, String?)

    var job: NewJob
    var notify: Bool

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 9)
        bindings.append(job.queue)
        bindings.append(job.kind)
        bindings.append(job.payload)
        bindings.append(job.priority)
        bindings.append(job.maxAttempts)
        bindings.append(job.absoluteEpoch)
        bindings.append(job.delaySeconds)
        bindings.append(job.uniqueKey)
        bindings.append(notify)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}
