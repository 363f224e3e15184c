import Foundation
import Hummingbird
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Ratings from the portal and the mailed link, and the low-rating policy:
/// - `POST /api/v1/tickets/{id}/csat`: a signed-in requester rates their own finished ticket.
/// - `POST /api/v1/csat`: the mailed link's token rates its ticket without a login.
/// - `GET/PUT /api/v1/settings/csat`: owners (`manage_rules`) read and change the policy, audited.
/// Telegram ratings arrive through intake; every path ends in `CSATRecorder`.
struct CSATController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let queue: JobQueue

    static let bodyLimit = 16 << 10
    static let commentLimit = 2000

    struct RateRequest: Decodable {
        var score: Int
        var comment: String?
    }

    struct TokenRateRequest: Decodable {
        var token: String
        var score: Int
        var comment: String?
    }

    struct Rated: Encodable {
        var ticketID: Int64
        var number: Int64
        var score: Int
        var reopened: Bool
        enum CodingKeys: String, CodingKey {
            case number, score, reopened
            case ticketID = "ticket_id"
        }
    }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("tickets/{id}/csat") { request, context in try await rateOwn(request, context: context) }
        group.post("csat") { request, context in try await rateByToken(request, context: context) }
        group.get("settings/csat") { _, context in try await policy(context: context) }
        group.put("settings/csat") { request, context in try await setPolicy(request, context: context) }
    }

    func rateOwn(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorizer.authorizeTicket(context, .viewTicket)
        guard let requester = principal.requesterID else {
            try await authorizer.deny(
                principal, code: "requester_only", message: "only the requester rates their ticket", action: nil,
                target: .ticket(id.rawValue), logger: context.logger)
        }
        let body = try await JSONBody.decode(RateRequest.self, from: request, limit: Self.bodyLimit)
        let (score, comment) = try Self.validated(body.score, body.comment)
        return try JSONBody.response(try await rate(id, score: score, comment: comment, by: requester, logger: context.logger))
    }

    func rateByToken(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(TokenRateRequest.self, from: request, limit: Self.bodyLimit)
        guard (1...200).contains(body.token.unicodeScalars.count), !body.token.unicodeScalars.contains("\0") else {
            throw APIError(.badRequest, code: "invalid_field", message: "token: 1 to 200 characters, no NUL")
        }
        let (score, comment) = try Self.validated(body.score, body.comment)
        let (ticket, requester) = try await linked(body.token, logger: context.logger)
        return try JSONBody.response(try await rate(ticket, score: score, comment: comment, by: requester, logger: context.logger))
    }

    /// The ticket and requester a mailed link's token rates.
    /// - Throws: 409 `invalid_token` for an unknown or expired link.
    func linked(_ token: String, logger: Logger) async throws -> (TicketID, RequesterID) {
        let found = try await database.connection { connection -> (TicketID, RequesterID)? in
            guard let ticket = try await CSATLinkStore(connection: connection, logger: logger).ticket(token: token),
                let requester = try await TicketStore(connection: connection, logger: logger).ticket(ticket)?.requesterID
            else { return nil }
            return (ticket, requester)
        }
        guard let found else { throw APIError(.conflict, code: "invalid_token", message: "the rating link is unknown or expired") }
        return found
    }

    /// Records the rating (one path for the API and the portal pages).
    /// - Throws: 404 for no ticket, 409 `not_finished` while it is active.
    func rate(_ ticket: TicketID, score: Int, comment: String?, by requester: RequesterID, logger: Logger) async throws -> Rated {
        let recorded = try await queue.transaction { connection, jobs -> CSATRecorder.Recorded in
            guard let status = try await TicketStore(connection: connection, logger: logger).ticket(ticket)?.status else {
                throw APIError(.notFound, code: "not_found", message: "no ticket \(ticket)")
            }
            guard !status.isActive else {
                throw APIError(.conflict, code: "not_finished", message: "ticket \(ticket) is not resolved yet: rate it when it is")
            }
            guard let recorded = try await CSATRecorder(connection: connection, jobs: jobs, logger: logger)
                .record(ticket, score: score, comment: comment, by: requester)
            else { throw APIError(.notFound, code: "not_found", message: "no ticket \(ticket)") }
            return recorded
        }
        return Rated(ticketID: ticket.rawValue, number: recorded.number, score: score, reopened: recorded.reopened)
    }

    static func validated(_ score: Int, _ comment: String?) throws -> (Int, String?) {
        guard (1...5).contains(score) else { throw APIError(.badRequest, code: "invalid_field", message: "score: 1 to 5") }
        let text = try PlainText.optional(comment, "comment", max: commentLimit)
        return (score, PlainText.hasContent(text) ? text : nil)
    }

    func policy(context: APIRequestContext) async throws -> Response {
        _ = try await settingsAllowed(context)
        let logger = context.logger
        let policy = try await database.connection { connection in
            try await CSATSettingsStore(connection: connection, logger: logger).policy()
        }
        return try JSONBody.response(policy)
    }

    func setPolicy(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try await settingsAllowed(context)
        let policy = try await JSONBody.decode(CSATPolicy.self, from: request, limit: Self.bodyLimit)
        guard CSATPolicy.lowScoreRange.contains(policy.lowScoreMax) else {
            throw APIError(.badRequest, code: "invalid_field", message: "low_score_max: 0 to 4 (0 turns the policy off)")
        }
        let logger = context.logger
        try await database.transaction { connection in
            let store = CSATSettingsStore(connection: connection, logger: logger)
            let before = try await store.policy(forUpdate: true)
            try await store.set(policy, by: principal.staffID)
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: "csat_setting.update",
                targetType: "csat_setting", targetID: 1, before: Self.fields(before), after: Self.fields(policy)))
        }
        return try JSONBody.response(policy)
    }

    static func fields(_ policy: CSATPolicy) -> [String: StoredJSON] {
        ["low_score_max": .int(Int64(policy.lowScoreMax)), "on_low": .string(policy.onLow.rawValue)]
    }

    private func settingsAllowed(_ context: APIRequestContext) async throws -> Principal {
        let principal = try authorizer.principal(context)
        try await authorizer.authorize(principal, .manageRules, target: AuditTarget(type: "csat_setting", id: 1), logger: context.logger)
        return principal
    }
}
