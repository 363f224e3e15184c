import Logging
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The workers' copy of teams, calendars, shifts and policies must never be behind a committed change.
struct DeskSettingsCacheTests {
    private static func settings(_ cache: DeskSettingsCache, _ client: PostgresClient, _ logger: Logger) async throws -> DeskSettings {
        try await client.withConnection { try await cache.settings(on: $0, logger: logger) }
    }

    @Test(arguments: [
        "UPDATE team SET name = name || ' (renamed)'",
        "INSERT INTO business_calendar (name, timezone) VALUES ('night', 'UTC')",
        "DELETE FROM business_calendar_hours WHERE weekday = 1",
        "INSERT INTO calendar_holiday (calendar_name, day) SELECT name, current_date + 3 FROM business_calendar LIMIT 1",
        "INSERT INTO staff_shift (staff_id, starts_at, ends_at, available) SELECT id, now(), now() + interval '1 hour', true FROM staff LIMIT 1",
        "INSERT INTO sla_policy (channel, priority, first_response_minutes, next_response_minutes, resolution_minutes, business_hours) VALUES ('email', 'low', 600, 600, 6000, true)",
        "TRUNCATE calendar_holiday",
    ])
    func aCommittedChangeIsSeenByTheNextJob(change: String) async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                _ = try await DemoSeed.load(client: client, passwordHash: "h", logger: db.logger)
                let cache = DeskSettingsCache()
                let before = try await Self.settings(cache, client, db.logger)
                try await client.query(PostgresQuery(unsafeSQL: change), logger: db.logger)
                let after = try await Self.settings(cache, client, db.logger)
                #expect(after.version.instance == before.version.instance)
                #expect(after.version.number > before.version.number)
                let fresh = try await client.withConnection { connection in
                    try await DeskSettings.load(
                        at: DeskSettings.version(on: connection, logger: db.logger), on: connection, logger: db.logger)
                }
                #expect(after.teams.map(\.name) == fresh.teams.map(\.name))
                #expect(after.calendars.keys.sorted() == fresh.calendars.keys.sorted())
                #expect(after.shifts.keys.count == fresh.shifts.keys.count)
            }
        }
    }

    @Test func rolledBackChangesAndOtherTablesLeaveTheVersion() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                _ = try await DemoSeed.load(client: client, passwordHash: "h", logger: db.logger)
                let cache = DeskSettingsCache()
                let before = try await Self.settings(cache, client, db.logger)
                try await client.withConnection { connection in
                    try await connection.query("BEGIN", logger: db.logger)
                    try await connection.query("UPDATE team SET name = name || ' (never)'", logger: db.logger)
                    try await connection.query("ROLLBACK", logger: db.logger)
                }
                try await client.query("UPDATE staff SET is_away = true", logger: db.logger)
                try await client.query(
                    "INSERT INTO requester (display_name, locale) VALUES ('not a setting', 'en')", logger: db.logger)
                let after = try await Self.settings(cache, client, db.logger)
                #expect(after.version == before.version)
                #expect(!after.teams.isEmpty && !after.teams.contains { $0.name.hasSuffix("(never)") })
            }
        }
    }

    @Test func anotherDatabaseIsNeverTakenForThisOne() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { first in
            try await TestDatabase.with(migrations: SchemaCatalog.migrations) { second in
                let cache = DeskSettingsCache()
                let a = try await first.settings.withClient(logger: first.logger) { client in
                    _ = try await DemoSeed.load(client: client, passwordHash: "h", logger: first.logger)
                    return try await Self.settings(cache, client, first.logger)
                }
                let b = try await second.settings.withClient(logger: second.logger) { client in
                    try await Self.settings(cache, client, second.logger)
                }
                #expect(a.version.instance != b.version.instance)
                #expect(!a.teams.isEmpty)
                #expect(b.teams.isEmpty)
            }
        }
    }
}
