import Foundation
import Hummingbird
import SupportDomain
import SupportSchema
import SupportStore

/// The ticket page's forms. Each checks the session's CSRF value, then calls the API's own code path
/// (permission, row rules, audit row, one transaction); a refusal re-renders the page with the API's
/// message and status, and success redirects back with a notice.
struct ConsoleTicketActions: Sendable {
    let page: ConsoleTicketPage

    var console: ConsolePages { page.console }

    struct Form: Decodable {
        var csrf: String?
        var body: String?
        var isInternal: String?
        var status: String?
        var macroID: String?
        var direction: String?
        var reason: String?
        var number: String?
        enum CodingKeys: String, CodingKey {
            case csrf, body, status, direction, reason, number
            case isInternal = "internal"
            case macroID = "macro_id"
        }
    }

    func add(to router: Router<APIRequestContext>) {
        post(router, "messages") { session, form, id in
            let isInternal = form.isInternal == "1"
            let (principal, _) = try await console.authorizer.authorizeTicket(session.context, isInternal ? .internalNote : .reply)
            guard let body = PageFormat.message(form.body) else { throw Self.invalid(session.words["blank_message"] ?? "") }
            let status = form.status.flatMap { TicketStatus(rawValue: $0) }.flatMap { StaffReply.settable.contains($0) ? $0 : nil }
            _ = try await TicketActionController.saveStaffMessage(
                principal: principal, staff: session.staff, ticket: id, body: (body, isInternal, status), queue: console.queue,
                publicURL: console.publicURL, logger: session.context.logger)
            return "sent"
        }
        post(router, "macro") { session, form, id in
            let (principal, _) = try await console.authorizer.authorizeTicket(session.context, .reply)
            guard let macro = form.macroID.flatMap({ Int64($0) }) else { throw Self.invalid(session.words["pick_macro"] ?? "") }
            _ = try await page.macros.apply(macro: macro, to: id, principal: principal, logger: session.context.logger)
            return "macro"
        }
        post(router, "escalate") { session, form, id in
            let (principal, _) = try await console.authorizer.authorizeTicket(session.context, .escalate)
            let (direction, reason) = try EscalateRequest(direction: form.direction ?? "", reason: form.reason ?? "").validated()
            _ = try await TicketActionController(database: console.database, authorizer: console.authorizer, queue: console.queue)
                .escalate(id, direction, reason: reason, principal: principal, logger: session.context.logger)
            return direction == .up ? "escalated" : "deescalated"
        }
        post(router, "link") { session, form, _ in
            let other = try await number(form.number, session: session)
            _ = try await links.link(session.context, incident: other.rawValue)
            return "linked"
        }
        post(router, "unlink") { session, _, _ in
            _ = try await links.unlink(session.context)
            return "unlinked"
        }
        post(router, "merge") { session, form, _ in
            let other = try await number(form.number, session: session)
            _ = try await links.merge(session.context, into: other.rawValue)
            return "merged"
        }
    }

    var links: TicketLinkController { TicketLinkController(database: console.database, authorizer: console.authorizer, queue: console.queue) }

    static func invalid(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_field", message: message) }

    /// The ticket a typed number (`#123` or `123`) names, or a 400 naming the field.
    func number(_ text: String?, session: ConsoleSession) async throws -> TicketID {
        let digits = (text ?? "").trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))
        guard let number = Int64(digits), number > 0 else { throw Self.invalid(session.words["bad_number"] ?? "") }
        let logger = session.context.logger
        guard let id = try await console.database.connection({ try await TicketReadStore(connection: $0, logger: logger).id(number: number) }) else {
            throw APIError(.notFound, code: "not_found", message: "\(session.words["no_ticket"] ?? "") #\(number)")
        }
        return id
    }

    /// `POST /console/tickets/{id}/<action>`: CSRF, then `body`; its answer names the notice shown after
    /// the redirect.
    func post(
        _ router: Router<APIRequestContext>, _ action: String,
        _ body: @escaping @Sendable (ConsoleSession, Form, TicketID) async throws -> String
    ) {
        router.post("console/tickets/{id}/\(action)") { request, context in
            guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
            let form = try await PageGate.decode(Form.self, from: request)
            guard form.csrf == session.page.csrf else { return PageGate.csrfRefused() }
            guard let raw = context.parameters.get("id"), let id = TicketID(raw) else { return PageRenderer.redirect("/console") }
            do {
                let done = try await body(session, form, id)
                return PageRenderer.redirect("/console/tickets/\(id)?done=\(done)")
            } catch let refusal as APIError where refusal.status.code < 500 {
                return try await page.render(session, error: refusal.message, status: refusal.status)
            }
        }
    }
}
