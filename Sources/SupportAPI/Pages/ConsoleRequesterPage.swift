import Foundation
import Hummingbird
import SupportDomain
import SupportSchema
import SupportStore

/// `GET /console/requesters/{id}`: the requester's account as `GET /api/v1/requesters/{id}` gives it
/// (every channel, the tickets the viewer may see, deals, disputes, punishments, CSAT).
struct ConsoleRequesterPage: Sendable {
    let console: ConsolePages

    func add(to router: Router<APIRequestContext>) {
        router.get("console/requesters/{id}") { request, context in
            guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
            return try await render(session)
        }
    }

    func render(_ session: ConsoleSession) async throws -> Response {
        let (words, locale) = (session.words, session.locale)
        let account: RequesterAccount
        do {
            account = try await RequesterController(database: console.database, authorizer: console.authorizer)
                .account(RequesterController.id(session.context), principal: session.principal, logger: session.context.logger)
        } catch let refusal as APIError where refusal.status.code < 500 {
            var values = session.base(title: words["not_found"] ?? "", current: "queue")
            values["error"] = refusal.message
            return console.renderer.page("portal_login", locale: locale, values: values, status: refusal.status)
        }
        var values = session.base(title: account.displayName, current: "queue")
        values.merge([
            "name": account.displayName, "contractName": account.contractName ?? "", "contractEmail": account.contractEmail ?? "",
            "locale": account.locale, "csat": account.csatAverage.map { String(format: "%.1f", $0) } ?? "—",
            "identities": account.identities.map { ["channel": $0.channel, "externalID": $0.externalID, "display": $0.display ?? "",
                                                    "verified": $0.verified] as [String: Any] },
            "tickets": account.tickets.map { ticket -> [String: Any] in
                ["id": ticket.id, "number": ticket.number, "subject": ticket.subject, "channel": ticket.channel,
                 "status": TicketStatus(rawValue: ticket.status).map { PageFormat.status($0, locale: locale) } ?? ticket.status,
                 "csat": ticket.csatScore.map(String.init) ?? "", "at": PageFormat.time(ticket.createdAt)]
            },
            "deals": account.deals.map { ["ref": $0.externalRef, "role": $0.role, "amount": "\($0.amount) \($0.currency)", "status": $0.status] },
            "disputes": account.disputes.map { ["id": $0.id, "deal": $0.dealID, "state": $0.state, "role": $0.role] as [String: Any] },
            "punishments": account.punishments.map { punishment -> [String: Any] in
                ["kind": punishment.kind, "chat": punishment.chatID, "reason": punishment.reason, "at": PageFormat.time(punishment.issuedAt),
                 "until": punishment.expiresAt.map(PageFormat.time) ?? "∞", "lifted": punishment.lifted]
            },
        ]) { $1 }
        return console.renderer.page("console_requester", locale: locale, values: values)
    }
}
