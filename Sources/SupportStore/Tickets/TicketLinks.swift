public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportSchema

/// Staff link a report to an incident, unlink it, or merge a duplicate ticket into another, inside the
/// caller's transaction. Each step is in both tickets' history.
public struct TicketLinks: Sendable {
    public let connection: PostgresConnection
    public let jobs: TransactionEnqueuer
    public let logger: Logger

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
    }

    /// Why a link or merge is refused (the API answers 404 or 409 with the message).
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case notFound(TicketID)
        case conflict(String)

        public var description: String {
            switch self {
            case .notFound(let id): "no ticket \(id)"
            case .conflict(let why): why
            }
        }
    }

    struct Row {
        var id: TicketID
        var requester: Int64?
        var status: TicketStatus
        var isIncident: Bool
        var parent: Int64?
    }

    /// Both rows, locked in id order so two staff acting on the same pair take turns.
    private func lock(_ a: TicketID, _ b: TicketID) async throws -> (Row, Row) {
        let rows = try await connection.query(
            """
            SELECT id, requester_id, status, is_incident, parent_incident_id FROM ticket
            WHERE id IN (\(a.rawValue), \(b.rawValue)) ORDER BY id FOR UPDATE
            """, logger: logger
        ).collect().map { row in
            let (id, requester, status, isIncident, parent) = try row.decode((Int64, Int64?, String, Bool, Int64?).self)
            return Row(id: TicketID(id), requester: requester, status: TicketStatus(rawValue: status) ?? .open, isIncident: isIncident, parent: parent)
        }
        guard let first = rows.first(where: { $0.id == a }) else { throw Refusal.notFound(a) }
        guard let second = rows.first(where: { $0.id == b }) else { throw Refusal.notFound(b) }
        return (first, second)
    }

    public func link(_ ticket: TicketID, to incident: TicketID, by staff: StaffID) async throws {
        guard ticket != incident else { throw Refusal.conflict("a ticket cannot be linked to itself") }
        let (report, parent) = try await lock(ticket, incident)
        guard parent.isIncident, parent.status.isActive else { throw Refusal.conflict("ticket \(incident) is not an open incident") }
        guard !report.isIncident else { throw Refusal.conflict("an incident cannot be linked to another") }
        guard report.parent != incident.rawValue else { return }
        try await connection.query(
            "UPDATE ticket SET parent_incident_id = \(incident.rawValue) WHERE id = \(ticket.rawValue)", logger: logger)
        let tickets = TicketStore(connection: connection, logger: logger)
        try await tickets.recordEvent(ticket, .linked, actor: .staff(staff), data: ["incident_id": .int(incident.rawValue)])
        try await tickets.recordEvent(incident, .linked, actor: .staff(staff), data: ["report_id": .int(ticket.rawValue)])
    }

    /// Returns false when the ticket was not linked.
    @discardableResult
    public func unlink(_ ticket: TicketID, by staff: StaffID) async throws -> Bool {
        let rows = try await connection.query(
            "SELECT parent_incident_id FROM ticket WHERE id = \(ticket.rawValue) FOR UPDATE", logger: logger
        ).collect()
        guard let row = rows.first else { throw Refusal.notFound(ticket) }
        guard let parent = try row.decode(Int64?.self) else { return false }
        try await connection.query("UPDATE ticket SET parent_incident_id = NULL WHERE id = \(ticket.rawValue)", logger: logger)
        let tickets = TicketStore(connection: connection, logger: logger)
        try await tickets.recordEvent(ticket, .unlinked, actor: .staff(staff), data: ["incident_id": .int(parent)])
        try await tickets.recordEvent(TicketID(parent), .unlinked, actor: .staff(staff), data: ["report_id": .int(ticket.rawValue)])
        return true
    }

    /// Moves the duplicate's messages onto `target` and closes the duplicate. Same requester only.
    public func merge(_ duplicate: TicketID, into target: TicketID, by staff: StaffID, now: Date = Date()) async throws {
        guard duplicate != target else { throw Refusal.conflict("a ticket cannot be merged into itself") }
        let (source, destination) = try await lock(duplicate, target)
        guard !source.isIncident, !destination.isIncident else { throw Refusal.conflict("incidents are linked, not merged") }
        guard source.requester == destination.requester else {
            throw Refusal.conflict("only one requester's tickets are merged; link them to an incident instead")
        }
        guard source.status.isActive else { throw Refusal.conflict("ticket \(duplicate) is already \(source.status.rawValue)") }
        try await connection.query("UPDATE message SET ticket_id = \(target.rawValue) WHERE ticket_id = \(duplicate.rawValue)", logger: logger)
        try await connection.query(
            "UPDATE ticket SET status = 'closed', closed_at = now() WHERE id = \(duplicate.rawValue)", logger: logger)
        let tickets = TicketStore(connection: connection, logger: logger)
        try await tickets.recordEvent(duplicate, .merged, actor: .staff(staff), data: ["into": .int(target.rawValue)])
        try await tickets.recordEvent(
            duplicate, .statusChanged, actor: .staff(staff),
            data: ["from": .string(source.status.rawValue), "to": "closed", "reason": "merged"])
        try await tickets.recordEvent(target, .merged, actor: .staff(staff), data: ["from": .int(duplicate.rawValue)])
        let sla = SLAScheduler(connection: connection, jobs: jobs, logger: logger)
        try await sla.reschedule(duplicate, now: now)
        try await sla.reschedule(target, now: now)
    }
}
