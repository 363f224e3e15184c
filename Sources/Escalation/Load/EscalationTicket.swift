import Foundation
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The ticket row the escalation worker acts on, locked for its transaction.
struct EscalationTicket: Sendable {
    var id: TicketID
    var number: Int64
    var subject: String
    var status: TicketStatus
    var line: Line
    var category: SupportSchema.Category?
    var isIncident: Bool
    var assigneeID: StaffID?
    var teamID: TeamID?
    var teamLeadID: StaffID?
    var namedStaffID: StaffID?
    var isConfidential: Bool
    var generation: Int64

    static func lock(_ id: TicketID, on connection: PostgresConnection, logger: Logger) async throws -> EscalationTicket? {
        let rows = try await connection.query(
            """
            SELECT t.number, t.subject, t.status, t.line, t.category, t.is_incident, t.assignee_id, t.team_id,
                   tm.lead_staff_id, t.named_staff_id, t.is_confidential, t.sla_generation
            FROM ticket t LEFT JOIN team tm ON tm.id = t.team_id
            WHERE t.id = \(id.rawValue) FOR UPDATE OF t
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (number, subject, status, line, category, isIncident, assignee, team, lead, named, confidential, generation) = try row.decode(
            (Int64, String, String, String, String?, Bool, Int64?, Int64?, Int64?, Int64?, Bool, Int64).self)
        guard let status = TicketStatus(rawValue: status), let line = Line(rawValue: line) else {
            throw TicketStoreError.unexpectedValue("ticket \(id): status \(status), line \(line)")
        }
        return EscalationTicket(
            id: id, number: number, subject: subject, status: status, line: line,
            category: category.flatMap(SupportSchema.Category.init(rawValue:)), isIncident: isIncident,
            assigneeID: assignee.map { StaffID($0) }, teamID: team.map { TeamID($0) }, teamLeadID: lead.map { StaffID($0) },
            namedStaffID: named.map { StaffID($0) }, isConfidential: confidential, generation: generation)
    }

    /// The staff who hold a line: L1 the ticket's team (agents without one), L2 coders, L3 owners.
    func lineStaff(_ line: Line, on connection: PostgresConnection, logger: Logger) async throws -> [StaffID] {
        let query: PostgresQuery =
            switch line {
            case .l1 where line == self.line && teamID != nil:
                """
                SELECT s.id FROM staff s JOIN team_member m ON m.staff_id = s.id
                WHERE s.active AND m.team_id = \(teamID!.rawValue) ORDER BY s.id
                """
            case .l1: "SELECT id FROM staff WHERE active AND 'agent' = ANY(roles) ORDER BY id"
            case .l2: "SELECT id FROM staff WHERE active AND 'coder' = ANY(roles) ORDER BY id"
            case .l3: "SELECT id FROM staff WHERE active AND 'owner' = ANY(roles) ORDER BY id"
            }
        return try await connection.query(query, logger: logger).collect().map { StaffID(try $0.decode(Int64.self)) }
            .filter { $0 != namedStaffID }
    }
}
