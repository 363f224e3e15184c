import Foundation
import Intake
import JobQueue
import Logging
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// A fresh migrated database per test with the real queue, inbound store and intake handler.
struct IntakeEnv: Sendable {
    let db: TestDatabase
    let client: PostgresClient
    let queue: JobQueue
    let handler: IntakeHandler
    var logger: Logger { db.logger }
    var store: InboundStore { InboundStore(queue: queue) }

    static func with(
        label: String = #function, configuration: IntakeConfiguration = IntakeConfiguration(),
        _ body: @Sendable (IntakeEnv) async throws -> Void
    ) async throws {
        try await TestDatabase.with(label: label, migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let queue = JobQueue(client: client, logger: db.logger)
                try await body(IntakeEnv(db: db, client: client, queue: queue,
                                         handler: IntakeHandler(queue: queue, configuration: configuration)))
            }
        }
    }

    /// Stores a raw item the way the API does (with its `intake` job).
    func receive(_ channel: SupportChannel, _ raw: [UInt8], dedupeKey: String? = nil) async throws -> InboundItemID {
        let contentType = channel == .email ? "message/rfc822" : "application/json"
        return try await store.receive(
            NewInboundItem(channel: channel, dedupeKey: dedupeKey, raw: raw, contentType: contentType)).id
    }

    /// Receives and processes an item at once.
    @discardableResult
    func deliver(_ channel: SupportChannel, _ raw: [UInt8]) async throws -> IntakeOutcome {
        try await handler.process(inboundItemID: try await receive(channel, raw))
    }

    var sql: SQLProbe { SQLProbe(client: client, logger: logger) }
    func int(_ query: String) async throws -> Int { try await sql.int(query) }
    func string(_ query: String) async throws -> String? { try await sql.string(query) }
    func strings(_ query: String) async throws -> [String] { try await sql.strings(query) }
    func exec(_ query: String) async throws { try await sql.exec(query) }

    /// Row counts of everything intake writes, for "nothing twice" checks.
    func census() async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for table in ["requester", "requester_identity", "ticket", "message", "ticket_event", "notification"] {
            result[table] = try await int("SELECT count(*)::int FROM \(table)")
        }
        result["routing"] = try await int("SELECT count(*)::int FROM job WHERE queue = 'routing'")
        result["notify"] = try await int("SELECT count(*)::int FROM job WHERE queue = 'notify'")
        return result
    }

    /// Routing reasons queued for a ticket, oldest first.
    func routingReasons(_ ticket: TicketID) async throws -> [String] {
        try await strings(
            "SELECT convert_from(payload, 'UTF8')::jsonb->>'reason' FROM job WHERE queue = 'routing' AND convert_from(payload, 'UTF8')::jsonb->>'ticket_id' = '\(ticket)' ORDER BY id")
    }

    func eventTypes(_ ticket: TicketID) async throws -> [String] {
        try await strings("SELECT type FROM ticket_event WHERE ticket_id = \(ticket) ORDER BY id")
    }

    func status(_ ticket: TicketID) async throws -> String? {
        try await string("SELECT status FROM ticket WHERE id = \(ticket)")
    }
}

extension IntakeOutcome {
    /// The ticket, or a recorded test failure.
    func ticket(sourceLocation: SourceLocation = #_sourceLocation) throws -> TicketID {
        try #require(ticketID, "no ticket in \(self)", sourceLocation: sourceLocation)
    }
}
