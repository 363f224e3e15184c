import Foundation
import SupportSchema
import SupportStore
import SupportTesting
import JobQueue
import Testing

/// intake → routing through real `support worker` processes on real PostgreSQL.
struct PipelineProcessTests {
    @Test(.timeLimit(.minutes(10)))
    func reportsFlowThroughIntakeAndRoutingWorkers() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                _ = try await DemoSeed.load(client: client, passwordHash: "x", logger: db.logger)
                let sql = SQLProbe(client: client, logger: db.logger)
                // Everyone is on shift for the next hour, whatever the wall clock says.
                try await sql.exec("""
                    INSERT INTO staff_shift (staff_id, starts_at, ends_at, available)
                    SELECT id, now() - interval '1 hour', now() + interval '1 hour', true FROM staff
                    """)
                // A bad routing variable is named in the log, and the worker runs with its defaults.
                let workers = try [("intake", [:]), ("routing", ["SUPPORT_ROUTING_TRANSACTIONS": "many"])].map { kind, extra in
                    try LiveProcess(
                        BuiltProducts.support, ["worker", kind, "--http-port", "0"],
                        environment: extra.merging(["DATABASE_URL": db.settings.url]) { $1 })
                }
                defer { workers.forEach { $0.signal(SIGKILL) } }
                for worker in workers {
                    let line = try await worker.waitForLine { $0.contains("worker serving /health") }
                    let port = try #require(line.split(separator: "port=").last.flatMap { Int($0.prefix { $0.isNumber }) })
                    // Ready once its LISTEN connection is up.
                    let health = try await HTTPProbe.get("http://127.0.0.1:\(port)/health", until: { $0.status == 200 })
                    #expect(health.body.contains(#""listen":"connected""#), "\(health.body)")
                }

                let queue = JobQueue(client: client, logger: db.logger)
                for (email, body) in [
                    ("ivan@example.com", "Бот не отвечает на команды, гарант завис"),
                    ("sveta@example.com", "бот не отвечает уже час, гарант не работает"),
                    ("john@example.com", "How do I open a deal with the guarantor?"),
                ] {
                    let raw = Array(try JSONSerialization.data(withJSONObject: ["email": email, "body": body]))
                    _ = try await InboundStore(queue: queue).receive(
                        NewInboundItem(channel: .web, dedupeKey: nil, raw: raw, contentType: "application/json"))
                }

                let deadline = ContinuousClock.now + .seconds(60)
                var routed = 0
                while ContinuousClock.now < deadline {
                    routed = try await sql.int("SELECT count(*)::int FROM ticket WHERE NOT is_incident AND category IS NOT NULL")
                    if routed == 3, try await sql.int("SELECT count(*)::int FROM ticket WHERE is_incident") == 1 { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(routed == 3, "\(workers.flatMap { $0.output.suffix(10) })")
                #expect(workers[1].output.contains {
                    $0.contains("SUPPORT_ROUTING_TRANSACTIONS: a whole number from 1 to 256 (got many); routing runs with its default settings")
                })
                #expect(try await sql.int("SELECT count(*)::int FROM ticket WHERE is_incident AND line = 'l2' AND assignee_id IS NOT NULL") == 1)
                #expect(try await sql.int("SELECT count(*)::int FROM ticket WHERE parent_incident_id IS NOT NULL") == 2)
                #expect(try await sql.string("""
                    SELECT s.email FROM ticket t JOIN staff s ON s.id = t.assignee_id
                    JOIN requester_identity i ON i.requester_id = t.requester_id WHERE i.external_id = 'john@example.com'
                    """).map { ["anna@demo.local", "boris@demo.local", "alina@demo.local"].contains($0) } == true)
                #expect(try await sql.int("SELECT count(*)::int FROM job WHERE queue IN ('intake', 'routing')") == 0, "every job completed")
                #expect(try await sql.int("SELECT count(*)::int FROM job_dead WHERE queue IN ('intake', 'routing')") == 0)
            }
        }
    }
}
