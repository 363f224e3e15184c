import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// Canned replies over HTTP: personal and team macros, applied as staff replies, and ticket suggestions.
struct MacroAPITests {
    @Test func personalAndTeamMacrosRenderAndApply() async throws {
        try await AuthFixture.with { app in
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            try await app.staff("boris@desk.local", roles: [.agent])
            let team = try await app.int("INSERT INTO team (name, line) VALUES ('Payments', 'l1') RETURNING id")
            _ = try await app.int("INSERT INTO team_member (team_id, staff_id) VALUES (\(team), \(anna.rawValue)) RETURNING team_id")
            let agent = try await app.login("anna@desk.local")
            let other = try await app.login("boris@desk.local")
            let requester = try await app.requester("vera@example.com")
            let ticket = try await app.ticket(of: requester, subject: "Когда придёт выплата", category: .question)
            let number = try await app.int("UPDATE ticket SET sla_due_at = '2026-11-23 14:05:00+00' WHERE id = \(ticket.rawValue) RETURNING number")

            let personal = try await app.call(.post, "/api/v1/macros", token: agent, json: """
                {"title": "Выплата", "body": "Здравствуйте, {{requester_name}}! По обращению #{{ticket_number}} ответим до {{expected_time}}.",
                 "set_status": "pending_requester", "set_category": "payment"}
                """)
            #expect(personal.status == .created && personal.json["scope"] as? String == "personal", "\(personal.body)")
            let personalID = try #require((personal.json["id"] as? NSNumber)?.int64Value)
            let teamMacro = try await app.call(.post, "/api/v1/macros", token: agent, json: #"{"title": "Team", "body": "From the team", "team_id": \#(team)}"#)
            #expect(teamMacro.status == .created && teamMacro.json["scope"] as? String == "team")
            #expect(try await app.call(.post, "/api/v1/macros", token: other, json: #"{"title": "T", "body": "x", "team_id": \#(team)}"#).status == .forbidden)
            let unknown = try await app.call(.post, "/api/v1/macros", token: agent, json: #"{"title": "T", "body": "Hi {{agent_name}}"}"#)
            #expect(unknown.status == .conflict && unknown.body.contains("unknown_placeholder"))
            #expect(try await app.call(.post, "/api/v1/macros", token: agent, json: #"{"title": " ", "body": "x"}"#).status == .badRequest)
            #expect(try await app.call(.post, "/api/v1/macros", token: agent, json: #"{"title": "T", "body": "x", "set_status": "closed"}"#).status == .badRequest)

            let listed = ((try await app.call(.get, "/api/v1/macros", token: agent)).json["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(listed == ["Выплата", "Team"])
            #expect(((try await app.call(.get, "/api/v1/macros", token: other)).json["items"] as? [Any])?.isEmpty == true)

            // Someone else's macro is not there for Boris.
            #expect(try await app.call(.post, "/api/v1/tickets/\(ticket)/apply-macro", token: other, json: #"{"macro_id": \#(personalID)}"#).status == .notFound)
            let applied = try await app.call(.post, "/api/v1/tickets/\(ticket)/apply-macro", token: agent, json: #"{"macro_id": \#(personalID)}"#)
            #expect(applied.status == .created, "\(applied.body)")
            #expect(applied.json["body"] as? String == "Здравствуйте, vera@example.com! По обращению #\(number) ответим до 2026-11-23 14:05 UTC.")
            #expect(applied.json["status"] as? String == "pending_requester" && applied.json["category"] as? String == "payment")
            #expect(try await app.int("SELECT count(*) FROM message WHERE ticket_id = \(ticket.rawValue) AND author_kind = 'staff' AND body LIKE 'Здравствуйте, vera%'") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(ticket.rawValue) AND category = 'payment' AND status = 'pending_requester'") == 1)
            let actions = try await app.auditRows().map(\.action)
            #expect(actions.filter { $0 == "macro.create" }.count == 2 && actions.contains("ticket.macro"))
        }
    }

    @Test func suggestionsListArticlesAndMacrosForTheTicket() async throws {
        try await AuthFixture.with { app in
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            let agent = try await app.login("anna@desk.local")
            let requester = try await app.requester("vera@example.com")
            let ticket = try await app.ticket(of: requester, subject: "Выплата не пришла", category: .payment)
            try await app.message(ticket, body: "Продавец ждёт выплату третий день", requester: requester)
            _ = try await app.int("""
                INSERT INTO kb_article (slug, locale, title, body, status, published_at, visibility)
                VALUES ('payout-timing', 'ru', 'Когда приходит выплата продавцу', 'Три рабочих дня.', 'published', now(), 'staff') RETURNING id
                """)
            _ = try await app.int("INSERT INTO macro (title, body, owner_staff_id) VALUES ('Привет', 'Здравствуйте', \(anna.rawValue)) RETURNING id")
            _ = try await app.int("INSERT INTO macro (title, body, owner_staff_id, set_category) VALUES ('Выплаты', 'Проверим', \(anna.rawValue), 'payment') RETURNING id")
            let reply = try await app.call(.get, "/api/v1/tickets/\(ticket)/suggestions", token: agent)
            #expect(reply.status == .ok, "\(reply.body)")
            let articles = (reply.json["articles"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
            let macros = (reply.json["macros"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(articles == ["payout-timing"], "staff see staff-only articles")
            #expect(macros == ["Выплаты", "Привет"], "macros setting the ticket's category first")
            let requesterToken = try await app.login("vera@example.com", account: "requester")
            #expect(try await app.call(.get, "/api/v1/tickets/\(ticket)/suggestions", token: requesterToken).status == .forbidden)
        }
    }
}
