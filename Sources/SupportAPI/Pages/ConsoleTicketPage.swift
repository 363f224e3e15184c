import Foundation
import Hummingbird
import JobQueue
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// The console's ticket page: thread and notes, suggested articles and macros, links to the incident
/// and its reports, the requester's account, and the forms (reply or note, macro, escalate, link,
/// merge), each through the API's own code path and audit.
struct ConsoleTicketPage: Sendable {
    let console: ConsolePages

    var database: Database { console.database }
    var authorizer: Authorizer { console.authorizer }
    var macros: MacroController { MacroController(database: database, authorizer: authorizer, queue: console.queue, publicURL: console.publicURL) }

    func add(to router: Router<APIRequestContext>) {
        router.get("console/tickets/{id}") { request, context in
            guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
            return try await render(session, flash: request.uri.queryParameters.get("done").flatMap { session.words["done_\($0)"] })
        }
        ConsoleTicketActions(page: self).add(to: router)
        ConsoleRequesterPage(console: console).add(to: router)
    }

    /// The page for the `{id}` ticket; a refusal renders the standard 403/404 page instead.
    func render(_ console: ConsoleSession, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (locale, words, logger, principal) = (console.locale, console.words, console.context.logger, console.principal)
        let id: TicketID
        do {
            (_, id) = try await authorizer.authorizeTicket(console.context, .viewTicket)
        } catch let refusal as APIError where [.notFound, .forbidden, .badRequest].contains(refusal.status) {
            var values = console.base(title: words["not_found"] ?? "", current: "queue")
            values["error"] = refusal.status == .forbidden ? refusal.message : words["not_found"]
            return self.console.renderer.page("portal_login", locale: locale, values: values, status: refusal.status)
        }
        let authorizer = self.authorizer
        guard let (detail, links) = try await database.connection({ connection -> (TicketDetail, (TicketSummary?, [TicketSummary]))? in
            let store = TicketReadStore(connection: connection, logger: logger)
            guard let detail = try await store.detail(id, includeInternal: true) else { return nil }
            let (incident, reports) = try await store.links(of: id)
            let facts = try await store.accessFacts(reports.map(\.id) + (incident.map { [$0.id] } ?? []))
            let visible = { (ticket: TicketSummary) in facts[ticket.id].map { authorizer.mayShow(principal, .viewTicket, ticket: $0) } ?? false }
            return (detail, (incident.flatMap { visible($0) ? $0 : nil }, reports.filter(visible)))
        }) else { return PageRenderer.redirect("/console") }
        let suggestions = try await macros.suggestions(for: id, principal: principal, logger: logger)
        let usable = try await database.connection { connection in
            try await MacroStore(connection: connection, logger: logger).usable(by: console.staff)
        }
        let ticket = detail.ticket
        let sla = PageFormat.countdown(to: ticket.slaDueAt, now: Date())
        let roles = console.roles
        var values = console.base(title: "#\(ticket.number)", current: "queue")
        values.merge([
            "id": id.rawValue, "number": ticket.number, "subject": ticket.subject,
            "status": PageFormat.status(ticket.status, locale: locale), "line": ticket.line?.rawValue.uppercased() ?? "—",
            "priority": ticket.priority?.rawValue ?? "—", "category": ticket.category?.rawValue ?? "—",
            "channel": ticket.channel.rawValue, "sla": sla.text, "slaClass": sla.cssClass,
            "requesterID": ticket.requesterID?.rawValue ?? 0, "hasRequester": ticket.requesterID != nil,
            "isIncident": ticket.isIncident ?? false,
            "messages": detail.messages.map { message -> [String: Any] in
                let author = message.isInternal ? "note" : (message.authorKind == .requester ? "requester" : "staff")
                let who = message.isInternal ? words["note"] : (message.authorKind == .requester ? words["requester"] : words["support"])
                return ["author": author, "who": who ?? "", "at": PageFormat.time(message.createdAt), "body": message.body]
            },
            "statuses": StaffReply.settable.map { ["value": $0.rawValue, "label": PageFormat.status($0, locale: locale)] },
            "articles": suggestions.articles.map { ["title": $0.title, "snippet": PageFormat.highlighted($0.snippet)] as [String: Any] },
            "hasArticles": !suggestions.articles.isEmpty,
            "suggestedMacros": suggestions.macros.map { ["id": $0.id, "title": $0.title] as [String: Any] },
            "macros": usable.map { ["id": $0.id, "title": $0.title] as [String: Any] },
            "hasMacros": !usable.isEmpty,
            "mayEscalate": Permissions.allows(roles: roles, action: .escalate),
            "mayMerge": Permissions.allows(roles: roles, action: .merge),
            "reports": links.1.map { ["id": $0.id.rawValue, "number": $0.number, "subject": $0.subject,
                                      "status": PageFormat.status($0.status, locale: locale)] as [String: Any] },
            "hasReports": !links.1.isEmpty,
        ]) { $1 }
        if let incident = links.0 { values["incident"] = ["incidentID": incident.id.rawValue, "incidentNumber": incident.number, "incidentSubject": incident.subject] }
        if let flash { values["flash"] = flash }
        if let error { values["error"] = error }
        return self.console.renderer.page("console_ticket", locale: locale, values: values, status: status)
    }
}
