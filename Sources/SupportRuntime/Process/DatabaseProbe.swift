import Logging
import NIOCore
import PostgresMigrations
import PostgresNIO
import SupportStore

/// Opens one plain connection before a process starts its pool, so a wrong address, password or
/// database name, or a schema that is not current, ends the process at once with one line instead
/// of a pool retrying in the background.
public enum DatabaseProbe {
    /// - Parameters:
    ///   - migrator: when given, also refuse a schema that is not the one this binary was built for.
    public static func check(
        _ settings: DatabaseSettings, migrator: Migrator?, logger: Logger, timeout: Duration = .seconds(5)
    ) async throws {
        let status: SchemaStatus?
        do {
            status = try await withThrowingTaskGroup(of: SchemaStatus?.self) { group in
                group.addTask {
                    let connection = try await PostgresConnection.connect(
                        configuration: settings.connectionConfiguration, id: 0, logger: logger
                    )
                    do {
                        let status = try await migrator?.status(connection: connection, logger: logger)
                        try? await connection.close()
                        return status
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw ProbeTimeout()
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch is ProbeTimeout {
            throw ConfigurationError(setting: "DATABASE_URL", problem: "cannot reach \(settings.redactedURL): no answer within \(timeout)")
        } catch {
            throw ConfigurationError(setting: "DATABASE_URL", problem: "cannot reach \(settings.redactedURL): \(DatabaseSettings.describe(error))")
        }
        if let status, !status.isCurrent {
            throw SchemaNotCurrentError(status: status, database: settings.redactedURL)
        }
    }

    private struct ProbeTimeout: Error {}
}
