import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportSchema
import SupportStore

/// A coder marks a bug or an incident fixed: L2 hands its reports back to L1.
///
/// The fixed ticket is resolved. Every open report linked to it gets a status note, returns to L1,
/// and waits on its requester (clocks paused), who is told on their channel; a reply reopens the talk.
/// Marking twice changes nothing more: only unresolved tickets are touched, and each notice has its key.
public struct FixAnnouncer: Sendable {
    public let queue: JobQueue
    public var now: @Sendable () -> Date

    public init(queue: JobQueue, now: @escaping @Sendable () -> Date = { Date() }) {
        self.queue = queue
        self.now = now
    }

    /// Returns the reports whose requesters were told.
    @discardableResult
    public func markFixed(_ ticketID: TicketID, note: String, by staff: StaffID, roles: Set<Role>, logger: Logger? = nil) async throws -> [TicketID] {
        let logger = logger ?? queue.logger
        return try await queue.transaction { connection, jobs in
            try await markFixed(ticketID, note: note, by: staff, roles: roles, on: connection, jobs: jobs, logger: logger)
        }
    }

    /// Inside the caller's transaction (the API writes its audit row in the same one).
    public func markFixed(
        _ ticketID: TicketID, note: String, by staff: StaffID, roles: Set<Role>, on connection: PostgresConnection,
        jobs: TransactionEnqueuer, logger: Logger
    ) async throws -> [TicketID] {
        guard roles.contains(.coder) || roles.contains(.owner) else {
            throw StaffActionError.forbidden("only L2 coders (or owners) mark a bug or an incident fixed")
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw StaffActionError.notFixable("a note for the requesters is required") }
        let now = self.now()
        let tickets = TicketStore(connection: connection, logger: logger)
        let rows = try await connection.query(
            """
            SELECT id, number, status, line, is_incident, category, requester_id FROM ticket
            WHERE (id = \(ticketID.rawValue) OR parent_incident_id = \(ticketID.rawValue))
              AND status NOT IN ('resolved', 'closed')
              AND NOT EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = ticket.id AND e.type = 'note_added'
                              AND e.data->>'fixed_ticket_id' = \(String(ticketID.rawValue)))
            ORDER BY id FOR UPDATE
            """, logger: logger
        ).collect()
        var reports: [TicketID] = []
        for row in rows {
            let (id, number, status, line, isIncident, category, requester) = try row.decode(
                (Int64, Int64, String, String, Bool, String?, Int64?).self)
            let ticket = TicketID(id)
            if ticket == ticketID {
                guard isIncident || category == Category.technical.rawValue else {
                    throw StaffActionError.notFixable("only bugs and incidents are marked fixed")
                }
                try await resolve(ticket, from: status, by: staff, note: note, tickets: tickets, fixed: ticketID, connection: connection, logger: logger)
                guard requester != nil else { continue }
            } else {
                try await handBack(ticket, from: status, line: line, by: staff, note: note, tickets: tickets, fixed: ticketID, connection: connection, logger: logger)
            }
            guard let route = try await RequesterRoute.of(ticket, on: connection, logger: logger) else { continue }
            let text = route.locale == "en"
                ? "Ticket #\(number): fixed. \(note)\nIf it still happens, just reply."
                : "Обращение #\(number): исправлено. \(note)\nЕсли проблема осталась, просто ответьте."
            try await NotificationOutbox(connection: connection, logger: logger).send(
                NewNotification(
                    requesterID: route.requesterID, channel: route.channel, address: route.address, template: "fixed",
                    ticketID: ticket, payload: ["text": .string(text), "ticket_number": .int(number)],
                    idempotencyKey: "fixed:\(ticketID):\(ticket)"),
                jobs: jobs)
            try await SLAScheduler(connection: connection, jobs: jobs, logger: logger).reschedule(ticket, now: now)
            reports.append(ticket)
        }
        return reports
    }

    private func resolve(
        _ ticket: TicketID, from status: String, by staff: StaffID, note: String, tickets: TicketStore, fixed: TicketID,
        connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            "UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = \(ticket.rawValue)", logger: logger)
        try await tickets.recordEvent(
            ticket, .noteAdded, actor: .staff(staff),
            data: ["kind": "fixed", "note": .string(note), "fixed_ticket_id": .string(String(fixed.rawValue))])
        try await tickets.recordEvent(
            ticket, .statusChanged, actor: .staff(staff), data: ["from": .string(status), "to": "resolved", "reason": "fixed"])
    }

    private func handBack(
        _ ticket: TicketID, from status: String, line: String, by staff: StaffID, note: String, tickets: TicketStore, fixed: TicketID,
        connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            UPDATE ticket SET status = 'pending_requester', line = 'l1',
                line_override = CASE WHEN line_override IS NULL THEN NULL ELSE 'l1' END
            WHERE id = \(ticket.rawValue)
            """, logger: logger)
        try await tickets.recordEvent(
            ticket, .noteAdded, actor: .staff(staff),
            data: ["kind": "fixed", "note": .string(note), "fixed_ticket_id": .string(String(fixed.rawValue))])
        if line != Line.l1.rawValue {
            try await tickets.recordEvent(
                ticket, .deescalated, actor: .staff(staff), data: ["from_line": .string(line), "to_line": "l1", "why": "fixed at L2"])
        }
        try await tickets.recordEvent(
            ticket, .statusChanged, actor: .staff(staff),
            data: ["from": .string(status), "to": "pending_requester", "reason": "fixed"])
    }
}
