import Foundation
import Hummingbird
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The moderator's view: open moderation appeals they may decide (never one about their own
/// punishment), with the punishment, and a decision form that goes through
/// `AppealDecisionController.decide` (the same rule, effects and audit row as
/// `POST /api/v1/tickets/{id}/appeal-decision`).
struct AppealPages: Sendable {
    let console: ConsolePages

    var database: Database { console.database }

    func add(to router: Router<APIRequestContext>) {
        router.get("console/appeals") { request, context in try await list(request, context: context, form: nil, error: nil) }
        router.post("console/appeals/{id}/decision") { request, context in try await decide(request, context: context) }
    }

    /// One appeal as listed: the ticket and the punishment it is about.
    struct Row: Sendable {
        var ticket: TicketID
        var number: Int64
        var subject: String
        var requester: String
        var kind: String
        var chat: String
        var reason: String
        var issuedAt: Date
        var expiresAt: Date?
        var issuer: StaffID?
        var issuerName: String
    }

    func list(_ request: Request, context: APIRequestContext, form: DecisionForm?, error: APIError?) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        try await console.authorizer.authorize(session.principal, .decideAppeal, target: AuditTarget(type: "appeals", id: nil), logger: session.context.logger)
        let (staff, logger, words, locale) = (session.staff, session.context.logger, session.words, session.locale)
        let (rows, facts) = try await database.connection { connection in
            // The punishment as `AppealCase` finds it: the ticket's own, else the requester's latest standing one.
            let rows = try await connection.query(
                """
                SELECT t.id, t.number, t.subject, coalesce(r.display_name, ''), p.kind, coalesce(p.chat_title, p.chat_id), p.reason,
                       p.issued_at, p.expires_at, p.issued_by_staff_id, coalesce(s.name, '')
                FROM ticket t
                JOIN requester r ON r.id = t.requester_id
                JOIN punishment p ON p.id = coalesce(t.punishment_id,
                    (SELECT q.id FROM punishment q WHERE q.requester_id = t.requester_id AND NOT q.lifted
                     ORDER BY q.issued_at DESC, q.id DESC LIMIT 1))
                LEFT JOIN staff s ON s.id = p.issued_by_staff_id
                WHERE t.category = 'moderation_appeal' AND t.status NOT IN ('resolved', 'closed')
                  AND NOT EXISTS (SELECT 1 FROM punishment_appeal_decision d WHERE d.ticket_id = t.id)
                  AND p.issued_by_staff_id IS DISTINCT FROM \(staff.rawValue)
                ORDER BY t.created_at LIMIT 100
                """, logger: logger
            ).collect().map { row -> Row in
                let (id, number, subject, requester, kind, chat, reason, issued, expires, issuer, issuerName) = try row.decode(
                    (Int64, Int64, String, String, String, String, String, Date, Date?, Int64?, String).self)
                return Row(ticket: TicketID(id), number: number, subject: subject, requester: requester, kind: kind, chat: chat, reason: reason,
                           issuedAt: issued, expiresAt: expires, issuer: issuer.map { StaffID($0) }, issuerName: issuerName)
            }
            let facts = try await TicketReadStore(connection: connection, logger: logger).accessFacts(rows.map(\.ticket))
            return (rows, facts)
        }
        // The row rules decide each row, as on the queue.
        let shown = rows.filter { row in facts[row.ticket].map { console.authorizer.mayShow(session.principal, .decideAppeal, ticket: $0) } ?? false }
        var values = session.base(title: words["nav_appeals"] ?? "", current: "appeals")
        values["appeals"] = shown.map { row -> [String: Any] in
            let retyped = form?.ticket == row.ticket.rawValue
            return ["id": row.ticket.rawValue, "number": row.number, "subject": row.subject, "requester": row.requester,
                    "kind": words["punishment_\(row.kind)"] ?? row.kind, "chat": row.chat, "reason": row.reason,
                    "issued": PageFormat.time(row.issuedAt), "expires": row.expiresAt.map(PageFormat.time) ?? (words["permanent"] ?? "—"),
                    "issuer": row.issuer == nil ? (words["automatic"] ?? "") : row.issuerName,
                    "reasons": retyped ? form?.reasons ?? "" : "", "expiresAt": retyped ? form?.expiresAt ?? "" : "",
                    "outcomes": ["uphold", "reduce", "lift"].map { outcome -> [String: Any] in
                        ["value": outcome, "label": words["appeal_\(outcome)"] ?? outcome, "selected": retyped && form?.outcome == outcome]
                    }]
        }
        values["hasAppeals"] = !shown.isEmpty
        if let error { values["error"] = error.message }
        if request.uri.queryParameters.get("decided") != nil { values["flash"] = words["appeal_decided"] }
        return console.renderer.page("console_appeals", locale: locale, values: values, status: error?.status ?? .ok)
    }

    struct DecisionForm: Decodable, Sendable {
        var csrf: String?
        var outcome: String?
        var reasons: String?
        var expiresAt: String?
        var ticket: Int64? = nil
        enum CodingKeys: String, CodingKey {
            case csrf, outcome, reasons
            case expiresAt = "expires_at"
        }
    }

    func decide(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        var form = try await PageGate.decode(DecisionForm.self, from: request)
        guard form.csrf == session.page.csrf else { return PageGate.csrfRefused() }
        let (principal, id) = try await console.authorizer.authorizeTicket(session.context, .decideAppeal)
        form.ticket = id.rawValue
        do {
            guard let outcome = form.outcome.flatMap(AppealOutcome.init(rawValue:)) else {
                throw APIError(.badRequest, code: "invalid_field", message: session.words["pick_outcome"] ?? "outcome")
            }
            let reasons = try PlainText.required(form.reasons, "reasons", max: 10_000)
            // The form's date-time field has no zone: it is the desk's time, like every time shown.
            let expiry = form.expiresAt.flatMap { $0.isEmpty ? nil : Self.rfc3339(fromLocal: $0) }
            if outcome == .reduce, form.expiresAt?.isEmpty == false, expiry == nil {
                throw APIError(.badRequest, code: "invalid_field", message: "expires_at: a date and time")
            }
            _ = try await AppealDecisionController.decide(
                principal: principal, ticket: id, outcome: outcome, reasons: reasons, expiresAt: expiry, authorizer: console.authorizer,
                queue: console.queue, publicURL: console.publicURL, logger: session.context.logger)
        } catch let error as APIError where [.badRequest, .conflict].contains(error.status) {
            return try await list(request, context: context, form: form, error: error)
        }
        return PageRenderer.redirect("/console/appeals?decided=\(id.rawValue)")
    }

    /// `2026-12-01T10:00` (a `datetime-local` value, in the desk's zone) as RFC 3339.
    static func rfc3339(fromLocal text: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = PageFormat.zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        guard let date = formatter.date(from: text) else { return nil }
        return date.formatted(.iso8601)
    }
}
