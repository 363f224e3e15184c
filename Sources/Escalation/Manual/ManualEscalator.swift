public import JobQueue
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema
import SupportStore

/// A staff member escalates or de-escalates a ticket by hand, with a reason.
///
/// The same path as the ladder's: the line is kept over the category's, the assignee released, the
/// new line told, and routing picks the team and person there. The history records who, why, and
/// from which line.
public struct ManualEscalator: Sendable {
    public let queue: JobQueue
    public var ladder: EscalationLadder

    public init(queue: JobQueue, ladder: EscalationLadder = EscalationLadder()) {
        self.queue = queue
        self.ladder = ladder
    }

    /// Opens its own transaction; returns the lines before and after.
    @discardableResult
    public func move(
        _ ticketID: TicketID, _ direction: ManualEscalation, reason: String, by staff: StaffID, roles: Set<Role>,
        logger: Logger? = nil
    ) async throws -> Line {
        let logger = logger ?? queue.logger
        return try await queue.transaction { connection, jobs in
            try await move(ticketID, direction, reason: reason, by: staff, roles: roles, on: connection, jobs: jobs, logger: logger).to
        }
    }

    /// Inside the caller's transaction (the API writes its audit row in the same one).
    public func move(
        _ ticketID: TicketID, _ direction: ManualEscalation, reason: String, by staff: StaffID, roles: Set<Role>,
        on connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger
    ) async throws -> (from: Line, to: Line) {
        guard Permissions.allows(roles: roles, action: .escalate) else {
            throw StaffActionError.forbidden("escalating needs the escalate permission")
        }
        guard let ticket = try await EscalationTicket.lock(ticketID, on: connection, logger: logger),
            ticket.namedStaffID != staff
        else { throw StaffActionError.notFound(ticketID) }
        let facts = EscalationFacts(
            line: ticket.line, category: ticket.category, isIncident: ticket.isIncident, isConfidential: ticket.isConfidential)
        let line: Line
        switch ladder.manual(direction, reason: reason, facts: facts) {
        case .success(let target): line = target
        case .failure(let error): throw StaffActionError.refused(error)
        }
        let plan = EscalationPlan(
            steps: [.moveTo(line), .notifyLine(line)],
            why: "\(direction == .up ? "escalated" : "de-escalated") by hand to \(line.rawValue.uppercased()): \(reason)")
        let event = try await connection.query(
            "SELECT count(*)::int FROM ticket_event WHERE ticket_id = \(ticketID.rawValue)", logger: logger
        ).collect().first?.decode(Int.self) ?? 0
        try await EscalationWriter(ticket: ticket, connection: connection, jobs: jobs, logger: logger).carryOut(
            plan, template: direction == .up ? "escalated" : "deescalated",
            text: "Ticket #\(ticket.number) \(plan.why)", key: "manual:\(ticketID):\(event)", actor: .staff(staff),
            reason: reason)
        return (ticket.line, line)
    }
}
