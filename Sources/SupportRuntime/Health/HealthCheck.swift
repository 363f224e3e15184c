import Logging
import PostgresMigrations
import PostgresNIO
import SupportStore

/// Answers `/health` for any process: is the database reachable, is the schema current, and
/// (for workers) is the LISTEN connection up.
public struct HealthCheck: Sendable {
    public let process: String
    public let client: PostgresClient
    public let migrator: Migrator
    /// Reports whether the process's LISTEN connection is up; nil for processes that don't listen.
    public let listenState: (@Sendable () -> Bool)?

    public init(process: String, client: PostgresClient, migrator: Migrator, listenState: (@Sendable () -> Bool)? = nil) {
        self.process = process
        self.client = client
        self.migrator = migrator
        self.listenState = listenState
    }

    public func report(logger: Logger) async -> HealthReport {
        let listen = listenState.map { $0() ? "connected" : "disconnected" }
        do {
            let status = try await migrator.status(client: client, logger: logger)
            return HealthReport(
                process: process, database: "reachable", schema: status.summary, listen: listen,
                ready: status.isCurrent && listen != "disconnected"
            )
        } catch {
            return HealthReport(
                process: process, database: "unreachable: \(DatabaseSettings.describe(error))",
                schema: "unknown", listen: listen, ready: false
            )
        }
    }
}
