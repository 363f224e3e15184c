import Foundation
import JobQueue
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// A past-due ticket through a real `support worker escalation` process: the breach is recorded, the
/// team lead's notification delivered, and no job is left due or dead.
struct EscalationProcessTests {
    @Test(.timeLimit(.minutes(10)))
    func theEscalationWorkerRaisesAPastDueBreach() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                _ = try await DemoSeed.load(client: client, passwordHash: "x", logger: db.logger)
                let sql = SQLProbe(client: client, logger: db.logger)
                // Social media runs on the wall clock; created 9 hours ago, so the 8-hour cap has passed.
                let ticket = TicketID(Int64(try await sql.int(
                    """
                    WITH r AS (SELECT id FROM requester WHERE contract_email = 'john@example.com'),
                    t AS (INSERT INTO ticket (requester_id, channel, subject, category, status, team_id, assignee_id, created_at)
                          VALUES ((SELECT id FROM r), 'social', 'Where is my payout?', 'payment', 'open',
                                  (SELECT id FROM team WHERE name = 'Support'), (SELECT id FROM staff WHERE email = 'boris@demo.local'),
                                  now() - interval '9 hours') RETURNING id)
                    INSERT INTO ticket_event (ticket_id, type, actor_kind, actor_id, at)
                    SELECT t.id, 'created', 'requester', (SELECT id FROM r), now() - interval '9 hours' FROM t
                    RETURNING ticket_id::int
                    """)))
                let queue = JobQueue(client: client, logger: db.logger)
                try await queue.transaction { connection, jobs in
                    try await SLAScheduler(connection: connection, jobs: jobs, logger: db.logger).reschedule(ticket, now: Date())
                }

                let worker = try LiveProcess(
                    BuiltProducts.support, ["worker", "escalation", "--http-port", "0"], environment: ["DATABASE_URL": db.settings.url])
                defer { worker.signal(SIGKILL) }
                _ = try await worker.waitForLine { $0.contains("worker serving /health") }

                let deadline = ContinuousClock.now + .seconds(60)
                var sent = 0
                while ContinuousClock.now < deadline {
                    sent = try await sql.int(
                        """
                        SELECT count(*)::int FROM notification n JOIN staff s ON s.id = n.recipient_staff_id
                        WHERE n.template = 'sla_breach' AND s.email = 'anna@demo.local' AND n.status = 'sent'
                        """)
                    if sent == 1, try await sql.int("SELECT count(*)::int FROM job WHERE queue IN ('sla', 'notify') AND run_at <= now()") == 0 { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(sent == 1, "\(worker.output.suffix(10))")
                #expect(try await sql.int("SELECT count(*)::int FROM ticket_event WHERE type = 'sla_breached' AND data->>'clock' = 'first_response'") == 1)
                #expect(try await sql.int("SELECT count(*)::int FROM job WHERE queue IN ('sla', 'notify') AND run_at <= now()") == 0, "every due job completed")
                #expect(try await sql.int("SELECT count(*)::int FROM job_dead") == 0)
                // The resolution clock (72 wall hours) is still scheduled.
                #expect(try await sql.int("SELECT count(*)::int FROM job WHERE queue = 'sla' AND run_at > now()") >= 1)
            }
        }
    }
}
