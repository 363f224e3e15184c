public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportSchema
import SupportDomain

/// A staff member hands a ticket to a named colleague, inside the caller's transaction: the assignment
/// is in the history and the colleague is told. Refused for someone inactive, the person a complaint
/// names, or anyone else the row rules keep from the ticket (`TicketAccess`).
public struct TicketReassignment: Sendable {
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case notFound(TicketID)
        case unknownStaff(StaffID)
        case conflict(String)

        public var description: String {
            switch self {
            case .notFound(let id): "no ticket \(id)"
            case .unknownStaff(let id): "staff_id: no active staff member \(id)"
            case .conflict(let why): why
            }
        }
    }

    public let connection: PostgresConnection
    public let jobs: TransactionEnqueuer
    public let logger: Logger

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
    }

    /// Returns the previous assignee.
    public func assign(_ ticket: TicketID, to staff: StaffID, by actor: StaffID, reason: String?) async throws -> StaffID? {
        let rows = try await connection.query(
            "SELECT number, subject, assignee_id, named_staff_id FROM ticket WHERE id = \(ticket.rawValue) FOR UPDATE",
            logger: logger
        ).collect()
        guard let row = rows.first else { throw Refusal.notFound(ticket) }
        let (number, subject, previous, named) = try row.decode((Int64, String, Int64?, Int64?).self)
        let roles = try await connection.query(
            "SELECT roles FROM staff WHERE id = \(staff.rawValue) AND active", logger: logger
        ).collect().first?.decode([String].self)
        guard let roles else { throw Refusal.unknownStaff(staff) }
        guard named != staff.rawValue else { throw Refusal.conflict("the complaint names this staff member") }
        // Nobody gets a ticket the row rules keep from them: the punishing moderator an appeal,
        // a non-owner a confidential ticket, and so on.
        if let facts = try await TicketReadStore(connection: connection, logger: logger).accessFacts(ticket),
            let denial = TicketAccess.denial(
                .staff(staff, roles: Set(roles.compactMap { Role(rawValue: $0) })), action: .viewTicket, ticket: facts)
        {
            throw Refusal.conflict("staff member \(staff) may not take this ticket (\(denial.rawValue))")
        }
        guard previous != staff.rawValue else { return previous.map { StaffID($0) } }
        try await connection.query(
            "UPDATE ticket SET assignee_id = \(staff.rawValue), assigned_at = now() WHERE id = \(ticket.rawValue)", logger: logger)
        let event = try await TicketStore(connection: connection, logger: logger).recordEvent(
            ticket, .assigned, actor: .staff(actor),
            data: [
                "staff_id": .int(staff.rawValue), "from_staff_id": previous.map { .int($0) } ?? .null,
                "why": .string(reason.map { "reassigned by hand: \($0)" } ?? "reassigned by hand"),
            ])
        try await StaffNotifier(connection: connection, jobs: jobs, logger: logger).notify(
            staff, template: "assigned", text: "Ticket #\(number) is yours: \(subject)", ticket: ticket,
            key: "assigned:\(ticket):\(event)", extra: ["ticket_number": .int(number)])
        return previous.map { StaffID($0) }
    }
}
