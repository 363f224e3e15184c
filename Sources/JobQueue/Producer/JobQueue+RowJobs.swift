import PostgresNIO

extension JobQueue {
    /// Runs `source`, a data-modifying statement, and enqueues a ready job of `queue`/`kind` for each row it
    /// returns, all in one prepared statement (``RowJobSource``). They commit together without a
    /// transaction of their own: one round trip where BEGIN, the insert, the enqueue and COMMIT took four
    /// (the API's receive path, every message).
    ///
    /// A row whose unique key a live job holds gets no job. The wake-up rides on the statement when the
    /// notifier is idle, as with ``enqueue(_:)``.
    /// - Returns: The keys of the rows `source` returned.
    public func enqueue(_ queue: String, kind: String, priority: Int16 = 0, maxAttempts: Int32 = 20,
                        forRowsOf source: some RowJobSource) async throws -> [Int64] {
        precondition(maxAttempts > 0, "maxAttempts must be positive")
        let notifier = self.notifier
        return try await client.withConnection { connection in
            // The slot is taken with a connection in hand, so it is not held while waiting for the pool.
            try await notifier.carrying { inline in
                let statement = RowJobsStatement(
                    source: source, queue: queue, kind: kind, priority: priority, maxAttempts: maxAttempts, inline: inline)
                var keys: [Int64] = []
                var enqueued = false
                for try await (key, any, _) in try await connection.execute(statement, logger: logger) {
                    keys.append(key)
                    enqueued = any
                }
                return (keys, enqueued ? [queue] : [])
            }
        }
    }
}
