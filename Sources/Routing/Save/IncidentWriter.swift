import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Opens incidents over duplicate reports, links reports to them, and tells every agent on shift.
struct IncidentWriter: Sendable {
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    var tickets: TicketStore { TicketStore(connection: connection, logger: logger) }

    /// Opens the incident over `reports` and `ticket`; returns its id.
    func open(
        over reports: [TicketID], for ticket: RoutingTicket, plan: RoutingPlan, staff: [StaffCandidate], similarity: Double
    ) async throws -> TicketID {
        let priority = plan.incidentPriority ?? .high
        let target = plan.incidentTarget
        let assignee = plan.incidentAssignment?.staffID
        let subject = "Incident: \(ticket.subject)"
        let rows = try await connection.query(
            """
            INSERT INTO ticket (requester_id, channel, subject, category, priority, status, line, team_id, assignee_id,
                                assigned_at, is_incident, report_lexemes, classification)
            SELECT NULL, \(ticket.channel.rawValue), \(subject), 'technical', \(priority.rawValue), 'escalated',
                   \(target?.line.rawValue ?? Line.l2.rawValue), \(target?.teamID?.rawValue), \(assignee?.rawValue),
                   CASE WHEN \(assignee?.rawValue)::bigint IS NOT NULL THEN now() END, true,
                   report_lexemes, jsonb_build_object('route', \(try RoutingWriter.json(target)))
            FROM ticket WHERE id = \(ticket.id.rawValue)
            RETURNING id, number
            """, logger: logger
        ).collect()
        guard let row = rows.first else { throw RoutingError.unexpectedValue("incident INSERT returned nothing") }
        let (rawID, number) = try row.decode((Int64, Int64).self)
        let incident = TicketID(rawID)
        let members = reports + [ticket.id]
        try await tickets.recordEvent(
            incident, .created, actor: .system,
            data: ["reports": .array(members.map { .int($0.rawValue) }), "similarity": .string(Self.percent(similarity))])
        try await tickets.recordEvent(
            incident, .escalated, actor: .system,
            data: ["to_line": .string(Line.l2.rawValue), "reason": "several requesters report the same problem",
                   "priority": .string(priority.rawValue)])
        for member in members { try await link(member, to: incident, similarity: similarity) }
        if let assignee, let decision = plan.incidentAssignment {
            try await RoutingWriter(connection: connection, jobs: jobs, logger: logger)
                .announceAssignment(incident, number: number, subject: subject, to: assignee, from: nil, decision: decision)
        }
        try await broadcast(incident, number: number, subject: ticket.subject, reports: members.count, staff: staff)
        return incident
    }

    /// Links `ticket` to an open incident and raises the incident's priority as reporters add up.
    ///
    /// Joins take no detection lock (``RoutingRun``), so the incident's row lock makes joins to one incident
    /// take turns: each then counts the reporters of every join committed before it, and the fifth of five
    /// concurrent reporters still sees five. An incident `seen` critical is only linked: no join can raise
    /// it, so a large outage's reports do not queue on its row.
    func join(_ ticket: TicketID, incident: TicketID, seen: Priority, similarity: Double) async throws {
        guard IncidentDetector.joinCanRaise(seen) else {
            try await link(ticket, to: incident, similarity: similarity)
            return
        }
        var id = PostgresBindings(capacity: 1)
        id.append(incident.rawValue)
        _ = try await connection.rows(of: IncidentLockSQL.self, id, logger: logger)
        try await link(ticket, to: incident, similarity: similarity)
        guard let row = try await connection.rows(of: ReportersSQL.self, id, logger: logger).first else { return }
        let (reporters, priorities, current) = try row.decode((Int32, [String], String).self)
        let wanted = IncidentDetector.priority(reporters: Int(reporters), reports: priorities.compactMap(Priority.init(rawValue:)))
        guard let current = Priority(rawValue: current), wanted > current else { return }
        _ = try await connection.query(
            "UPDATE ticket SET priority = \(wanted.rawValue) WHERE id = \(incident.rawValue)", logger: logger
        ).collect()
        try await tickets.recordEvent(
            incident, .priorityChanged, actor: .system,
            data: ["from": .string(current.rawValue), "to": .string(wanted.rawValue), "reporters": .int(Int64(reporters))])
    }

    private func link(_ ticket: TicketID, to incident: TicketID, similarity: Double) async throws {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(incident.rawValue)
        bindings.append(ticket.rawValue)
        guard !(try await connection.rows(of: LinkSQL.self, bindings, logger: logger)).isEmpty else { return }
        try await tickets.recordEvent(
            ticket, .linked, actor: .system,
            data: ["incident_id": .int(incident.rawValue), "similarity": .string(Self.percent(similarity))])
    }

    // Prepared: every report that joins an incident runs these three, and parsing and planning them
    // cost more than running them.
    private enum IncidentLockSQL: RepeatedStatement {
        static let sql = "SELECT 1 FROM ticket WHERE id = $1 FOR NO KEY UPDATE"
        static let parameterTypes: [PostgresDataType] = [.int8]
    }

    private enum LinkSQL: RepeatedStatement {
        static let sql = """
            UPDATE ticket SET parent_incident_id = $1
            WHERE id = $2 AND parent_incident_id IS NULL AND NOT is_incident RETURNING id
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .int8]
    }

    private enum ReportersSQL: RepeatedStatement {
        static let sql = """
            SELECT (SELECT count(DISTINCT requester_id) FROM ticket WHERE parent_incident_id = $1)::int,
                   array(SELECT priority FROM ticket WHERE parent_incident_id = $1),
                   (SELECT priority FROM ticket WHERE id = $1)
            """
        static let parameterTypes: [PostgresDataType] = [.int8]
    }

    /// Every agent on shift hears of the incident, so all of them tell users the same thing.
    private func broadcast(_ incident: TicketID, number: Int64, subject: String, reports: Int, staff: [StaffCandidate]) async throws {
        let notifier = StaffNotifier(connection: connection, jobs: jobs, logger: logger)
        for agent in staff where agent.roles.contains(.agent) && agent.onShift && !agent.isAway {
            try await notifier.notify(
                agent.id, template: "incident_broadcast",
                text: "Incident #\(number): \(reports) people report \"\(subject)\". L2 is on it; link new reports to #\(number) and tell users it is being fixed.",
                ticket: incident, key: "incident:\(incident):broadcast:\(agent.id)",
                extra: ["ticket_number": .int(number), "reports": .int(Int64(reports))])
        }
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
