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

    /// `lexemes`: the report's stemmed words to store on first routing (nil keeps the stored ones).
    func save(_ plan: RoutingPlan, for ticket: RoutingTicket, punishment: PunishmentID?, lexemes: Set<String>?) async throws {
        let decision = try Self.json(plan.classification)
        let route = try Self.json(plan.target)
        let changed = plan.assigneeChanged(from: ticket.assigneeID)
        let assignee = changed ? plan.assignment.staffID : ticket.assigneeID
        _ = try await connection.query(
            """
            UPDATE ticket SET category = \(plan.classification.category.rawValue),
                priority = \(plan.classification.priority.rawValue), line = \(plan.target.line.rawValue),
                team_id = \(plan.target.teamID?.rawValue), assignee_id = \(assignee?.rawValue),
                assigned_at = CASE WHEN \(changed) THEN now() ELSE assigned_at END,
                report_lexemes = coalesce(array_to_tsvector(\(lexemes.map { Array($0) })::text[]), report_lexemes),
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

        if changed, let staff = plan.assignment.staffID {
            try await announceAssignment(
                ticket.id, number: ticket.number, subject: ticket.subject, to: staff, from: ticket.assigneeID, decision: plan.assignment)
        }
    }

    /// Records an assignment in the history and tells the assignee. The caller has already written
    /// `assignee_id` and `assigned_at` (round-robin order) with the rest of the row: one row version, not two.
    func announceAssignment(
        _ ticket: TicketID, number: Int64, subject: String, to staff: StaffID, from previous: StaffID?, decision: AssignmentDecision
    ) async throws {
        var data: [String: StoredJSON] = [
            "staff_id": .int(staff.rawValue), "why": .string(decision.why),
            "from_staff_id": previous.map { .int($0.rawValue) } ?? .null,
        ]
        if case .nextShift(_, let from, _) = decision { data["next_shift_from"] = .string(from.formatted(.iso8601)) }
        let event = try await tickets.recordEvent(ticket, .assigned, actor: .system, data: data)
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
