import Foundation
import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/tickets/{id}/confidential` `{"confidential": true}`: an owner takes an internal
/// matter as a confidential ticket: owners only from then on (`TicketAccess`), on L3, assigned to the
/// owner. `false` makes it an ordinary ticket again. Owners only (`view_complaint`); audited.
struct ConfidentialController: Sendable {
    let database: Database
    let authorizer: Authorizer

    struct Body: Decodable, Sendable { var confidential: Bool }
    struct Result: Encodable, Sendable {
        var id: Int64
        var confidential: Bool
        var line: String
        var assigneeID: Int64?
        enum CodingKeys: String, CodingKey {
            case id, confidential, line
            case assigneeID = "assignee_id"
        }
    }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("tickets/{id}/confidential") { request, context in try await mark(request, context: context) }
    }

    func mark(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorizer.authorizeTicket(context, .viewComplaint)
        let logger = context.logger
        guard let owner = principal.staffID else { throw TicketActionController.forbidden }
        let body = try await JSONBody.decode(Body.self, from: request, limit: TicketActionController.bodyLimit)
        let result = try await database.transaction { connection in
            let rows = try await connection.query(
                """
                UPDATE ticket t SET is_confidential = \(body.confidential),
                    line = CASE WHEN \(body.confidential) THEN 'l3' ELSE t.line END,
                    line_override = CASE WHEN \(body.confidential) THEN 'l3' ELSE t.line_override END,
                    assignee_id = CASE WHEN \(body.confidential) THEN \(owner.rawValue) ELSE t.assignee_id END,
                    team_id = CASE WHEN \(body.confidential)
                                   THEN coalesce((SELECT tm.id FROM team tm WHERE tm.line = 'l3' ORDER BY tm.id LIMIT 1), t.team_id)
                                   ELSE t.team_id END
                FROM ticket old WHERE t.id = \(id.rawValue) AND old.id = t.id
                RETURNING t.line, t.assignee_id, old.is_confidential
                """, logger: logger
            ).collect()
            guard let (line, assignee, wasConfidential) = try rows.first?.decode((String, Int64?, Bool).self) else {
                throw APIError(.notFound, code: "not_found", message: "no ticket \(id)")
            }
            try await TicketStore(connection: connection, logger: logger).recordEvent(
                id, "confidential_changed", actor: .staff(owner),
                data: ["confidential": .bool(body.confidential), "staff_id": .int(owner.rawValue)])
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: owner, actorRole: principal.auditRole.rawValue, action: "ticket.confidential", targetType: "ticket",
                targetID: id.rawValue, before: ["confidential": .bool(wasConfidential)],
                after: ["confidential": .bool(body.confidential), "line": .string(line)]))
            return Result(id: id.rawValue, confidential: body.confidential, line: line, assigneeID: assignee)
        }
        return try JSONBody.response(result)
    }
}
