import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Carries out an ``EscalationPlan`` inside the escalation transaction: the notifications, the
/// reassignment or the move to another line (routing then picks the team and the person there).
struct EscalationWriter: Sendable {
    let ticket: EscalationTicket
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    var tickets: TicketStore { TicketStore(connection: connection, logger: logger) }
    var notifier: StaffNotifier { StaffNotifier(connection: connection, jobs: jobs, logger: logger) }

    /// `key` makes each notification of this alarm (or manual escalation) once-only.
    func carryOut(_ plan: EscalationPlan, template: String, text: String, key: String, actor: TicketActor, reason: String? = nil) async throws {
        var told: Set<StaffID> = []
        func tell(_ staff: [StaffID]) async throws {
            // The staff member a complaint names never hears of it.
            for person in staff where person != ticket.namedStaffID && told.insert(person).inserted {
                try await notifier.notify(
                    person, template: template, text: text, ticket: ticket.id, key: "\(key):\(person)",
                    extra: ["ticket_number": .int(ticket.number), "why": .string(plan.why)])
            }
        }
        for step in plan.steps {
            switch step {
            case .notifyAssignee(let staff), .notifyTeamLead(let staff):
                try await tell([staff])
            case .notifyLine(let line):
                try await tell(try await ticket.lineStaff(line, on: connection, logger: logger))
            case .reassign:
                try await unassign(actor: actor, why: plan.why)
                jobs.enqueueAtCommit(try NewJob(RoutingJob(ticketID: ticket.id, reason: .escalation)))
            case .moveTo(let line):
                try await move(to: line, actor: actor, why: plan.why, reason: reason)
                jobs.enqueueAtCommit(try NewJob(RoutingJob(ticketID: ticket.id, reason: .escalation)))
            }
        }
    }

    private func unassign(actor: TicketActor, why: String) async throws {
        guard let assignee = ticket.assigneeID else { return }
        try await connection.query("UPDATE ticket SET assignee_id = NULL WHERE id = \(ticket.id.rawValue)", logger: logger)
        try await tickets.recordEvent(
            ticket.id, .assigned, actor: actor,
            data: ["staff_id": .null, "from_staff_id": .int(assignee.rawValue), "why": .string(why)])
    }

    /// Up or down: the line is kept over the category's (`line_override`), the assignee released, and
    /// the status says escalated (or open again when moved back to L1).
    private func move(to line: Line, actor: TicketActor, why: String, reason: String?) async throws {
        let status: TicketStatus =
            ticket.status.slaClockState == .running ? (line == .l1 ? .open : .escalated) : ticket.status
        try await connection.query(
            """
            UPDATE ticket SET line = \(line.rawValue), line_override = \(line.rawValue), status = \(status.rawValue),
                assignee_id = NULL
            WHERE id = \(ticket.id.rawValue)
            """, logger: logger)
        var data: [String: StoredJSON] = [
            "from_line": .string(ticket.line.rawValue), "to_line": .string(line.rawValue), "why": .string(why),
            "from_staff_id": ticket.assigneeID.map { .int($0.rawValue) } ?? .null,
        ]
        if let reason { data["reason"] = .string(reason) }
        try await tickets.recordEvent(ticket.id, line < ticket.line ? .deescalated : .escalated, actor: actor, data: data)
        if status != ticket.status {
            try await tickets.recordEvent(
                ticket.id, .statusChanged, actor: actor,
                data: ["from": .string(ticket.status.rawValue), "to": .string(status.rawValue), "reason": "escalation"])
        }
    }
}
