import AnswerDrafts
import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/tickets/{id}/draft-reply`: an answer drafted by the optional LLM from the knowledge-base
/// articles staff may see, for the agent to edit and send (`reply` on the ticket; requesters get an
/// audited 403). Nothing is sent to the requester. 409 `llm_disabled` when no endpoint is configured,
/// 502 `llm_unavailable` when the endpoint fails; each draft is audited (`ticket.draft`), since the
/// ticket's text left the platform.
struct DraftReplyController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let drafter: AnswerDrafter?

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("tickets/{id}/draft-reply") { _, context in try await draft(context: context) }
    }

    func draft(context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorizer.authorizeTicket(context, .reply)
        let staff = try await authorizer.staffOnly(principal, action: .reply, target: .ticket(id.rawValue), logger: context.logger)
        guard let drafter else {
            throw APIError(.conflict, code: "llm_disabled", message: "answer drafts are off: no LLM endpoint is configured (SUPPORT_LLM_URL)")
        }
        let logger = context.logger
        let material = try await database.connection { connection in
            try await AnswerDrafter.material(for: id, reader: .staff, on: connection, logger: logger)
        }
        guard let material else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
        let draft: AnswerDraft
        do {
            draft = try await drafter.draft(material, audience: .agent)
        } catch {
            logger.warning("answer draft failed", metadata: ["ticket_id": "\(id)", "error": "\(error)"])
            throw APIError(.badGateway, code: "llm_unavailable", message: "no draft: \(error.message)")
        }
        try await database.transaction { connection in
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "ticket.draft", targetType: "ticket",
                targetID: id.rawValue,
                after: ["model": .string(draft.model), "article_ids": .array(draft.articleIDs.map { .int($0.rawValue) })]))
        }
        return try JSONBody.response(draft)
    }
}
