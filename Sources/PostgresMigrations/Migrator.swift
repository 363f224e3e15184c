import Logging
import PostgresNIO

/// Applies ``Migration``s in one transaction under `pg_advisory_xact_lock`, so that several processes
/// starting at once cannot race: the second waits for the first and then finds nothing to do.
///
/// ```swift
/// let migrator = Migrator(migrations: JobQueueSchema.migrations + SupportMigrations.all)
/// try await migrator.migrate(client: client, logger: logger)
/// let status = try await migrator.status(client: client, logger: logger)
/// ```
public struct Migrator: Sendable {
    /// Arbitrary but fixed: every binary of this family takes the same lock.
    public static let advisoryLockKey: Int64 = 0x5355_5050_4f52_5401
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        precondition(Set(migrations.map(\.id)).count == migrations.count, "duplicate migration id")
        self.migrations = migrations
    }

    /// Applies every pending migration; returns the ids applied (empty when already current).
    @discardableResult
    public func migrate(client: PostgresClient, logger: Logger) async throws -> [String] {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await self.migrate(connection: connection, logger: logger)
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }

    /// Applies pending migrations on a connection that is already inside a transaction.
    public func migrate(connection: PostgresConnection, logger: Logger) async throws -> [String] {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.advisoryLockKey))", logger: logger)
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migration (
                id text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            logger: logger
        )
        let applied = try await appliedIDs(connection: connection, logger: logger)
        var done: [String] = []
        for migration in migrations where !applied.contains(migration.id) {
            logger.info("applying migration", metadata: ["migration": "\(migration.id)"])
            do {
                for statement in SQLStatementSplitter.split(migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            } catch {
                throw MigrationError(migrationID: migration.id, underlying: error)
            }
            try await connection.query("INSERT INTO schema_migration (id) VALUES (\(migration.id))", logger: logger)
            done.append(migration.id)
        }
        return done
    }

    /// Compares the database with the known list without changing anything.
    public func status(client: PostgresClient, logger: Logger) async throws -> SchemaStatus {
        try await client.withConnection { connection in
            try await status(connection: connection, logger: logger)
        }
    }

    /// Compares the database with the known list on a connection the caller holds.
    public func status(connection: PostgresConnection, logger: Logger) async throws -> SchemaStatus {
            let exists = try await connection.query(
                "SELECT to_regclass('schema_migration') IS NOT NULL", logger: logger
            ).collect().first?.decode(Bool.self) ?? false
            let applied = exists ? try await appliedIDs(connection: connection, logger: logger) : []
            let known = Set(migrations.map(\.id))
            return SchemaStatus(
                pending: migrations.map(\.id).filter { !applied.contains($0) },
                unknown: applied.filter { !known.contains($0) }.sorted()
            )
    }

    private func appliedIDs(connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        var ids = Set<String>()
        for try await id in try await connection.query("SELECT id FROM schema_migration", logger: logger).decode(String.self) {
            ids.insert(id)
        }
        return ids
    }
}

/// A migration's SQL failed; the whole batch was rolled back.
public struct MigrationError: Error, CustomStringConvertible {
    public let migrationID: String
    public let underlying: any Error

    public var description: String {
        let detail = (underlying as? PSQLError)?.serverInfo?[.message] ?? "\(underlying)"
        return "migration \(migrationID) failed: \(detail)"
    }
}
