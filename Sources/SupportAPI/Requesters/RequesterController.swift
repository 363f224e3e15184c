import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// `GET /api/v1/requesters/{id}`: the requester's account across channels — identities, tickets
/// (only those the caller may see, by the row rules), deals, disputes, punishments, CSAT.
/// `POST /api/v1/requesters/{id}/merge` (`{"into": N}`): staff with `merge` fold a duplicate requester
/// into another; the history moves (its answer counts only the tickets the caller may see). Both for
/// staff; the merge is audited.
struct RequesterController: Sendable {
    let database: Database
    let authorizer: Authorizer

    struct MergeRequest: Decodable {
        var into: Int64
    }

    struct MergeResult: Encodable {
        var from: Int64
        var into: Int64
        var tickets: Int
        var identities: Int
        var deals: Int
        var disputes: Int
        var punishments: Int
    }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("requesters/{id}") { _, context in try await show(context: context) }
        group.post("requesters/{id}/merge") { request, context in try await merge(request, context: context) }
    }

    func show(context: APIRequestContext) async throws -> Response {
        try JSONBody.response(try await account(try Self.id(context), principal: try authorizer.principal(context), logger: context.logger))
    }

    /// The account as `principal` may see it (staff only, audited refusals; tickets by the row rules), or 404.
    func account(_ id: RequesterID, principal: Principal, logger: Logger) async throws -> RequesterAccount {
        if principal.staffID == nil {
            try await authorizer.deny(
                principal, code: "staff_only", message: "a requester's account is for staff", action: .viewTicket,
                target: AuditTarget(type: "requester", id: id.rawValue), logger: logger)
        }
        try await authorizer.authorize(principal, .viewTicket, target: AuditTarget(type: "requester", id: id.rawValue), logger: logger)
        let authorizer = self.authorizer
        let account = try await database.connection { connection -> RequesterAccount? in
            guard let account = try await Self.mapped({ try await RequesterAccount.load(id, on: connection, logger: logger) }) else {
                return nil
            }
            let facts = try await TicketReadStore(connection: connection, logger: logger).accessFacts(account.tickets.map { TicketID($0.id) })
            return account.filteringTickets { ticket in
                facts[TicketID(ticket)].map { authorizer.mayShow(principal, .viewTicket, ticket: $0) } ?? false
            }
        }
        guard let account else { throw APIError(.notFound, code: "not_found", message: "no requester \(id)") }
        return account
    }

    func merge(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let id = try Self.id(context)
        try await authorizer.authorize(principal, .merge, target: AuditTarget(type: "requester", id: id.rawValue), logger: context.logger)
        let into = try await JSONBody.decode(MergeRequest.self, from: request, limit: 64 << 10).into
        guard into > 0 else { throw APIError(.badRequest, code: "invalid_field", message: "into: a requester id") }
        guard let staff = principal.staffID else { throw APIError(.forbidden, code: "staff_only", message: "staff only") }
        let logger = context.logger
        let authorizer = self.authorizer
        let (summary, shown) = try await Self.mapped {
            try await database.transaction { connection in
                let summary = try await RequesterStore(connection: connection, logger: logger).merge(id, into: RequesterID(into), by: staff)
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "requester.merge",
                    targetType: "requester", targetID: summary.from.rawValue,
                    after: ["into": .int(summary.into.rawValue), "tickets": .int(Int64(summary.tickets))]))
                // The count says nothing of tickets the caller may not see (a complaint naming them).
                let facts = try await TicketReadStore(connection: connection, logger: logger).accessFacts(summary.ticketIDs)
                return (summary, facts.values.filter { authorizer.mayShow(principal, .viewTicket, ticket: $0) }.count)
            }
        }
        return try JSONBody.response(MergeResult(
            from: summary.from.rawValue, into: summary.into.rawValue, tickets: shown, identities: summary.identities,
            deals: summary.deals, disputes: summary.disputes, punishments: summary.punishments))
    }

    static func id(_ context: APIRequestContext) throws -> RequesterID {
        guard let raw = context.parameters.get("id"), let value = Int64(raw), value > 0 else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a requester id")
        }
        return RequesterID(value)
    }

    static func mapped<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RequesterStoreError {
            switch error.code {
            case .notFound: throw APIError(.notFound, code: "not_found", message: error.description)
            default: throw APIError(.conflict, code: "merge_refused", message: error.description)
            }
        }
    }
}
