import Foundation
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Which ticket changes log a dirty week (migration `support-0022`): those of ended weeks and of a week
/// ending within a day; not those of the running week, which is never rolled up.
struct ReportRollupDirtyTests {
    @Test func onlyWeeksThatMayBeRolledUpSoonAreLogged() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                func int(_ sql: String) async throws -> Int {
                    try await client.query(PostgresQuery(unsafeSQL: sql), logger: db.logger).collect()[0].decode(Int.self)
                }
                let requester = try await int("INSERT INTO requester (display_name, locale) VALUES ('Ann', 'en') RETURNING id::int")
                // Sunday's changes are logged: the week ends within a day.
                let lastDay = try await int("SELECT (support_report_week(now() + interval '1 day') > support_report_week(now()))::int") == 1
                let fresh = try await int(
                    "INSERT INTO ticket (requester_id, channel, subject) VALUES (\(requester), 'web', 'now') RETURNING id::int")
                try await client.query(PostgresQuery(unsafeSQL: "UPDATE ticket SET category = 'question' WHERE id = \(fresh)"), logger: db.logger)
                #expect(try await int("SELECT count(*)::int FROM report_rollup_dirty") == (lastDay ? 2 : 0))

                try await client.query("DELETE FROM report_rollup_dirty", logger: db.logger)
                let old = try await int(
                    """
                    INSERT INTO ticket (requester_id, channel, subject, created_at)
                    VALUES (\(requester), 'web', 'old', now() - interval '15 days') RETURNING id::int
                    """)
                try await client.query(PostgresQuery(unsafeSQL: "UPDATE ticket SET category = 'payment' WHERE id = \(old)"), logger: db.logger)
                try await client.query(PostgresQuery(unsafeSQL: "DELETE FROM ticket WHERE id = \(old)"), logger: db.logger)
                #expect(try await int(
                    "SELECT count(*)::int FROM report_rollup_dirty WHERE week = support_report_week(now() - interval '15 days')") == 3)
                // Moved from the running week into an ended one: the ended week is logged.
                try await client.query(
                    PostgresQuery(unsafeSQL: "UPDATE ticket SET created_at = now() - interval '15 days' WHERE id = \(fresh)"), logger: db.logger)
                #expect(try await int(
                    "SELECT count(*)::int FROM report_rollup_dirty WHERE week = support_report_week(now() - interval '15 days')") == 4)
            }
        }
    }
}
