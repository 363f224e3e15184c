import Foundation
import Hummingbird
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The requester portal, server-rendered: sign in with the contract email, follow one's own requests
/// and reply, submit a new one, search the public help articles.
///
/// Thin like the API: it reuses the API's sign-in (`AuthController.authenticate`, throttles included),
/// token checks (`BearerAuthenticator.resolve`), intake path (`PortalInbound`) and read stores; only
/// requesters' own tickets are shown (404 otherwise, as in the API).
struct PortalPages: Sendable {
    let database: Database
    let auth: AuthController
    let csat: CSATController
    let portal: PortalInbound
    let policy: TokenPolicy
    let secureCookies: Bool
    let renderer = PageRenderer()
    var gate: PageGate { PageGate(database: database, policy: policy) }

    func add(to router: Router<APIRequestContext>) {
        signIn.add(to: router)
        router.post("portal/logout") { request, context in try await gate.signOut(request, context: context, loginPath: "/portal/login") }
        router.get("portal") { request, context in try await home(request, context: context) }
        router.post("portal/requests") { request, context in try await submit(request, context: context) }
        router.get("portal/tickets/{id}") { request, context in try await ticket(request, context: context) }
        router.post("portal/tickets/{id}/reply") { request, context in try await reply(request, context: context) }
        router.post("portal/tickets/{id}/rate") { request, context in try await rateOwn(request, context: context) }
        router.get("portal/rate") { request, _ in ratePage(request) }
        router.post("portal/rate") { request, context in try await rateByLink(request, context: context) }
    }

    // MARK: sign-in

    var signIn: PageSignIn {
        PageSignIn(auth: auth, policy: policy, secureCookies: secureCookies, account: .requester, home: "/portal", brand: "portal", renderer: renderer)
    }


    // MARK: pages

    func home(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let (session, requester) = try await requesterSession(request, context: context) else { return Self.toLogin() }
        let logger = context.logger
        let query = (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
        let (tickets, locale, articles) = try await database.connection { connection in
            var filter = TicketListFilter()
            filter.limit = 50
            let tickets = try await TicketReadStore(connection: connection, logger: logger).requesterList(requester: requester, filter: filter).tickets
            let locale = try await Self.locale(of: requester, on: connection, logger: logger)
            let articles = query.isEmpty || query.count > 200 ? [] :
                try await KnowledgeStore(connection: connection, logger: logger).search(query, reader: .requester, limit: 5)
            return (tickets, locale, articles)
        }
        let words = PageText.table(locale)
        var values: [String: Any] = [
            "title": words["my_requests"] ?? "", "signedIn": true, "csrf": session.csrf, "hasTickets": !tickets.isEmpty,
            "tickets": tickets.map { ticket -> [String: Any] in
                ["id": ticket.id.rawValue, "number": ticket.number, "subject": ticket.subject,
                 "status": PageFormat.status(ticket.status, locale: locale), "updated": PageFormat.time(ticket.updatedAt)]
            },
            "categories": PageFormat.categories(locale: locale), "query": query, "searched": !query.isEmpty,
            "articles": articles.map { ["title": $0.title, "snippet": PageFormat.highlighted($0.snippet)] as [String: Any] },
        ]
        if request.uri.queryParameters.get("sent") == "1" { values["flash"] = words["received"] }
        if request.uri.queryParameters.get("blank") == "1" { values["error"] = words["blank_message"] }
        return renderer.page("portal_home", locale: locale, values: values)
    }

    func ticket(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let (session, requester) = try await requesterSession(request, context: context) else { return Self.toLogin() }
        let logger = context.logger
        let id = context.parameters.get("id").flatMap(TicketID.init)
        let (detail, locale) = try await database.connection { connection in
            var detail: TicketDetail?
            if let id, try await Self.owns(requester, id, on: connection, logger: logger) {
                detail = try await TicketReadStore(connection: connection, logger: logger).detail(id, includeInternal: false)
            }
            return (detail, try await Self.locale(of: requester, on: connection, logger: logger))
        }
        let words = PageText.table(locale)
        guard let detail else {
            return renderer.page("portal_login", locale: locale, values: ["title": words["not_found"] ?? "", "signedIn": true,
                                                                          "csrf": session.csrf, "error": words["not_found"] ?? ""],
                                 status: .notFound)
        }
        var values: [String: Any] = [
            "title": "#\(detail.ticket.number)", "signedIn": true, "csrf": session.csrf, "id": detail.ticket.id.rawValue,
            "number": detail.ticket.number, "subject": detail.ticket.subject, "status": PageFormat.status(detail.ticket.status, locale: locale),
            "messages": detail.messages.filter { !$0.isInternal }.map { message -> [String: Any] in
                let mine = message.authorKind == .requester
                return ["author": mine ? "requester" : "staff", "who": (mine ? words["you"] : words["support"]) ?? "",
                        "at": PageFormat.time(message.createdAt), "body": message.body]
            },
        ]
        if request.uri.queryParameters.get("sent") == "1" { values["flash"] = words["reply_received"] }
        if request.uri.queryParameters.get("blank") == "1" { values["error"] = words["blank_message"] }
        if request.uri.queryParameters.get("rated") == "1" { values["flash"] = words["rated"] }
        if !detail.ticket.status.isActive { values["rating"] = ["scores": PageFormat.scores] }
        return renderer.page("portal_ticket", locale: locale, values: values)
    }

    // MARK: forms

    struct RequestForm: Decodable { var csrf: String?; var subject: String?; var category: String?; var body: String? }

    func submit(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let (session, requester) = try await requesterSession(request, context: context) else { return Self.toLogin() }
        let form = try await PageGate.decode(RequestForm.self, from: request)
        guard form.csrf == session.csrf else { return Self.csrfRefused() }
        guard let body = PageFormat.message(form.body) else { return PageRenderer.redirect("/portal?blank=1") }
        let subject = form.subject.map { String($0.trimmingCharacters(in: .whitespaces).unicodeScalars.prefix(300)) }.flatMap { $0.isEmpty ? nil : $0 }
        let category = form.category.flatMap { Category(rawValue: $0) }?.rawValue
        _ = try await portal.receive(
            requester: requester, channel: .web, body: body, subject: subject, category: category, ticketNumber: nil,
            idempotencyKey: nil, remote: context.remoteAddressDescription, logger: context.logger)
        return PageRenderer.redirect("/portal?sent=1")
    }

    func reply(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let (session, requester) = try await requesterSession(request, context: context) else { return Self.toLogin() }
        let form = try await PageGate.decode(RequestForm.self, from: request)
        guard form.csrf == session.csrf else { return Self.csrfRefused() }
        let logger = context.logger
        guard let id = context.parameters.get("id").flatMap(TicketID.init),
            let number = try await database.connection({ connection in
                try await connection.query(
                    "SELECT number FROM ticket WHERE id = \(id.rawValue) AND requester_id = \(requester.rawValue)", logger: logger
                ).collect().first?.decode(Int64.self)
            })
        else { return PageRenderer.redirect("/portal") }
        guard let body = PageFormat.message(form.body) else { return PageRenderer.redirect("/portal/tickets/\(id)?blank=1") }
        _ = try await portal.receive(
            requester: requester, channel: .web, body: body, subject: nil, category: nil, ticketNumber: number,
            idempotencyKey: nil, remote: context.remoteAddressDescription, logger: logger)
        return PageRenderer.redirect("/portal/tickets/\(id)?sent=1")
    }

    // MARK: ratings

    struct RateForm: Decodable { var csrf: String?; var token: String?; var score: String?; var comment: String? }

    /// A score 1…5 and an optional comment (≤ 2000 characters), or nil.
    static func rating(_ form: RateForm) -> (Int, String?)? {
        guard let score = form.score.flatMap(Int.init), (1...5).contains(score) else { return nil }
        let comment = form.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comment, comment.unicodeScalars.count > CSATController.commentLimit || comment.contains("\u{0}") { return nil }
        return (score, comment?.isEmpty == false ? comment : nil)
    }

    func rateOwn(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let (session, requester) = try await requesterSession(request, context: context) else { return Self.toLogin() }
        let form = try await PageGate.decode(RateForm.self, from: request)
        guard form.csrf == session.csrf else { return Self.csrfRefused() }
        let logger = context.logger
        guard let id = context.parameters.get("id").flatMap(TicketID.init),
            try await database.connection({ try await Self.owns(requester, id, on: $0, logger: logger) })
        else { return PageRenderer.redirect("/portal") }
        guard let (score, comment) = Self.rating(form) else { return PageRenderer.redirect("/portal/tickets/\(id)") }
        do {
            _ = try await csat.rate(id, score: score, comment: comment, by: requester, logger: logger)
        } catch let error as APIError where error.status == .conflict {
            return PageRenderer.redirect("/portal/tickets/\(id)")
        }
        return PageRenderer.redirect("/portal/tickets/\(id)?rated=1")
    }

    /// The page the rating email links to: no sign-in, the link's token is the key.
    func ratePage(_ request: Request, thanks: Bool = false, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let locale = PageText.locale(acceptLanguage: request.headers[.acceptLanguage])
        let words = PageText.table(locale)
        let token = String((request.uri.queryParameters.get("token") ?? "").prefix(200))
        var values: [String: Any] = ["title": words["rate"] ?? "", "token": token, "thanks": thanks, "scores": PageFormat.scores]
        if let error { values["error"] = error }
        return renderer.page("portal_rate", locale: locale, values: values, status: status)
    }

    func rateByLink(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await PageGate.decode(RateForm.self, from: request)
        let words = PageText.table(PageText.locale(acceptLanguage: request.headers[.acceptLanguage]))
        guard let token = form.token, (1...200).contains(token.unicodeScalars.count), !token.contains("\u{0}") else {
            return ratePage(request, error: words["link_expired"], status: .badRequest)
        }
        guard let (score, comment) = Self.rating(form) else { return ratePage(request, error: words["pick_score"], status: .badRequest) }
        do {
            let (ticket, requester) = try await csat.linked(token, logger: context.logger)
            _ = try await csat.rate(ticket, score: score, comment: comment, by: requester, logger: context.logger)
        } catch let error as APIError where error.status == .conflict || error.status == .notFound {
            return ratePage(request, error: words["link_expired"], status: .conflict)
        }
        return ratePage(request, thanks: true)
    }

    // MARK: helpers

    /// The session of a signed-in requester; staff use the console.
    func requesterSession(_ request: Request, context: APIRequestContext) async throws -> (PageSession, RequesterID)? {
        guard let session = try await gate.session(request, context: context), let requester = session.principal.requesterID else { return nil }
        return (session, requester)
    }

    /// Whether the ticket is the requester's own (the requester's view of a ticket does not carry its owner).
    static func owns(_ requester: RequesterID, _ ticket: TicketID, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await TicketReadStore(connection: connection, logger: logger).accessFacts(ticket)?.requesterID == requester
    }

    static func locale(of requester: RequesterID, on connection: PostgresConnection, logger: Logger) async throws -> String {
        try await connection.query("SELECT locale FROM requester WHERE id = \(requester.rawValue)", logger: logger)
            .collect().first?.decode(String.self) ?? "ru"
    }

    static func toLogin() -> Response { PageGate.toLogin("/portal/login") }
    static func csrfRefused() -> Response { PageGate.csrfRefused() }
}
