import Logging
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// `staff_load` (migration `support-0021`) must equal a count of each person's active tickets after any
/// mix of changes, in one transaction or many, committed or rolled back.
struct StaffLoadTests {
    static let count = """
        SELECT s.id, count(t.id)::int FROM staff s
        LEFT JOIN ticket t ON t.assignee_id = s.id AND t.status NOT IN ('resolved', 'closed')
        GROUP BY s.id ORDER BY s.id
        """
    static let kept = "SELECT s.id, coalesce(l.active_tickets, 0) FROM staff s LEFT JOIN staff_load l ON l.staff_id = s.id ORDER BY s.id"

    @Test func theKeptLoadMatchesACountAfterMixedChanges() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                _ = try await DemoSeed.load(client: client, passwordHash: "x", logger: db.logger)
                let staff = try await client.query("SELECT id FROM staff ORDER BY id", logger: db.logger).collect()
                    .map { try $0.decode(Int64.self) }
                let requester = try await client.query("SELECT min(id) FROM requester", logger: db.logger).collect()[0].decode(Int64.self)
                let statuses = ["new", "open", "pending_requester", "escalated", "resolved", "closed"]
                for round in 0..<60 {
                    let rollback = round % 7 == 3
                    // Every kind, assignee (or none) and status meet in some round; the same rounds on every run.
                    let changes = (0..<(1 + round % 4)).map { step in
                        let pick = round * 4 + step
                        return ((round * 3 + step) % 5, pick % (staff.count + 1) < staff.count ? staff[pick % (staff.count + 1)] : nil,
                                statuses[(round + step * 5) % statuses.count], pick)
                    }
                    try await client.withConnection { connection in
                        try await connection.query("BEGIN", logger: db.logger)
                        for (kind, assignee, status, salt) in changes {
                            try await Self.change(
                                kind, assignee: assignee, status: status, salt: salt, requester: requester, on: connection, logger: db.logger)
                        }
                        try await connection.query(rollback ? "ROLLBACK" : "COMMIT", logger: db.logger)
                    }
                    let counted = try await client.query(PostgresQuery(unsafeSQL: Self.count), logger: db.logger).collect()
                        .map { try $0.decode((Int64, Int).self) }
                    let kept = try await client.query(PostgresQuery(unsafeSQL: Self.kept), logger: db.logger).collect()
                        .map { try $0.decode((Int64, Int).self) }
                    #expect(kept.map(\.1) == counted.map(\.1), "round \(round)")
                }
                #expect(try await client.query("SELECT sum(active_tickets)::int FROM staff_load", logger: db.logger).collect()[0]
                    .decode(Int.self) > 0, "the changes left someone with work")
                try await client.query("TRUNCATE ticket CASCADE", logger: db.logger)
                #expect(try await client.query("SELECT count(*)::int FROM staff_load WHERE active_tickets <> 0", logger: db.logger)
                    .collect()[0].decode(Int.self) == 0)
                // Someone who joins later starts at zero and gets counted.
                let newcomer = try await client.query(
                    "INSERT INTO staff (name, email, roles) VALUES ('New', 'new@demo.local', '{agent}') RETURNING id",
                    logger: db.logger
                ).collect()[0].decode(Int64.self)
                try await client.query(
                    "INSERT INTO ticket (requester_id, channel, subject, assignee_id) VALUES (\(requester), 'web', 'first', \(newcomer))",
                    logger: db.logger)
                #expect(try await client.query("SELECT active_tickets FROM staff_load WHERE staff_id = \(newcomer)", logger: db.logger)
                    .collect()[0].decode(Int32.self) == 1)
            }
        }
    }

    /// One change: 0 a new ticket, 1 reassign, 2 status, 3 both at once, 4 delete.
    private static func change(
        _ kind: Int, assignee: Int64?, status: String, salt: Int, requester: Int64, on connection: PostgresConnection, logger: Logger
    ) async throws {
        let closedAt = status == "closed" ? "now()" : "NULL"
        let resolvedAt = status == "resolved" ? "now()" : "NULL"
        let order = "ORDER BY md5(id::text || '\(salt)')"
        let pick = "(SELECT id FROM ticket WHERE NOT is_incident \(order) LIMIT 1)"
        let sql = switch kind {
        case 0:
            """
            INSERT INTO ticket (requester_id, channel, subject, assignee_id, status, closed_at, resolved_at)
            VALUES (\(requester), 'web', 'load', \(assignee.map(String.init) ?? "NULL"), '\(status)', \(closedAt), \(resolvedAt))
            """
        case 1: "UPDATE ticket SET assignee_id = \(assignee.map(String.init) ?? "NULL") WHERE id = \(pick)"
        case 2: "UPDATE ticket SET status = '\(status)', closed_at = \(closedAt), resolved_at = \(resolvedAt) WHERE id = \(pick)"
        case 3:
            """
            UPDATE ticket SET assignee_id = \(assignee.map(String.init) ?? "NULL"), status = '\(status)',
                closed_at = \(closedAt), resolved_at = \(resolvedAt)
            WHERE id IN (SELECT id FROM ticket WHERE NOT is_incident \(order) LIMIT 3)
            """
        default:
            """
            DELETE FROM ticket WHERE id = (SELECT id FROM ticket t WHERE NOT is_incident
                AND NOT EXISTS (SELECT 1 FROM ticket c WHERE c.parent_incident_id = t.id)
                AND NOT EXISTS (SELECT 1 FROM inbound_item i WHERE i.ticket_id = t.id)
                AND NOT EXISTS (SELECT 1 FROM dispute d WHERE d.ticket_id = t.id OR d.incident_ticket_id = t.id)
                AND NOT EXISTS (SELECT 1 FROM punishment_appeal_decision p WHERE p.ticket_id = t.id)
                \(order) LIMIT 1)
            """
        }
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
