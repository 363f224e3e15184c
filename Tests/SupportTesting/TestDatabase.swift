import Foundation
import Logging
import PostgresMigrations
import PostgresNIO
import SupportStore

/// A fresh database on the test cluster, created for one test and dropped by it.
///
/// The cluster comes from `DATABASE_URL` (set by `Deploy/local/test.sh`) or the local default.
/// Tests that touch the database always run against one: there is no in-memory stand-in.
///
/// ```swift
/// try await TestDatabase.with(migrations: JobQueueSchema.migrations) { db in
///     try await db.settings.withClient(logger: db.logger) { client in … }
/// }
/// ```
public struct TestDatabase: Sendable {
    public let settings: DatabaseSettings
    public let logger: Logger

    /// The cluster's own settings (the database tests create others next to).
    public static func clusterSettings() throws -> DatabaseSettings {
        try DatabaseSettings.resolve(flagURL: nil, environment: ProcessInfo.processInfo.environment)
    }

    public static func with<T: Sendable>(
        label: String = #function,
        migrations: [Migration],
        _ body: @Sendable (TestDatabase) async throws -> T
    ) async throws -> T {
        let db = try await create(label: label, migrations: migrations)
        do {
            let result = try await body(db)
            try await db.drop()
            return result
        } catch {
            try? await db.drop()
            throw error
        }
    }

    public static func create(label: String = #function, migrations: [Migration]) async throws -> TestDatabase {
        let logger = testLogger()
        let cluster = try clusterSettings()
        let slug = label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(30)
        let name = "t_\(String(slug))_\(UInt32.random(in: 0...UInt32.max))"
        try await cluster.withClient(logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
        }
        let db = TestDatabase(settings: cluster.with(database: name), logger: logger)
        if !migrations.isEmpty {
            try await db.settings.withClient(logger: logger) { client in
                try await Migrator(migrations: migrations).migrate(client: client, logger: logger)
            }
        }
        return db
    }

    static func testLogger() -> Logger {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }

    /// Drops the database, disconnecting anyone still on it.
    public func drop() async throws {
        let cluster = try Self.clusterSettings()
        let logger = self.logger
        let name = settings.database
        try await cluster.withClient(logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"), logger: logger)
        }
    }
}
