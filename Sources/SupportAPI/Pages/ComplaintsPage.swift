import Foundation
import Hummingbird
import SupportDomain
import SupportSchema
import SupportStore

/// `GET /console/complaints` (`view_complaint`: owners): the complaints about the administration with
/// the staff member each names. Every row also passes the row rules, so an owner named in a complaint
/// does not see it here either; opening one goes to the ticket page, which applies them again.
struct ComplaintsPage: Sendable {
    let console: ConsolePages

    func add(to router: Router<APIRequestContext>) {
        router.get("console/complaints") { request, context in
            guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
            let logger = session.context.logger
            try await console.authorizer.authorize(
                session.principal, .viewComplaint, target: AuditTarget(type: "complaints", id: nil), logger: logger)
            let authorizer = console.authorizer
            let principal = session.principal
            let (shown, names) = try await console.database.connection { connection in
                let store = TicketReadStore(connection: connection, logger: logger)
                let complaints = try await store.complaints()
                let facts = try await store.accessFacts(complaints.map(\.id))
                let shown = complaints.compactMap { ticket in
                    facts[ticket.id].flatMap { authorizer.mayShow(principal, .viewTicket, ticket: $0) ? (ticket, $0.namedStaffID) : nil }
                }
                return (shown, try await store.staffNames(shown.compactMap(\.1)))
            }
            var values = session.base(title: session.words["nav_complaints"] ?? "", current: "complaints")
            values["hasComplaints"] = !shown.isEmpty
            values["complaints"] = shown.map { ticket, named -> [String: Any] in
                ["id": ticket.id.rawValue, "number": ticket.number, "subject": ticket.subject,
                 "named": named.flatMap { names[$0] } ?? "—", "status": PageFormat.status(ticket.status, locale: session.locale),
                 "at": PageFormat.time(ticket.createdAt)]
            }
            return console.renderer.page("console_complaints", locale: session.locale, values: values)
        }
    }
}
