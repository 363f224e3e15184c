import Logging
import PostgresMigrations
import PostgresNIO
import SupportStore
import SupportTesting
import Testing

struct MigratorTests {
    let sample = [
        Migration(id: "t-0001", sql: "CREATE TABLE thing (id bigint PRIMARY KEY); CREATE INDEX thing_id ON thing (id)"),
        Migration(id: "t-0002", sql: "ALTER TABLE thing ADD COLUMN name text NOT NULL DEFAULT ''"),
    ]

    @Test func appliesInOrderThenFindsNothingToDo() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let migrator = Migrator(migrations: sample)
                #expect(try await migrator.status(client: client, logger: db.logger).pending == ["t-0001", "t-0002"])
                #expect(try await migrator.migrate(client: client, logger: db.logger) == ["t-0001", "t-0002"])
                #expect(try await migrator.migrate(client: client, logger: db.logger) == [])
                #expect(try await migrator.status(client: client, logger: db.logger).isCurrent)
                try await client.query("INSERT INTO thing (id, name) VALUES (1, 'x')", logger: db.logger)
            }
        }
    }

    @Test func concurrentMigratorsDoNotRace() async throws {
        try await TestDatabase.with(migrations: []) { db in
            // Four separate clients (as four processes would be) migrate at once.
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await db.settings.withClient(logger: db.logger) { client in
                            try await Migrator(migrations: sample).migrate(client: client, logger: db.logger)
                        }
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            #expect(applied.filter { !$0.isEmpty } == [["t-0001", "t-0002"]])
        }
    }

    @Test func aFailingMigrationRollsBackTheWholeBatch() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let broken = sample + [Migration(id: "t-0003", sql: "ALTER TABLE nope ADD COLUMN x int")]
                await #expect(throws: MigrationError.self) {
                    try await Migrator(migrations: broken).migrate(client: client, logger: db.logger)
                }
                let status = try await Migrator(migrations: sample).status(client: client, logger: db.logger)
                #expect(status.pending == ["t-0001", "t-0002"])
                let error = await #expect(throws: MigrationError.self) {
                    try await Migrator(migrations: broken).migrate(client: client, logger: db.logger)
                }
                #expect(error?.description.contains("t-0003") == true)
                #expect(error?.description.contains("\"nope\" does not exist") == true)
            }
        }
    }

    @Test func reportsMigrationsTheBinaryDoesNotKnow() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await Migrator(migrations: sample).migrate(client: client, logger: db.logger)
                let older = Migrator(migrations: Array(sample.prefix(1)))
                let status = try await older.status(client: client, logger: db.logger)
                #expect(status.unknown == ["t-0002"])
                #expect(!status.isCurrent)
                #expect(status.summary.contains("newer binary"))
            }
        }
    }

    @Test func thePlatformCatalogueAppliesToAnEmptyDatabase() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                #expect(try await SchemaCatalog.migrator.status(client: client, logger: db.logger).isCurrent)
                for table in ["job", "requester", "ticket", "message", "audit_log", "inbound_item", "deal", "dispute", "kb_article", "staff", "team"] {
                    let exists = try await client.query("SELECT to_regclass(\(table)) IS NOT NULL", logger: db.logger)
                        .collect().first?.decode(Bool.self)
                    #expect(exists == true, "table \(table) missing")
                }
            }
        }
    }
}
