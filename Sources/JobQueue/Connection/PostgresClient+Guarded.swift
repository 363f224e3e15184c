import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `body` between `BEGIN` and `COMMIT` on a pooled connection; the closure's own error comes back
    /// unwrapped (not as `PostgresTransactionError`).
    ///
    /// Use it instead of `withTransaction`, which after a failure sends `ROLLBACK` even on a connection that
    /// has closed: postgres-nio 1.33 drops that write and the call never returns (``AbandonableCall``). Here no
    /// `ROLLBACK` goes to a closed connection (the server rolled back already), and a statement still
    /// unanswered 2 s after its connection closed is abandoned.
    public func transaction<T: Sendable>(
        logger: Logger, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await AbandonableCall.run(limit: nil, watching: connection) {
                try await connection.query("BEGIN", logger: logger)
                do {
                    let value = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return value
                } catch {
                    if !connection.isClosed { try? await connection.query("ROLLBACK", logger: logger) }
                    throw error
                }
            }
        }
    }
}

extension PostgresClient {
    /// `withConnection`, abandoned 2 s after its connection closed under it or after `limit` (lease wait
    /// included). A plain pooled call waits for the job's `handlerTimeout` (120 s) when the pool hands out a
    /// connection in the instant after it closed; the chaos test caught notifications held that long
    /// after a PostgreSQL restart.
    public func guardedConnection<T: Sendable>(
        limit: Duration = .seconds(30), _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await AbandonableCall.run(limit: limit) {
            try await self.withConnection { connection in
                try await AbandonableCall.run(limit: nil, watching: connection) { try await body(connection) }
            }
        }
    }
}

extension PostgresClient {
    /// Runs one statement on a pooled connection and collects its rows. Unlike `query`, it is abandoned
    /// 2 s after its connection closed under it, or after `limit` (lease wait included), so a statement
    /// postgres-nio drops cannot stall its caller (``AbandonableCall``).
    @discardableResult
    public func guardedQuery(_ query: PostgresQuery, logger: Logger, limit: Duration = .seconds(30)) async throws -> [PostgresRow] {
        try await guardedConnection(limit: limit) { try await $0.query(query, logger: logger).collect() }
    }
}
