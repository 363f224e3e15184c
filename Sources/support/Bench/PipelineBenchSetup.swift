import ArgumentParser
import Foundation
import Logging
import PostgresMigrations
import PostgresNIO
import SupportStore

/// A fresh benchmark database with the demo desk, everyone on shift and unlimited capacity, and
/// `history` past requesters with closed tickets (``PipelineBenchHistory``), rolled up and analysed.
struct PipelineBenchSetup: Sendable {
    let server: DatabaseSettings
    let bench: DatabaseSettings
    let logger: Logger
    /// Past requesters with a closed ticket each; the benchmarks of the ticket path load 20,000.
    var history = 0
    /// Stored as every demo staff member's password hash: the default signs nobody in.
    var passwordHash = "bench"

    func prepare() async throws {
        let name = bench.database
        try await server.withClient(logger: logger) { client in
            try await server.checkReachable(client: client, logger: logger)
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        try await bench.withClient(logger: logger) { client in
            try await Migrator(migrations: SchemaCatalog.migrations).migrate(client: client, logger: logger)
            _ = try await DemoSeed.load(client: client, passwordHash: passwordHash, logger: logger)
            try await client.query("UPDATE staff SET capacity = 1000000", logger: logger)
            try await client.query(
                """
                INSERT INTO staff_shift (staff_id, starts_at, ends_at, available)
                SELECT id, now() - interval '1 hour', now() + interval '6 hours', true FROM staff
                """, logger: logger)
            if history > 0 {
                for statement in PipelineBenchHistory.fill(requesters: history) {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                _ = try await ReportRollup(client: client, logger: logger).refreshAll()
            }
            // A desk in service is vacuumed as it goes. One filled seconds ago would get autovacuum's first
            // pass over every loaded table within its first minute, in the middle of the run.
            try await client.query("VACUUM ANALYZE", logger: logger)
        }
    }

    /// Waits until `count` worker processes have registered with the queue.
    static func waitForWorkers(_ count: Int, client: PostgresClient, logger: Logger) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let rows = try await client.query("SELECT count(DISTINCT pid)::int FROM job_worker", logger: logger).collect()
            if try rows.first?.decode(Int.self) ?? 0 >= count { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("the \(count) worker processes did not register within 60 s; see their log above")
    }
}
