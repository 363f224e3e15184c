import Foundation
import Hummingbird
import JobQueue
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/tickets/{id}/appeal-decision`: a moderator (not the issuer) or an owner upholds,
/// reduces or lifts the punishment a moderation appeal is about, with reasons.
///
/// One transaction: the punishment changes, the decision is recorded, the requester gets the
/// reasons on their channel, the ticket is resolved, the audit row is written. Repeating the same
/// decision returns it; a different one for the same ticket is 409.
struct AppealDecisionController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let queue: JobQueue
    /// For the rating link mailed when a reply resolves a ticket.
    var publicURL = "http://127.0.0.1:8080"

    struct Body: Decodable, Sendable {
        var outcome: AppealOutcome
        var reasons: String
        var expiresAt: String?
        enum CodingKeys: String, CodingKey {
            case outcome, reasons
            case expiresAt = "expires_at"
        }
    }

    /// An RFC 3339 time, with or without fractional seconds.
    static func time(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return plain.date(from: text) ?? fractional.date(from: text)
    }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("tickets/{id}/appeal-decision") { request, context in try await decide(request, context: context) }
    }

    func decide(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorizer.authorizeTicket(context, .decideAppeal)
        let logger = context.logger
        guard principal.staffID != nil else { throw TicketActionController.forbidden }
        let body = try await JSONBody.decode(Body.self, from: request, limit: TicketActionController.bodyLimit)
        let reasons = try PlainText.required(body.reasons, "reasons", max: 10_000)
        let decision = try await Self.decide(
            principal: principal, ticket: id, outcome: body.outcome, reasons: reasons, expiresAt: body.expiresAt, authorizer: authorizer,
            queue: queue, publicURL: publicURL, logger: logger)
        return try JSONBody.response(decision)
    }

    /// The decision, its effects and audit row in one transaction; a refusal for who asked is an audited
    /// 403, one for the appeal's state a 409 (the API and the console).
    static func decide(
        principal: Principal, ticket id: TicketID, outcome: AppealOutcome, reasons: String, expiresAt: String?, authorizer: Authorizer,
        queue: JobQueue, publicURL: String, logger: Logger
    ) async throws -> AppealDecisionView {
        guard case .staff(let staff, let roles) = principal else { throw TicketActionController.forbidden }
        let refusal: AppealDecisionRule.Refusal
        do {
            let decision = try await queue.transaction { connection, jobs in
                guard let appeal = try await AppealCase.load(id, on: connection, logger: logger) else {
                    throw APIError(.conflict, code: "not_an_appeal", message: "ticket \(id) is not a moderation appeal about a known punishment")
                }
                if let done = appeal.decision {
                    guard done.outcome == outcome.rawValue, done.reasons == reasons else {
                        throw APIError(.conflict, code: "already_decided", message: "the appeal on ticket \(id) was decided: \(done.outcome)")
                    }
                    return done
                }
                // Read only where it counts: the end of a reduced punishment.
                var expiry: Date?
                if outcome == .reduce, let text = expiresAt {
                    guard let date = Self.time(text) else {
                        throw APIError(.badRequest, code: "invalid_field", message: "expires_at: an RFC 3339 time such as 2026-12-01T10:00:00Z")
                    }
                    expiry = date
                }
                let round = AppealDecisionRule.round(afterDecisions: appeal.previousDecisions)
                let change = try AppealDecisionRule.decide(
                    outcome, newExpiry: expiry, by: staff, roles: roles, on: appeal.punishment, round: round, now: Date())
                let decision = try await appeal.record(
                    outcome, change: change, reasons: reasons, round: round ?? 2, by: staff, on: connection, logger: logger)
                let words = ["uphold": "the punishment stands", "reduce": "the punishment is shortened", "lift": "the punishment is lifted"]
                let text = "Your appeal was reviewed: \(words[outcome.rawValue] ?? outcome.rawValue). Reasons: \(reasons)"
                _ = try await StaffReply(ticketID: id, staffID: staff, body: text, isInternal: false, status: .resolved, publicURL: publicURL)
                    .save(on: connection, jobs: jobs, logger: logger)
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "punishment.appeal_decide",
                    targetType: "punishment", targetID: appeal.punishmentID.rawValue,
                    before: ["lifted": .bool(appeal.punishment.lifted),
                             "expires_at": .optional(appeal.punishment.expiresAt.map { $0.formatted(.iso8601) })],
                    after: ["outcome": .string(outcome.rawValue), "round": .int(Int64(decision.round)),
                            "ticket_id": .int(id.rawValue)],
                    reason: reasons))
                return decision
            }
            return decision
        } catch let error as AppealDecisionRule.Refusal {
            refusal = error
        }
        switch refusal {
        case .issuer, .notModerator, .ownersOnly:
            let code = refusal == .issuer ? "conflict_of_interest" : "role_not_allowed"
            try await authorizer.deny(principal, code: code, message: refusal.description, action: .decideAppeal,
                                      target: .ticket(id.rawValue), logger: logger)
        default:
            throw APIError(.conflict, code: "appeal_refused", message: refusal.description)
        }
    }
}
