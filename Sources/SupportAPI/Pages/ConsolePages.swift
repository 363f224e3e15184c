import Foundation
import Hummingbird
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The staff console, server-rendered: sign in, the queue (mine, my teams' unassigned, all unassigned)
/// with SLA countdowns, and a ticket page with the thread, internal notes and the reply form.
///
/// Every read and action goes through the API's `Authorizer` (role table, row rules, audited refusals;
/// a complaint is a 404 for the staff member it names) and the same save path as the API.
struct ConsolePages: Sendable {
    let database: Database
    let auth: AuthController
    let authorizer: Authorizer
    let queue: JobQueue
    let policy: TokenPolicy
    let publicURL: String
    let secureCookies: Bool
    let renderer = PageRenderer()
    var gate: PageGate { PageGate(database: database, policy: policy) }

    func add(to router: Router<APIRequestContext>) {
        signIn.add(to: router)
        router.post("console/logout") { request, context in try await gate.signOut(request, context: context, loginPath: "/console/login") }
        router.get("console") { request, context in try await home(request, context: context) }
        router.get("console/tickets/{id}") { request, context in try await ticket(request, context: context) }
        router.post("console/tickets/{id}/messages") { request, context in try await message(request, context: context) }
        OwnerPages(console: self).add(to: router)
        OpsPages(console: self).add(to: router)
    }

    var signIn: PageSignIn {
        PageSignIn(auth: auth, policy: policy, secureCookies: secureCookies, account: .staff, home: "/console", brand: "console", renderer: renderer)
    }

    /// A signed-in staff member, with the context the API's authorizer reads; nil sends them to sign in.
    func staffSession(_ request: Request, context: APIRequestContext) async throws -> ConsoleSession? {
        guard let session = try await gate.session(request, context: context), case .staff(let staff, let roles) = session.principal else { return nil }
        var context = context
        context.principal = session.principal
        context.tokenID = session.tokenID
        let logger = context.logger
        let locale = try await database.connection { connection in
            try await connection.query("SELECT locale FROM staff WHERE id = \(staff.rawValue)", logger: logger).collect().first?.decode(String.self)
        } ?? "ru"
        return ConsoleSession(page: session, staff: staff, roles: roles, context: context, locale: locale)
    }

    // MARK: queue

    func home(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let console = try await staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        try await authorizer.authorize(console.principal, .viewQueue, target: AuditTarget(type: "queue", id: nil), logger: console.context.logger)
        let (staff, roles, locale, logger, words) = (console.staff, console.roles, console.locale, console.context.logger, console.words)
        let sections = try await database.connection { connection in
            let store = TicketReadStore(connection: connection, logger: logger)
            let teams = try await connection.query("SELECT team_id FROM team_member WHERE staff_id = \(staff.rawValue)", logger: logger)
                .collect().map { TeamID(try $0.decode(Int64.self)) }
            let active: [TicketStatus] = [.new, .open, .escalated, .pendingRequester, .pendingThirdParty]
            var queues: [(String, String, TicketListFilter)] = []
            var mine = TicketListFilter()
            mine.assignee = .staff(staff)
            queues.append(("mine", words["mine"] ?? "", mine))
            if !teams.isEmpty {
                var team = TicketListFilter()
                team.assignee = .unassigned
                team.teams = teams
                queues.append(("team", words["my_teams"] ?? "", team))
            }
            var unassigned = TicketListFilter()
            unassigned.assignee = .unassigned
            queues.append(("unassigned", words["unassigned"] ?? "", unassigned))
            var result: [(String, String, [TicketSummary])] = []
            for (key, title, var filter) in queues {
                filter.statuses = active
                filter.limit = 50
                let page = try await store.staffList(staff: staff, rules: TicketAccess.visibilityRules(for: roles, action: .viewTicket), filter: filter)
                let facts = try await store.accessFacts(page.tickets.map(\.id))
                // The SQL applies the row rules; the authorizer has the last word on every row, as in the API.
                let shown = page.tickets.filter { facts[$0.id].map { authorizer.mayShow(console.principal, .viewTicket, ticket: $0) } ?? false }
                result.append((key, title, shown))
            }
            return result
        }
        let now = Date()
        let values: [String: Any] = console.base(title: words["queue"] ?? "", current: "queue").merging([
            "queues": sections.map { key, title, tickets -> [String: Any] in
                ["key": key, "title": title, "count": tickets.count, "hasTickets": !tickets.isEmpty,
                 "tickets": tickets.map { ticket -> [String: Any] in
                     let sla = PageFormat.countdown(to: ticket.slaDueAt, now: now)
                     return ["id": ticket.id.rawValue, "number": ticket.number, "subject": ticket.subject,
                             "status": PageFormat.status(ticket.status, locale: locale), "line": ticket.line?.rawValue.uppercased() ?? "—",
                             "priority": ticket.priority?.rawValue ?? "—", "sla": sla.text, "slaClass": sla.cssClass]
                 }]
            },
        ]) { $1 }
        return renderer.page("console_queue", locale: locale, values: values)
    }

    // MARK: ticket

    func ticket(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let console = try await staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let (locale, words, logger) = (console.locale, console.words, console.context.logger)
        let id: TicketID
        do {
            (_, id) = try await authorizer.authorizeTicket(console.context, .viewTicket)
        } catch let error as APIError where [.notFound, .forbidden, .badRequest].contains(error.status) {
            var values = console.base(title: words["not_found"] ?? "", current: "queue")
            values["error"] = error.status == .forbidden ? error.message : words["not_found"]
            return renderer.page("portal_login", locale: locale, values: values, status: error.status)
        }
        guard let detail = try await database.connection({ connection in
            try await TicketReadStore(connection: connection, logger: logger).detail(id, includeInternal: true)
        }) else { return PageRenderer.redirect("/console") }
        let sla = PageFormat.countdown(to: detail.ticket.slaDueAt, now: Date())
        var values = console.base(title: "#\(detail.ticket.number)", current: "queue")
        values.merge([
            "id": id.rawValue, "number": detail.ticket.number, "subject": detail.ticket.subject,
            "status": PageFormat.status(detail.ticket.status, locale: locale), "line": detail.ticket.line?.rawValue.uppercased() ?? "—",
            "priority": detail.ticket.priority?.rawValue ?? "—", "category": detail.ticket.category?.rawValue ?? "—",
            "sla": sla.text, "slaClass": sla.cssClass,
            "messages": detail.messages.map { message -> [String: Any] in
                let author = message.isInternal ? "note" : (message.authorKind == .requester ? "requester" : "staff")
                let who = message.isInternal ? words["note"] : (message.authorKind == .requester ? words["requester"] : words["support"])
                return ["author": author, "who": who ?? "", "at": PageFormat.time(message.createdAt), "body": message.body]
            },
            "statuses": StaffReply.settable.map { ["value": $0.rawValue, "label": PageFormat.status($0, locale: locale)] },
        ]) { $1 }
        if request.uri.queryParameters.get("sent") == "1" { values["flash"] = words["reply_received"] }
        if request.uri.queryParameters.get("blank") == "1" { values["error"] = words["blank_message"] }
        return renderer.page("console_ticket", locale: locale, values: values)
    }

    struct MessageForm: Decodable {
        var csrf: String?
        var body: String?
        var isInternal: String?
        var status: String?
        enum CodingKeys: String, CodingKey {
            case csrf, body, status
            case isInternal = "internal"
        }
    }

    func message(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let console = try await staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let form = try await PageGate.decode(MessageForm.self, from: request)
        guard form.csrf == console.page.csrf else { return PageGate.csrfRefused() }
        let isInternal = form.isInternal == "1"
        let (principal, id) = try await authorizer.authorizeTicket(console.context, isInternal ? .internalNote : .reply)
        guard let body = PageFormat.message(form.body) else { return PageRenderer.redirect("/console/tickets/\(id)?blank=1") }
        let status = form.status.flatMap { TicketStatus(rawValue: $0) }.flatMap { StaffReply.settable.contains($0) ? $0 : nil }
        _ = try await TicketActionController.saveStaffMessage(
            principal: principal, staff: console.staff, ticket: id, body: (body, isInternal, status), queue: queue, publicURL: publicURL,
            logger: console.context.logger)
        return PageRenderer.redirect("/console/tickets/\(id)?sent=1")
    }
}
