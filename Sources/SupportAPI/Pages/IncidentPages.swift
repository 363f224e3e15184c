import Foundation
import Hummingbird
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The coder's view: open incidents and L2 bugs with their linked reports, and an incident's page with
/// the "mark fixed" form, which goes through `TicketActionController.markFixed` (the same rule, audit
/// row and notification of every linked requester as `POST /api/v1/tickets/{id}/fixed`).
struct IncidentPages: Sendable {
    let console: ConsolePages

    var database: Database { console.database }

    func add(to router: Router<APIRequestContext>) {
        router.get("console/incidents") { request, context in try await list(request, context: context) }
        router.get("console/incidents/{id}") { request, context in try await incident(request, context: context, note: nil, error: nil) }
        router.post("console/incidents/{id}/fixed") { request, context in try await fixed(request, context: context) }
    }

    /// The API's rule for marking fixed: L2 coders and owners; others get the same audited 403.
    private func l2Only(_ session: ConsoleSession, ticket: Int64?) async throws {
        guard !session.roles.contains(.coder), !session.roles.contains(.owner) else { return }
        try await console.authorizer.deny(
            session.principal, code: "not_l2", message: "only L2 coders (or owners) mark a bug or an incident fixed", action: .escalate,
            target: .ticket(ticket), logger: session.context.logger)
    }

    // MARK: list

    func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        try await l2Only(session, ticket: nil)
        let logger = session.context.logger
        let (rows, facts) = try await database.connection { connection in
            let rows = try await connection.query(
                """
                SELECT t.id, t.number, t.subject, t.status, t.is_incident, t.created_at,
                       (SELECT count(*) FROM ticket r WHERE r.parent_incident_id = t.id)::int
                FROM ticket t
                WHERE (t.is_incident OR (t.category = 'technical' AND t.line = 'l2')) AND t.status NOT IN ('resolved', 'closed')
                ORDER BY t.is_incident DESC, t.created_at LIMIT 200
                """, logger: logger
            ).collect().map { try $0.decode((Int64, Int64, String, String, Bool, Date, Int).self) }
            let facts = try await TicketReadStore(connection: connection, logger: logger).accessFacts(rows.map { TicketID($0.0) })
            return (rows, facts)
        }
        // The row rules, as on the queue: the authorizer decides each row.
        let shown = rows.filter { row in facts[TicketID(row.0)].map { console.authorizer.mayShow(session.principal, .viewTicket, ticket: $0) } ?? false }
        let words = session.words
        var values = session.base(title: words["nav_incidents"] ?? "", current: "incidents")
        values["incidents"] = shown.map { id, number, subject, status, isIncident, created, reports -> [String: Any] in
            ["id": id, "number": number, "subject": subject, "kind": isIncident ? words["incident"] ?? "" : words["bug"] ?? "",
             "status": TicketStatus(rawValue: status).map { PageFormat.status($0, locale: session.locale) } ?? status,
             "reports": reports, "at": PageFormat.time(created)]
        }
        values["hasIncidents"] = !shown.isEmpty
        return console.renderer.page("console_incidents", locale: session.locale, values: values)
    }

    // MARK: one incident

    func incident(_ request: Request, context: APIRequestContext, note: String?, error: APIError?) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let (locale, words, logger) = (session.locale, session.words, session.context.logger)
        let id: TicketID
        do {
            (_, id) = try await console.authorizer.authorizeTicket(session.context, .viewTicket)
        } catch let refusal as APIError where [.notFound, .forbidden, .badRequest].contains(refusal.status) {
            var values = session.base(title: words["not_found"] ?? "", current: "incidents")
            values["error"] = refusal.status == .forbidden ? refusal.message : words["not_found"]
            return console.renderer.page("portal_login", locale: locale, values: values, status: refusal.status)
        }
        let (detail, linked) = try await database.connection { connection in
            let detail = try await TicketReadStore(connection: connection, logger: logger).detail(id, includeInternal: true)
            let linked = try await connection.query(
                """
                SELECT t.id, t.number, t.subject, t.status, coalesce(r.display_name, '') FROM ticket t
                LEFT JOIN requester r ON r.id = t.requester_id
                WHERE t.parent_incident_id = \(id.rawValue) ORDER BY t.id
                """, logger: logger
            ).collect().map { try $0.decode((Int64, Int64, String, String, String).self) }
            return (detail, linked)
        }
        guard let detail else { return PageRenderer.redirect("/console/incidents") }
        var values = session.base(title: "#\(detail.ticket.number)", current: "incidents")
        values.merge([
            "id": id.rawValue, "number": detail.ticket.number, "subject": detail.ticket.subject,
            "status": PageFormat.status(detail.ticket.status, locale: locale), "line": detail.ticket.line?.rawValue.uppercased() ?? "—",
            "open": ![TicketStatus.resolved, .closed].contains(detail.ticket.status),
            "linked": linked.map { ticket, number, subject, status, requester -> [String: Any] in
                ["id": ticket, "number": number, "subject": subject, "requester": requester,
                 "status": TicketStatus(rawValue: status).map { PageFormat.status($0, locale: locale) } ?? status]
            },
            "linkedCount": linked.count, "note": note ?? "",
            "messages": detail.messages.map { message -> [String: Any] in
                let who = message.isInternal ? words["note"] : (message.authorKind == .requester ? words["requester"] : words["support"])
                return ["author": message.isInternal ? "note" : "staff", "who": who ?? "", "at": PageFormat.time(message.createdAt), "body": message.body]
            },
        ]) { $1 }
        values["mayFix"] = session.roles.contains(.coder) || session.roles.contains(.owner)
        if let error { values["error"] = error.message }
        if let told = request.uri.queryParameters.get("told") { values["flash"] = (words["fixed_told"] ?? "") + " " + told }
        return console.renderer.page("console_incident", locale: locale, values: values, status: error?.status ?? .ok)
    }

    // MARK: mark fixed

    struct FixedForm: Decodable, Sendable {
        var csrf: String?
        var note: String?
    }

    func fixed(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let form = try await PageGate.decode(FixedForm.self, from: request)
        guard form.csrf == session.page.csrf else { return PageGate.csrfRefused() }
        let (principal, id) = try await console.authorizer.authorizeTicket(session.context, .escalate)
        do {
            // The API's own validation of the note (1–2000 characters).
            let note = try FixedRequest(note: form.note ?? "").validated()
            let told = try await TicketActionController.markFixed(
                principal: principal, ticket: id, note: note, authorizer: console.authorizer, queue: console.queue, logger: session.context.logger)
            return PageRenderer.redirect("/console/incidents/\(id.rawValue)?told=\(told.count)")
        } catch let error as APIError where [.badRequest, .conflict].contains(error.status) {
            return try await incident(request, context: context, note: form.note, error: error)
        }
    }
}
