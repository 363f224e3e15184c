import JobQueue
import Logging
import PostgresNIO

/// Transactions for handlers: the closure's own error comes back unwrapped, so an `APIError`
/// thrown inside still becomes its 4xx.
struct Database: Sendable {
    let client: PostgresClient
    let logger: Logger

    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await client.transaction(logger: logger, body)
    }

    func connection<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { try await body($0) }
    }
}
