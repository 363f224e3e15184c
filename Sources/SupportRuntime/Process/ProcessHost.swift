import Logging
import PostgresMigrations
import PostgresNIO
import ServiceLifecycle
import SupportStore

/// Runs a long-lived process: probe the database and verify the schema, then run a ServiceGroup with
/// the PostgresClient first and the given services after it (the HTTP server last), stopping
/// gracefully on SIGTERM or SIGINT.
///
/// ```swift
/// try await ProcessHost(settings: settings, logger: logger).run { client in
///     [worker, httpServer]
/// }
/// ```
public struct ProcessHost: Sendable {
    public let settings: DatabaseSettings
    public let logger: Logger
    public let migrator: Migrator

    public init(settings: DatabaseSettings, logger: Logger, migrator: Migrator = SchemaCatalog.migrator) {
        self.settings = settings
        self.logger = logger
        self.migrator = migrator
    }

    public func run(services build: (PostgresClient) async throws -> [any Service]) async throws {
        try await DatabaseProbe.check(settings, migrator: migrator, logger: logger)
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        let services = try await build(client)
        let group = ServiceGroup(
            configuration: .init(
                services: ([client] + services).map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
