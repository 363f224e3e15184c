import Foundation
import Intake
import JobQueue
import Logging
import PostgresNIO
@testable import Routing
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// A fresh migrated database with the demo staff and teams, the real queue, intake and routing handlers.
struct RoutingEnv: Sendable {
    let db: TestDatabase
    let client: PostgresClient
    let queue: JobQueue
    let intake: IntakeHandler
    let routing: RoutingHandler
    var logger: Logger { db.logger }
    var sql: SQLProbe { SQLProbe(client: client, logger: logger) }

    /// Monday 23 November 2026, 12:00 in Yekaterinburg: the desk is open.
    static let mondayNoon = Date(timeIntervalSince1970: 1_795_417_200)

    static func with(
        label: String = #function, now: Date = mondayNoon, seed: Bool = true, groupCommit: GroupCommitSettings = GroupCommitSettings(),
        _ body: @Sendable (RoutingEnv) async throws -> Void
    ) async throws {
        try await TestDatabase.with(label: label, migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                if seed { _ = try await DemoSeed.load(client: client, passwordHash: "x", logger: db.logger) }
                let queue = JobQueue(client: client, logger: db.logger)
                try await body(RoutingEnv(
                    db: db, client: client, queue: queue, intake: IntakeHandler(queue: queue),
                    routing: RoutingHandler(queue: queue, configuration: RoutingConfiguration(now: { now }, groupCommit: groupCommit))))
            }
        }
    }

    /// A portal request through intake; returns its ticket.
    func submit(_ body: String, from email: String, subject: String = "", category: SupportSchema.Category? = nil) async throws -> TicketID {
        var form: [String: String] = ["email": email, "name": email, "body": body, "subject": subject]
        if let category { form["category"] = category.rawValue }
        let raw = Array(try JSONSerialization.data(withJSONObject: form))
        let item = try await InboundStore(queue: queue).receive(
            NewInboundItem(channel: .web, dedupeKey: nil, raw: raw, contentType: "application/json"))
        let outcome = try await intake.process(inboundItemID: item.id)
        return try #require(outcome.ticketID, "intake: \(outcome)")
    }

    /// Submits and routes at once.
    func route(_ body: String, from email: String, category: SupportSchema.Category? = nil) async throws -> RoutingOutcome {
        let ticket = try await submit(body, from: email, category: category)
        do {
            return try #require(try await routing.process(ticketID: ticket, reason: .new))
        } catch {
            throw RoutingFailure(description: String(reflecting: error))
        }
    }

    func staff(_ email: String) async throws -> StaffID {
        StaffID(Int64(try await sql.int("SELECT id::int FROM staff WHERE email = '\(email)'")))
    }

    func events(_ ticket: TicketID, _ type: String) async throws -> Int {
        try await sql.int("SELECT count(*)::int FROM ticket_event WHERE ticket_id = \(ticket) AND type = '\(type)'")
    }
}

/// A routing error with the database's whole message (PSQLError hides it from `description`).
struct RoutingFailure: Error, CustomStringConvertible {
    let description: String
}
