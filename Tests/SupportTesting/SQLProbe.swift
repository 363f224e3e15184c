import Logging
import PostgresNIO

/// One-line SQL reads and writes for assertions: `try await sql.int("SELECT count(*)::int FROM ticket")`.
public struct SQLProbe: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The first column of the first row; 0 when there is none or it is NULL.
    public func int(_ sql: String) async throws -> Int {
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        return try rows.first?.decode(Int?.self) ?? 0
    }

    public func string(_ sql: String) async throws -> String? {
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        return try rows.first?.decode(String?.self) ?? nil
    }

    public func strings(_ sql: String) async throws -> [String] {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect().map { try $0.decode(String.self) }
    }

    public func exec(_ sql: String) async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
