import Foundation
import Hummingbird
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The staff console, server-rendered: sign in, the queue (mine, my teams' unassigned, all unassigned)
/// with SLA countdowns; the ticket page and the role views register themselves from here.
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
        ConsoleTicketPage(console: self).add(to: router)
        ConsoleLiveFeed(console: self).add(to: router)
        ConsoleReportsPage(console: self).add(to: router)
        OpsPage(console: self).add(to: router)
        OwnerPages(console: self).add(to: router)
        for views in [AppealPages(console: self).add, DisputePages(console: self).add, IncidentPages(console: self).add] { views(router) }
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
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let narrowing: ConsoleQueueFilter
        do {
            narrowing = try ConsoleQueueFilter(query)
        } catch {
            var values = console.base(title: words["queue"] ?? "", current: "queue")
            values["error"] = error.message
            return renderer.page("portal_login", locale: locale, values: values, status: .badRequest)
        }
        let (sections, version) = try await database.connection { connection in
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
                narrowing.apply(to: &filter)
                let page = try await store.staffList(staff: staff, rules: TicketAccess.visibilityRules(for: roles, action: .viewTicket), filter: filter)
                let facts = try await store.accessFacts(page.tickets.map(\.id))
                // The SQL applies the row rules; the authorizer has the last word on every row, as in the API.
                let shown = page.tickets.filter { facts[$0.id].map { authorizer.mayShow(console.principal, .viewTicket, ticket: $0) } ?? false }
                result.append((key, title, shown))
            }
            return (result, try await store.queueVersion(staff: staff))
        }
        let now = Date()
        let values: [String: Any] = console.base(title: words["queue"] ?? "", current: "queue").merging([
            "version": version, "filters": narrowing.choices(),
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
}
