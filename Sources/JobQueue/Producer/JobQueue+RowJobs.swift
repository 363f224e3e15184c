import PostgresNIO

extension JobQueue {
    /// Runs `source`, a data-modifying statement, and enqueues a ready job of `queue`/`kind` for each row it
    /// returns, all in one statement. They commit together without a transaction of their own: one round
    /// trip where BEGIN, the insert, the enqueue and COMMIT took four (the API's receive path, every message).
    ///
    /// `source` returns the columns `key` (int8, handed back), `payload` (bytea) and `unique_key` (text or
    /// NULL); a row whose unique key a live job holds gets no job. The wake-up rides on the statement when
    /// the notifier is idle, as with ``enqueue(_:)``.
    ///
    /// ```swift
    /// let ids = try await queue.enqueue("mail", kind: "send", forRowsOf: """
    ///     INSERT INTO outbox (body) VALUES (\(body))
    ///     RETURNING id AS key, convert_to(format('{"id":%s}', id), 'UTF8') AS payload, NULL::text AS unique_key
    ///     """)
    /// ```
    /// - Returns: The keys of the rows `source` returned.
    public func enqueue(_ queue: String, kind: String, priority: Int16 = 0, maxAttempts: Int32 = 20,
                        forRowsOf source: PostgresQuery) async throws -> [Int64] {
        precondition(maxAttempts > 0, "maxAttempts must be positive")
        var query = source
        let first = source.binds.count + 1
        query.binds.append(queue)
        query.binds.append(kind)
        query.binds.append(priority)
        query.binds.append(maxAttempts)
        query.sql = """
            WITH source AS (\(source.sql)),
            ins AS (
                INSERT INTO job (state, queue, kind, payload, priority, run_at, max_attempts, unique_key)
                SELECT 0, $\(first)::text, $\(first + 1)::text, s.payload, $\(first + 2)::int2, now(),
                       $\(first + 3)::int4, s.unique_key
                FROM source s
                ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
                RETURNING 1
            ), woke AS (
                SELECT count(*) > 0 AS any,
                       CASE WHEN $\(first + 4)::bool AND count(*) > 0
                            THEN pg_notify('\(Notifier.channel)', $\(first)::text)::text END AS sent
                FROM ins
            )
            SELECT s.key, woke.any, woke.sent FROM source s CROSS JOIN woke
            """
        let notifier = self.notifier
        return try await client.withConnection { connection in
            // The slot is taken with a connection in hand, so it is not held while waiting for the pool.
            try await notifier.carrying { inline in
                var query = query
                query.binds.append(inline)
                var keys: [Int64] = []
                var enqueued = false
                for try await (key, any, _) in try await connection.query(query, logger: logger)
                    .decode((Int64, Bool, String?).self) {
                    keys.append(key)
                    enqueued = any
                }
                return (keys, enqueued ? [queue] : [])
            }
        }
    }
}
