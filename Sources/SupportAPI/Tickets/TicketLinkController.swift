import Hummingbird
import JobQueue
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/tickets/{id}/link` (`{"incident_id": N}`), `…/unlink` and `…/merge` (`{"into": N}`):
/// staff with `merge` on both tickets tie duplicate reports to an incident or fold one requester's
/// duplicate into another ticket. Audited in the same transaction.
struct TicketLinkController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let queue: JobQueue

    struct LinkRequest: Decodable {
        var incidentID: Int64
        enum CodingKeys: String, CodingKey { case incidentID = "incident_id" }
    }

    struct MergeRequest: Decodable {
        var into: Int64
    }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("tickets/{id}/link") { request, context in
            _ = try authorizer.principal(context)
            return try await link(context, incident: try await JSONBody.decode(LinkRequest.self, from: request, limit: 64 << 10).incidentID)
        }
        group.post("tickets/{id}/unlink") { _, context in try await unlink(context) }
        group.post("tickets/{id}/merge") { request, context in
            _ = try authorizer.principal(context)
            return try await merge(context, into: try await JSONBody.decode(MergeRequest.self, from: request, limit: 64 << 10).into)
        }
    }

    /// The `{id}` ticket becomes a report of `incident` (the API and the console).
    func link(_ context: APIRequestContext, incident: Int64) async throws -> Response {
        try await act(context, other: incident, field: "incident_id", action: "ticket.link") { links, ticket, other, staff in
            try await links.link(ticket, to: other!, by: staff)
        }
    }

    func unlink(_ context: APIRequestContext) async throws -> Response {
        try await act(context, other: nil, field: nil, action: "ticket.unlink") { links, ticket, _, staff in
            try await links.unlink(ticket, by: staff)
        }
    }

    /// The `{id}` ticket is folded into `into`.
    func merge(_ context: APIRequestContext, into: Int64) async throws -> Response {
        try await act(context, other: into, field: "into", action: "ticket.merge") { links, ticket, other, staff in
            try await links.merge(ticket, into: other!, by: staff)
        }
    }

    /// Authorizes `merge` on the ticket (and on the other one), runs `body` and audits it, in one transaction.
    private func act(
        _ context: APIRequestContext, other raw: Int64?, field: String?, action: String,
        _ body: @escaping @Sendable (TicketLinks, TicketID, TicketID?, StaffID) async throws -> Void
    ) async throws -> Response {
        let principal = try authorizer.principal(context)
        guard let text = context.parameters.get("id"), let ticket = TicketID(text) else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a ticket id")
        }
        var other: TicketID?
        if let raw, let field {
            guard raw > 0 else { throw APIError(.badRequest, code: "invalid_field", message: "\(field): a ticket id") }
            other = TicketID(raw)
        }
        for id in [ticket] + (other.map { [$0] } ?? []) {
            let logger = context.logger
            let facts = try await database.connection { try await TicketReadStore(connection: $0, logger: logger).accessFacts(id) }
            guard let facts else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
            try await authorizer.authorize(principal, .merge, ticket: facts, target: .ticket(id.rawValue), logger: logger)
        }
        guard let staff = principal.staffID else { throw TicketActionController.forbidden }
        let logger = context.logger
        let target = other
        do {
            try await queue.transaction { connection, jobs in
                try await body(TicketLinks(connection: connection, jobs: jobs, logger: logger), ticket, target, staff)
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: action, targetType: "ticket",
                    targetID: ticket.rawValue, after: target.map { ["other_ticket_id": .int($0.rawValue)] }))
            }
        } catch let refusal as TicketLinks.Refusal {
            switch refusal {
            case .notFound: throw APIError(.notFound, code: "not_found", message: refusal.description)
            case .conflict: throw APIError(.conflict, code: "conflict", message: refusal.description)
            }
        }
        return Response(status: .noContent)
    }
}
