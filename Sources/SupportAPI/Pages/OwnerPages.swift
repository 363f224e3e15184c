import Foundation
import Hummingbird
import SupportDomain
import SupportSchema
import SupportStore

/// The console's owner views: L3 complaints (who each one names) and the admin page (staff, teams with
/// calendars and shifts, SLA policies, classification rules, KB, the CSAT policy) with an add-staff form.
///
/// Reads and writes go through the API's `Authorizer` and, for writes, the API controller's save path
/// (same audit rows as `/api/v1`).
struct OwnerPages: Sendable {
    let console: ConsolePages

    func add(to router: Router<APIRequestContext>) {
        router.get("console/complaints") { request, context in try await complaints(request, context: context) }
        router.get("console/admin") { request, context in try await admin(request, context: context) }
        router.post("console/admin/staff") { request, context in try await addStaff(request, context: context) }
    }

    // MARK: complaints

    func complaints(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let (principal, staff, roles, logger) = (session.principal, session.staff, session.roles, session.context.logger)
        try await console.authorizer.authorize(principal, .viewComplaint, target: AuditTarget(type: "complaints", id: nil), logger: logger)
        let authorizer = console.authorizer
        let found = try await console.database.connection { connection in
            let store = TicketReadStore(connection: connection, logger: logger)
            var filter = TicketListFilter()
            filter.categories = [.complaint]
            filter.limit = 100
            let page = try await store.staffList(staff: staff, rules: TicketAccess.visibilityRules(for: roles, action: .viewComplaint), filter: filter)
            let facts = try await store.accessFacts(page.tickets.map(\.id))
            // As on the queue: the SQL applies the row rules, the authorizer has the last word on each row.
            let shown = page.tickets.compactMap { ticket -> (TicketSummary, StaffID?)? in
                guard let fact = facts[ticket.id], authorizer.mayShow(principal, .viewComplaint, ticket: fact) else { return nil }
                return (ticket, fact.namedStaffID)
            }
            let named = shown.compactMap { $0.1?.rawValue }
            var names: [Int64: String] = [:]
            if !named.isEmpty {
                for try await (id, name) in try await connection.query("SELECT id, name FROM staff WHERE id = ANY(\(named))", logger: logger)
                    .decode((Int64, String).self) { names[id] = name }
            }
            return (shown, names)
        }
        let rows = found.0.map { ticket, named -> [String: Any] in
            ["id": ticket.id.rawValue, "number": ticket.number, "subject": ticket.subject,
             "status": PageFormat.status(ticket.status, locale: session.locale), "line": ticket.line?.rawValue.uppercased() ?? "—",
             "named": named.map { found.1[$0.rawValue] ?? "#\($0.rawValue)" } ?? "—"]
        }
        var values = session.base(title: session.words["nav_complaints"] ?? "", current: "complaints")
        values["complaints"] = rows
        values["hasComplaints"] = !rows.isEmpty
        return console.renderer.page("console_complaints", locale: session.locale, values: values)
    }

    // MARK: admin

    func admin(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let logger = session.context.logger
        try await console.authorizer.authorize(session.principal, .manageStaff, target: .staff(nil), logger: logger)
        let words = session.words
        let sections = try await console.database.connection { connection in
            let store = AdminOverviewStore(connection: connection, logger: logger)
            let rules = try await ClassificationRuleStore(connection: connection, logger: logger).list(limit: 200).map { rule -> [String] in
                [String(rule.id), rule.pattern, rule.language, rule.category, String(rule.priorityBoost), rule.channel ?? "", rule.active ? "active" : "off"]
            }
            let staff = try await store.staff()
            let teams = try await store.teams()
            let sla = try await store.slaPolicies()
            let articles = try await store.articles()
            let csat = try await store.csatPolicy()
            let sections: [(String, [[String]])] = [
                ("staff", staff), ("teams", teams), ("sla", sla), ("rules", rules), ("kb", articles), ("csat", csat),
            ]
            return sections
        }
        var values = session.base(title: words["nav_admin"] ?? "", current: "admin")
        values["sections"] = sections.map { key, rows -> [String: Any] in
            ["key": key, "title": words["admin_\(key)"] ?? key,
             "headers": (words["admin_\(key)_columns"] ?? "").split(separator: "|").map(String.init),
             "rows": rows.map { ["cells": $0] as [String: Any] }, "empty": rows.isEmpty]
        }
        values["roles"] = Role.staffRoles.map(\.rawValue)
        switch request.uri.queryParameters.get("added") {
        case "1": values["flash"] = words["admin_staff_added"]
        default: break
        }
        if let error = request.uri.queryParameters.get("error") { values["error"] = error }
        return console.renderer.page("console_admin", locale: session.locale, values: values)
    }

    struct StaffForm: Decodable {
        var csrf: String?
        var name: String?
        var email: String?
        var role: String?
    }

    /// Adds a staff member through `StaffController.save` (validation, `staff.create` audit); they set
    /// their password through the usual password link.
    func addStaff(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let form = try await PageGate.decode(StaffForm.self, from: request)
        guard form.csrf == session.page.csrf else { return PageGate.csrfRefused() }
        let logger = session.context.logger
        try await console.authorizer.authorize(session.principal, .manageStaff, target: .staff(nil), logger: logger)
        let body = NewStaffRequest(name: form.name ?? "", email: form.email ?? "", roles: form.role.map { [$0] } ?? [], password: nil, telegramUserID: nil)
        // No password here, so no hashing: the cost is never used.
        let controller = StaffController(database: console.database, authorizer: console.authorizer, bcryptCost: 4)
        do {
            _ = try await controller.save(try body.validated(), principal: session.principal, logger: logger)
        } catch let error as APIError where error.status == .badRequest || error.status == .conflict {
            let message = error.message.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return PageRenderer.redirect("/console/admin?error=\(message)")
        }
        return PageRenderer.redirect("/console/admin?added=1")
    }
}
