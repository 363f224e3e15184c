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
    /// `slaDueAt`: the nearest SLA breach under the new routing, written with it under a new SLA
    /// generation, which this returns for the deadlines' jobs.
    func save(
        _ plan: RoutingPlan, for ticket: RoutingTicket, punishment: PunishmentID?, lexemes: Set<String>?, slaDueAt: Date?
    ) async throws -> Int64 {
        let decision = try Self.json(plan.classification)
        let route = try Self.json(plan.target)
        let changed = plan.assigneeChanged(from: ticket.assigneeID)
        let assignee = changed ? plan.assignment.staffID : ticket.assigneeID
        var events: [NewTicketEvent] = []
        if ticket.classification == nil {
            events.append(NewTicketEvent(
                .classified, actor: .system,
                data: [
                    "category": .string(plan.classification.category.rawValue),
                    "priority": .string(plan.classification.priority.rawValue),
                    "reasons": .array(plan.classification.reasons.map(StoredJSON.string)),
                ]))
        }
        var routed: [String: StoredJSON] = [
            "line": .string(plan.target.line.rawValue), "team_id": plan.target.teamID.map { .int($0.rawValue) } ?? .null,
            "role": .string(plan.target.role.rawValue), "why": .string(plan.target.why),
            "assignment": .string(plan.assignment.why),
        ]
        if let from = plan.answerFrom { routed["answer_from"] = .string(from.formatted(.iso8601)) }
        if plan.target.viaArbitration { routed["via_arbitration"] = true }
        events.append(NewTicketEvent(.routed, actor: .system, data: routed))
        let newAssignee = changed ? plan.assignment.staffID : nil
        if let newAssignee {
            events.append(Self.assignment(to: newAssignee, from: ticket.assigneeID, decision: plan.assignment))
        }

        var bindings = PostgresBindings(capacity: 16)
        bindings.append(plan.classification.category.rawValue)
        bindings.append(plan.classification.priority.rawValue)
        bindings.append(plan.target.line.rawValue)
        bindings.append(plan.target.teamID?.rawValue)
        bindings.append(assignee?.rawValue)
        bindings.append(changed)
        bindings.append(lexemes.map { Array($0) })
        bindings.append(punishment?.rawValue)
        bindings.append(decision)
        bindings.append(route)
        bindings.append(ticket.id.rawValue)
        try TicketStore.appendEvents(events, to: &bindings)
        bindings.append(slaDueAt)
        let rows = try await connection.rows(of: RouteSQL.self, bindings, logger: logger)
        let ids = try TicketStore.eventIDs(rows, of: events)
        guard let row = rows.first else { throw RoutingError.unexpectedValue("ticket \(ticket.id) not updated by its routing") }
        let (_, generation) = try row.decode((Int64, Int64).self)
        if let newAssignee, let event = ids.last {
            try await tell(newAssignee, ticket: ticket.id, number: ticket.number, subject: ticket.subject, event: event)
        }
        return generation
    }

    /// Records an assignment in the history and tells the assignee. The caller has already written
    /// `assignee_id` and `assigned_at` (round-robin order) with the rest of the row: one row version, not two.
    func announceAssignment(
        _ ticket: TicketID, number: Int64, subject: String, to staff: StaffID, from previous: StaffID?, decision: AssignmentDecision
    ) async throws {
        let entry = Self.assignment(to: staff, from: previous, decision: decision)
        let event = try await tickets.recordEvent(ticket, entry.type, actor: entry.actor, data: entry.data)
        try await tell(staff, ticket: ticket, number: number, subject: subject, event: event)
    }

    private static func assignment(to staff: StaffID, from previous: StaffID?, decision: AssignmentDecision) -> NewTicketEvent {
        var data: [String: StoredJSON] = [
            "staff_id": .int(staff.rawValue), "why": .string(decision.why),
            "from_staff_id": previous.map { .int($0.rawValue) } ?? .null,
        ]
        if case .nextShift(_, let from, _) = decision { data["next_shift_from"] = .string(from.formatted(.iso8601)) }
        return NewTicketEvent(.assigned, actor: .system, data: data)
    }

    /// The assignee's notification, keyed by the assignment's history entry: one per assignment.
    private func tell(_ staff: StaffID, ticket: TicketID, number: Int64, subject: String, event: TicketEventID) async throws {
        try await notifier.notify(
            staff, template: "assigned", text: "Ticket #\(number) is yours: \(subject)", ticket: ticket,
            key: "assigned:\(ticket):\(event)", extra: ["ticket_number": .int(number)])
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The routing columns, the SLA's due time and the routing's history in one statement: each was a
    /// round trip of its own, and the SLA's a second ticket row version.
    private enum RouteSQL: RepeatedStatement {
        static let sql = """
            WITH routed AS (
                UPDATE ticket SET category = $1, priority = $2, line = $3, team_id = $4, assignee_id = $5,
                    assigned_at = CASE WHEN $6 THEN now() ELSE assigned_at END,
                    report_lexemes = coalesce(array_to_tsvector($7), report_lexemes),
                    punishment_id = coalesce(punishment_id, $8),
                    classification = $9::jsonb || jsonb_build_object('route', $10::jsonb),
                    sla_generation = sla_generation + 1, sla_due_at = $16
                WHERE id = $11
                RETURNING sla_generation
            ), recorded AS (\(TicketStore.eventsInsert(ticket: 11, first: 12)))
            SELECT recorded.id, routed.sla_generation FROM recorded, routed
            """
        static let parameterTypes: [PostgresDataType] = [
            .text, .text, .text, .int8, .int8, .bool, .textArray, .int8, .text, .text, .int8,
            .textArray, .textArray, .int8Array, .textArray, .timestamptz,
        ]
    }
}
