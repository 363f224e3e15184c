import Foundation
import HTTPTypes
import SupportSchema
import SupportStore
import Testing

/// The staff console over HTTP on real PostgreSQL: the queue by the row rules, the ticket page with notes,
/// replies and notes through the API's save path, and the complaint that does not exist for the accused.
struct ConsolePagesTests {
    typealias P = PortalPagesTests

    static func signIn(_ app: AuthFixture, _ email: String) async throws -> String {
        let reply = try await P.page(app, .post, "/console/login", form: ["email": email, "password": AuthFixture.password])
        #expect(reply.status == .seeOther && reply.location == "/console", "\(reply.status) \(reply.body.prefix(300))")
        return try #require(reply.cookie)
    }

    @Test func theQueueFollowsTheRowRulesAndTheAccusedNeverSeesTheComplaint() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            try await app.staff("owner@desk.local", roles: [.owner])
            let mine = try await app.ticket(of: vera, subject: "Назначено Анне", assignee: anna)
            _ = try await app.int("UPDATE ticket SET sla_due_at = now() - interval '5 minutes' WHERE id = \(mine.rawValue) RETURNING 1")
            _ = try await app.ticket(of: vera, subject: "Никому не назначено")
            let complaint = try await app.ticket(of: vera, subject: "Анна грубит", category: .complaint, named: anna, line: .l3)

            #expect(try await P.page(app, .get, "/console").status == .seeOther)
            #expect(try await P.page(app, .post, "/console/login", form: ["email": "vera@example.com", "password": AuthFixture.password]).status == .unauthorized,
                    "requesters use the portal")
            let agent = try await Self.signIn(app, "anna@desk.local")
            let queue = try await P.page(app, .get, "/console", cookie: agent)
            #expect(queue.status == .ok && queue.body.contains("Назначено Анне") && queue.body.contains("Никому не назначено"))
            #expect(queue.body.contains("class=\"breached\""), "an overdue ticket is coloured")
            #expect(!queue.body.contains("Анна грубит"), "the accused never sees the complaint")
            #expect(try await P.page(app, .get, "/console/tickets/\(complaint.rawValue)", cookie: agent).status == .notFound)

            let owner = try await Self.signIn(app, "owner@desk.local")
            let ownerView = try await P.page(app, .get, "/console/tickets/\(complaint.rawValue)", cookie: owner)
            #expect(ownerView.status == .ok && ownerView.body.contains("Анна грубит"))
        }
    }

    @Test func repliesAndNotesGoThroughTheAPIsSavePath() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            try await app.staff("anna@desk.local", roles: [.agent])
            let ticket = try await app.ticket(of: vera, subject: "Выплата")
            try await app.message(ticket, body: "Где выплата?", requester: vera)
            let agent = try await Self.signIn(app, "anna@desk.local")
            let page = try await P.page(app, .get, "/console/tickets/\(ticket.rawValue)", cookie: agent)
            #expect(page.status == .ok && page.body.contains("Где выплата?"))
            let csrf = try #require(page.csrf)
            #expect(try await P.page(app, .post, "/console/tickets/\(ticket.rawValue)/messages", cookie: agent, form: ["csrf": "no", "body": "x"]).status == .forbidden)

            let note = try await P.page(app, .post, "/console/tickets/\(ticket.rawValue)/messages", cookie: agent,
                                        form: ["csrf": csrf, "body": "Проверить банк", "internal": "1"])
            #expect(note.status == .seeOther)
            let reply = try await P.page(app, .post, "/console/tickets/\(ticket.rawValue)/messages", cookie: agent,
                                         form: ["csrf": csrf, "body": "Выплата ушла сегодня", "status": "resolved"])
            #expect(reply.status == .seeOther && reply.location == "/console/tickets/\(ticket.rawValue)?done=sent")
            #expect(try await app.int("SELECT count(*) FROM message WHERE ticket_id = \(ticket.rawValue) AND is_internal AND body = 'Проверить банк'") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(ticket.rawValue) AND status = 'resolved' AND first_response_at IS NOT NULL") == 1)
            let actions = try await app.auditRows().map(\.action)
            #expect(actions.contains("ticket.note") && actions.contains("ticket.reply"))
            let shown = try await P.page(app, .get, "/console/tickets/\(ticket.rawValue)", cookie: agent)
            #expect(shown.body.contains("message note") && shown.body.contains("Проверить банк"))

            // The requester's portal shows the reply, never the note.
            let portal = try await P.signIn(app, "vera@example.com")
            let theirs = try await P.page(app, .get, "/portal/tickets/\(ticket.rawValue)", cookie: portal)
            #expect(theirs.body.contains("Выплата ушла сегодня") && !theirs.body.contains("Проверить банк"))
        }
    }
}
