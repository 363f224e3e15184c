import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// `GET /api/v1/tickets` and `GET /api/v1/tickets/{id}` for staff and portal requesters.
///
/// Staff lists apply the row rules in SQL and then ask `Authorization` about every row again; a
/// row the SQL let through but the rules refuse is dropped and logged as a bug. Requesters get
/// their own tickets only, without the desk's fields, internal notes or history.
struct TicketController: Sendable {
    let database: Database
    let authorizer: Authorizer

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("tickets") { request, context in try await list(request, context: context) }
        group.get("tickets/{id}") { _, context in try await show(context: context) }
    }

    func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let logger = context.logger
        let filter = try TicketListQuery.filter(from: request, me: principal.staffID)
        let action: StaffAction = principal.staffID == nil ? .viewTicket : .viewQueue
        try await authorizer.authorize(principal, action, target: .ticket(nil), logger: logger)
        let authorizer = self.authorizer
        let (tickets, more) = try await database.connection { connection -> ([TicketSummary], Bool) in
            let store = TicketReadStore(connection: connection, logger: logger)
            switch principal {
            case .requester(let requester):
                let page = try await store.requesterList(requester: requester, filter: filter)
                return (page.tickets, page.more)
            case .staff(let staff, let roles):
                let page = try await store.staffList(
                    staff: staff, rules: TicketAccess.visibilityRules(for: roles, action: .viewTicket), filter: filter)
                let facts = try await store.accessFacts(page.tickets.map(\.id))
                let shown = page.tickets.filter { ticket in
                    guard let facts = facts[ticket.id], authorizer.mayShow(principal, .viewTicket, ticket: facts) else {
                        logger.error("ticket list SQL let through a ticket the row rules refuse", metadata: ["ticket": "\(ticket.id)"])
                        return false
                    }
                    return true
                }
                return (shown, page.more)
            }
        }
        let items = principal.staffID == nil ? tickets.map { $0.forRequester } : tickets
        let cursor = more ? tickets.last.map { String($0.id.rawValue) } : nil
        return try JSONBody.response(TicketPage(items: items, nextCursor: cursor))
    }

    func show(context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let logger = context.logger
        guard let raw = context.parameters.get("id"), let id = TicketID(raw), id.rawValue > 0 else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a ticket id")
        }
        let facts = try await database.connection { connection in
            try await TicketReadStore(connection: connection, logger: logger).accessFacts(id)
        }
        guard let facts else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
        try await authorizer.authorize(principal, .viewTicket, ticket: facts, target: .ticket(id.rawValue), logger: logger)
        let detail = try await database.connection { connection in
            try await TicketReadStore(connection: connection, logger: logger).detail(id, includeInternal: principal.staffID != nil)
        }
        guard let detail else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
        return try JSONBody.response(detail)
    }
}
