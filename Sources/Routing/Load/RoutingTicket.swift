import Foundation
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The ticket row routing decides on, locked for the transaction so two routing jobs of one ticket
/// take turns.
struct RoutingTicket: Sendable {
    var id: TicketID
    var number: Int64
    var requesterID: RequesterID?
    var channel: SupportChannel
    var subject: String
    var status: TicketStatus
    var category: SupportSchema.Category?
    var requestedCategory: SupportSchema.Category?
    var assigneeID: StaffID?
    var incidentID: TicketID?
    var isIncident: Bool
    var namedStaffID: StaffID?
    var punishmentID: PunishmentID?
    /// The stored decision, when routing ran before.
    var classification: ClassificationDecision?
    var hasLexemes: Bool
    /// A line set by escalation, kept over the category's line.
    var lineOverride: Line?
    /// The desk settings' version, read with the row (``DeskSettingsCache/settings(at:on:logger:)``).
    var deskVersion: DeskSettings.Version

    /// Locks the tickets in id order (so two transactions sharing tickets take turns, never a deadlock);
    /// a missing ticket has no entry.
    static func lock(_ ids: [TicketID], on connection: PostgresConnection, logger: Logger) async throws -> [TicketID: RoutingTicket] {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(ids.map(\.rawValue))
        var tickets: [TicketID: RoutingTicket] = [:]
        for row in try await connection.rows(of: LockSQL.self, bindings, logger: logger) {
            let ticket = try decode(row)
            tickets[ticket.id] = ticket
        }
        return tickets
    }

    private static func decode(_ row: PostgresRow) throws -> RoutingTicket {
        let (id, number, requester, channel, subject, status, category, requested, assignee, incident, isIncident, named,
             punishment, classification, hasLexemes, lineOverride, instance, version) = try row.decode(
            (Int64, Int64, Int64?, String, String, String, String?, String?, Int64?, Int64?, Bool, Int64?, Int64?, String?, Bool,
             String?, UUID, Int64).self)
        guard let channel = SupportChannel(rawValue: channel), let status = TicketStatus(rawValue: status) else {
            throw RoutingError.unexpectedValue("ticket \(id): channel \(channel), status \(status)")
        }
        return RoutingTicket(
            id: TicketID(id), number: number, requesterID: requester.map { RequesterID($0) }, channel: channel, subject: subject,
            status: status, category: category.flatMap(SupportSchema.Category.init(rawValue:)),
            requestedCategory: requested.flatMap(SupportSchema.Category.init(rawValue:)),
            assigneeID: assignee.map { StaffID($0) }, incidentID: incident.map { TicketID($0) }, isIncident: isIncident,
            namedStaffID: named.map { StaffID($0) }, punishmentID: punishment.map { PunishmentID($0) },
            classification: try classification.map { try JSONDecoder().decode(ClassificationDecision.self, from: Data($0.utf8)) },
            hasLexemes: hasLexemes, lineOverride: lineOverride.flatMap(Line.init(rawValue:)),
            deskVersion: DeskSettings.Version(instance: instance, number: version))
    }

    private enum LockSQL: RepeatedStatement {
        static let sql = """
            SELECT t.id, t.number, t.requester_id, t.channel, t.subject, t.status, t.category, t.requested_category,
                   t.assignee_id, t.parent_incident_id, t.is_incident, t.named_staff_id, t.punishment_id,
                   CASE WHEN t.classification ? 'category' THEN t.classification::text END, t.report_lexemes IS NOT NULL,
                   t.line_override, v.instance, v.version
            FROM ticket t CROSS JOIN desk_settings_version v WHERE t.id = ANY((SELECT $1)::int8[]) ORDER BY t.id FOR UPDATE OF t
            """
        static let parameterTypes: [PostgresDataType] = [.int8Array]
    }
}
