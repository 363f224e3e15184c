import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Saves a ``RoutingPlan`` for one ticket: the ticket's routing columns, its history, the assignee's
/// notification. Runs inside the routing transaction.
struct RoutingWriter: Sendable {
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    var tickets: TicketStore { TicketStore(connection: connection, logger: logger) }
    var notifier: StaffNotifier { StaffNotifier(connection: connection, jobs: jobs, logger: logger) }

    func save(_ plan: RoutingPlan, for ticket: RoutingTicket, punishment: PunishmentID?) async throws {
        let decision = try Self.json(plan.classification)
        let route = try Self.json(plan.target)
        let assignee = plan.assigneeChanged(from: ticket.assigneeID) ? plan.assignment.staffID : ticket.assigneeID
        _ = try await connection.query(
            """
            UPDATE ticket SET category = \(plan.classification.category.rawValue),
                priority = \(plan.classification.priority.rawValue), line = \(plan.target.line.rawValue),
                team_id = \(plan.target.teamID?.rawValue), assignee_id = \(assignee?.rawValue),
                punishment_id = coalesce(punishment_id, \(punishment?.rawValue)),
                classification = \(decision)::jsonb || jsonb_build_object('route', \(route)::jsonb)
            WHERE id = \(ticket.id.rawValue)
            """, logger: logger
        ).collect()

        if ticket.classification == nil {
            try await tickets.recordEvent(
                ticket.id, .classified, actor: .system,
                data: [
                    "category": .string(plan.classification.category.rawValue),
                    "priority": .string(plan.classification.priority.rawValue),
                    "reasons": .array(plan.classification.reasons.map(StoredJSON.string)),
                ])
        }
        var routed: [String: StoredJSON] = [
            "line": .string(plan.target.line.rawValue), "team_id": plan.target.teamID.map { .int($0.rawValue) } ?? .null,
            "role": .string(plan.target.role.rawValue), "why": .string(plan.target.why),
            "assignment": .string(plan.assignment.why),
        ]
        if let from = plan.answerFrom { routed["answer_from"] = .string(from.formatted(.iso8601)) }
        if plan.target.viaArbitration { routed["via_arbitration"] = true }
        try await tickets.recordEvent(ticket.id, .routed, actor: .system, data: routed)

        if plan.assigneeChanged(from: ticket.assigneeID), let staff = plan.assignment.staffID {
            try await assign(ticket.id, number: ticket.number, subject: ticket.subject, to: staff, from: ticket.assigneeID, decision: plan.assignment)
        }
    }

    /// Records an assignment with its time (round-robin order) and tells the assignee.
    func assign(_ ticket: TicketID, number: Int64, subject: String, to staff: StaffID, from previous: StaffID?, decision: AssignmentDecision) async throws {
        var data: [String: StoredJSON] = [
            "staff_id": .int(staff.rawValue), "why": .string(decision.why),
            "from_staff_id": previous.map { .int($0.rawValue) } ?? .null,
        ]
        if case .nextShift(_, let from, _) = decision { data["next_shift_from"] = .string(from.formatted(.iso8601)) }
        let event = try await tickets.recordEvent(ticket, .assigned, actor: .system, data: data)
        _ = try await connection.query(
            "UPDATE ticket SET assignee_id = \(staff.rawValue), assigned_at = now() WHERE id = \(ticket.rawValue)",
            logger: logger
        ).collect()
        try await notifier.notify(
            staff, template: "assigned", text: "Ticket #\(number) is yours: \(subject)", ticket: ticket,
            key: "assigned:\(ticket):\(event)", extra: ["ticket_number": .int(number)])
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
