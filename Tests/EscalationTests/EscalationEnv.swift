import Escalation
import Foundation
import JobQueue
import Logging
import PostgresNIO
import Routing
import Synchronization
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// A clock the test moves: the escalation and routing handlers read it as "now".
final class SimClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: Date) { instant = Mutex(start) }
    var now: Date { instant.withLock { $0 } }
    func set(_ date: Date) { instant.withLock { $0 = date } }
}

/// A fresh migrated database with the demo staff and teams, the real queue, the SLA and routing
/// handlers on a simulated clock. Tickets are written with the instants the test chooses, so the
/// clocks run over any day (scheduled times in the past), whatever the real time of the run.
struct EscalationEnv: Sendable {
    let db: TestDatabase
    let client: PostgresClient
    let queue: JobQueue
    let clock: SimClock
    let sla: SLAHandler
    let routing: RoutingHandler
    var logger: Logger { db.logger }
    var sql: SQLProbe { SQLProbe(client: client, logger: logger) }

    /// Monday 16 November 2026, 12:00 in Yekaterinburg (07:00 UTC): the desk is open.
    static let mondayNoon = Date(timeIntervalSince1970: 1_794_812_400)

    static func with(label: String = #function, _ body: @Sendable (EscalationEnv) async throws -> Void) async throws {
        try await TestDatabase.with(label: label, migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                _ = try await DemoSeed.load(client: client, passwordHash: "x", logger: db.logger)
                let queue = JobQueue(client: client, logger: db.logger)
                let clock = SimClock(mondayNoon)
                try await body(EscalationEnv(
                    db: db, client: client, queue: queue, clock: clock,
                    sla: SLAHandler(queue: queue, configuration: EscalationConfiguration(now: { clock.now })),
                    routing: RoutingHandler(queue: queue, configuration: RoutingConfiguration(now: { clock.now }))))
            }
        }
    }

    static func iso(_ date: Date) -> String { "'\(date.formatted(.iso8601))'::timestamptz" }

    func staff(_ email: String) async throws -> StaffID {
        StaffID(Int64(try await sql.int("SELECT id::int FROM staff WHERE email = '\(email)'")))
    }

    /// An open, classified ticket created at `at` by John, on `team` with `assignee`; its clocks scheduled.
    func openTicket(
        _ channel: SupportChannel = .email, at: Date, category: SupportSchema.Category = .question, priority: Priority = .normal,
        line: Line = .l1, team: String = "Support", assignee: String? = "boris@demo.local", named: String? = nil
    ) async throws -> TicketID {
        let staffSQL = assignee.map { "(SELECT id FROM staff WHERE email = '\($0)')" } ?? "NULL"
        let namedSQL = named.map { "(SELECT id FROM staff WHERE email = '\($0)')" } ?? "NULL"
        let id = try await sql.int(
            """
            WITH r AS (SELECT id FROM requester WHERE contract_email = 'john@example.com'),
            t AS (INSERT INTO ticket (requester_id, channel, subject, category, priority, status, line, team_id,
                                      assignee_id, named_staff_id, created_at)
                  VALUES ((SELECT id FROM r), '\(channel.rawValue)', 'Simulated request', '\(category.rawValue)',
                          '\(priority.rawValue)', 'open', '\(line.rawValue)', (SELECT id FROM team WHERE name = '\(team)'),
                          \(staffSQL), \(namedSQL), \(Self.iso(at))) RETURNING id),
            e AS (INSERT INTO ticket_event (ticket_id, type, actor_kind, actor_id, at, data)
                  SELECT t.id, 'created', 'requester', (SELECT id FROM r), \(Self.iso(at)), '{}' FROM t)
            INSERT INTO ticket_event (ticket_id, type, actor_kind, at, data)
            SELECT t.id, 'classified', 'system', \(Self.iso(at)), jsonb_build_object('priority', '\(priority.rawValue)') FROM t
            RETURNING ticket_id::int
            """)
        let ticket = TicketID(Int64(id))
        try await reschedule(ticket, at: at)
        return ticket
    }

    func reschedule(_ ticket: TicketID, at: Date) async throws {
        let logger = self.logger
        try await queue.transaction { connection, jobs in
            try await SLAScheduler(connection: connection, jobs: jobs, logger: logger).reschedule(ticket, now: at)
        }
    }

    /// A staff reply at `at`, as the reply endpoint records it, and the clocks rescheduled.
    func reply(_ ticket: TicketID, by email: String = "boris@demo.local", at: Date) async throws {
        try await sql.exec(
            """
            INSERT INTO ticket_event (ticket_id, type, actor_kind, actor_id, at)
            VALUES (\(ticket), 'reply_sent', 'staff', (SELECT id FROM staff WHERE email = '\(email)'), \(Self.iso(at)))
            """)
        try await sql.exec("UPDATE ticket SET first_response_at = coalesce(first_response_at, \(Self.iso(at))) WHERE id = \(ticket)")
        try await reschedule(ticket, at: at)
    }

    /// Takes the `sla` jobs due by `until` out of the queue, earliest first (the test plays the worker).
    func takeDueSLAJobs(until: Date) async throws -> [SLAJob] {
        let rows = try await client.query(
            "DELETE FROM job WHERE queue = 'sla' AND run_at <= \(until) RETURNING payload", logger: logger
        ).collect()
        return try rows.map { row in
            let buffer = try row.decode(ByteBuffer.self)
            return try JobPayloadCoding.decode(SLAJob.self, from: Array(buffer.readableBytesView))
        }.sorted { $0.dueAt < $1.dueAt }
    }

    /// The earliest `sla` job still queued.
    func nextSLAJobTime() async throws -> Date? {
        try await client.query("SELECT min(run_at) FROM job WHERE queue = 'sla'", logger: logger).collect().first?.decode(Date?.self)
    }

    /// Runs every routing job queued (escalation asks routing to reassign), on the simulated clock.
    func runRoutingJobs() async throws {
        let rows = try await client.query("DELETE FROM job WHERE queue = 'routing' RETURNING payload", logger: logger).collect()
        for row in rows {
            let buffer = try row.decode(ByteBuffer.self)
            let job = try JobPayloadCoding.decode(RoutingJob.self, from: Array(buffer.readableBytesView))
            try await routing.process(ticketID: job.ticketID, reason: job.reason, logger: logger)
        }
    }

    func events(_ ticket: TicketID, _ type: String) async throws -> Int {
        try await sql.int("SELECT count(*)::int FROM ticket_event WHERE ticket_id = \(ticket) AND type = '\(type)'")
    }

    func notified(_ ticket: TicketID, _ template: String, _ email: String) async throws -> Int {
        try await sql.int(
            """
            SELECT count(*)::int FROM notification n JOIN staff s ON s.id = n.recipient_staff_id
            WHERE n.ticket_id = \(ticket) AND n.template = '\(template)' AND s.email = '\(email)'
            """)
    }
}
