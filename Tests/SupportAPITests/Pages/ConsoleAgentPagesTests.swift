import Foundation
import HTTPTypes
import SupportSchema
import SupportStore
import Testing

/// The agent's console beyond replies, over HTTP on real PostgreSQL: macros and suggestions, escalation,
/// links and merges through the API's code paths (audited, refusals shown on the page), the requester's
/// account, and the live queue's event stream.
struct ConsoleAgentPagesTests {
    typealias P = PortalPagesTests

    static func form(_ app: AuthFixture, _ uri: String, cookie: String, _ fields: [String: String]) async throws -> P.Page {
        let page = try await P.page(app, .get, uri.components(separatedBy: "/").prefix(4).joined(separator: "/"), cookie: cookie)
        return try await P.page(app, .post, uri, cookie: cookie, form: fields.merging(["csrf": try #require(page.csrf)]) { $1 })
    }

    @Test func macrosSuggestionsAndEscalationGoThroughTheAPIsPaths() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            let ticket = try await app.ticket(of: vera, subject: "Бот падает при выплате", category: .technical, assignee: anna)
            try await app.message(ticket, body: "Бот падает, когда я нажимаю выплату", requester: vera)
            let macro = try await app.int("INSERT INTO macro (title, body, owner_staff_id, set_status) VALUES ('Чиним', 'Здравствуйте, {{requester_name}}! Уже чиним, #{{ticket_number}}.', \(anna.rawValue), 'pending_third_party') RETURNING id")
            let agent = try await ConsolePagesTests.signIn(app, "anna@desk.local")
            let path = "/console/tickets/\(ticket.rawValue)"

            let page = try await P.page(app, .get, path, cookie: agent)
            #expect(page.status == .ok && page.body.contains("Чиним") && page.body.contains("id=\"escalate\""))
            #expect(page.body.contains("/console/requesters/\(vera.rawValue)"))

            let applied = try await Self.form(app, "\(path)/macro", cookie: agent, ["macro_id": String(macro)])
            #expect(applied.status == .seeOther && applied.location == "\(path)?done=macro")
            #expect(try await app.int("SELECT count(*) FROM message WHERE ticket_id = \(ticket.rawValue) AND author_kind = 'staff' AND body LIKE '%Уже чиним, #%'") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(ticket.rawValue) AND status = 'pending_third_party'") == 1)
            let unknown = try await Self.form(app, "\(path)/macro", cookie: agent, ["macro_id": "999999"])
            #expect(unknown.status == .notFound && unknown.body.contains("no macro 999999"), "a refusal is shown on the page")

            let silent = try await Self.form(app, "\(path)/escalate", cookie: agent, ["direction": "up", "reason": "  "])
            #expect(silent.status == .badRequest && silent.body.contains("reason"))
            let up = try await Self.form(app, "\(path)/escalate", cookie: agent, ["direction": "up", "reason": "L1 не воспроизводит"])
            #expect(up.status == .seeOther && up.location == "\(path)?done=escalated")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(ticket.rawValue) AND line = 'l2'") == 1)
            #expect(try await P.page(app, .post, "\(path)/escalate", cookie: agent, form: ["csrf": "stale", "direction": "up", "reason": "x"]).status == .forbidden)
            let actions = try await app.auditRows().map(\.action)
            #expect(actions.contains("ticket.macro") && actions.contains("ticket.escalate"))
        }
    }

    @Test func linksAndMergesNeedTheMergePermissionAndAreAudited() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let ivan = try await app.requester("ivan@example.com")
            try await app.staff("anna@desk.local", roles: [.agent])
            try await app.staff("mod@desk.local", roles: [.moderator])
            let incident = try await app.ticket(of: vera, subject: "Бот не отвечает", category: .technical, line: .l2)
            _ = try await app.int("UPDATE ticket SET is_incident = true WHERE id = \(incident.rawValue) RETURNING 1")
            let report = try await app.ticket(of: ivan, subject: "Бот молчит", category: .technical)
            let number = try await app.int("SELECT number FROM ticket WHERE id = \(incident.rawValue)")
            let agent = try await ConsolePagesTests.signIn(app, "anna@desk.local")
            let path = "/console/tickets/\(report.rawValue)"

            let typo = try await Self.form(app, "\(path)/link", cookie: agent, ["number": "abc"])
            #expect(typo.status == .badRequest)
            let missing = try await Self.form(app, "\(path)/link", cookie: agent, ["number": "#99999"])
            #expect(missing.status == .notFound)
            let linked = try await Self.form(app, "\(path)/link", cookie: agent, ["number": "#\(number)"])
            #expect(linked.status == .seeOther, "\(linked.body.prefix(500))")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(report.rawValue) AND parent_incident_id = \(incident.rawValue)") == 1)
            let incidentPage = try await P.page(app, .get, "/console/tickets/\(incident.rawValue)", cookie: agent)
            #expect(incidentPage.body.contains("id=\"reports\"") && incidentPage.body.contains("Бот молчит"))
            let reportPage = try await P.page(app, .get, path, cookie: agent)
            #expect(reportPage.body.contains("id=\"incident-link\"") && reportPage.body.contains("id=\"unlink\""))

            let moderator = try await ConsolePagesTests.signIn(app, "mod@desk.local")
            let refused = try await Self.form(app, "\(path)/unlink", cookie: moderator, [:])
            #expect(refused.status == .forbidden, "moderators do not link or merge")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE parent_incident_id IS NOT NULL") == 1)

            let unlinked = try await Self.form(app, "\(path)/unlink", cookie: agent, [:])
            #expect(unlinked.status == .seeOther)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE parent_incident_id IS NOT NULL") == 0)
            let actions = try await app.auditRows().map(\.action)
            #expect(actions.contains("ticket.link") && actions.contains("ticket.unlink"))
        }
    }

    @Test func theRequesterAccountShowsOnlyTicketsTheViewerMaySee() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            try await app.ticket(of: vera, subject: "Вопрос про комиссию")
            try await app.ticket(of: vera, subject: "Анна грубит", category: .complaint, named: anna, line: .l3)
            let agent = try await ConsolePagesTests.signIn(app, "anna@desk.local")
            let account = try await P.page(app, .get, "/console/requesters/\(vera.rawValue)", cookie: agent)
            #expect(account.status == .ok && account.body.contains("vera@example.com") && account.body.contains("Вопрос про комиссию"))
            #expect(!account.body.contains("Анна грубит"), "the accused never sees the complaint, not even listed")
            #expect(try await P.page(app, .get, "/console/requesters/999999", cookie: agent).status == .notFound)
            #expect(try await P.page(app, .get, "/console/requesters/x", cookie: agent).status == .badRequest)
        }
    }

    @Test func theQueueFiltersNarrowEverySectionAndRefuseUnknownValues() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            try await app.ticket(of: vera, subject: "Первая линия", assignee: anna)
            try await app.ticket(of: vera, subject: "Вторая линия", category: .technical, assignee: anna, priority: .high, line: .l2)
            let soon = try await app.ticket(of: vera, subject: "Скоро просрочка")
            _ = try await app.int("UPDATE ticket SET sla_due_at = now() + interval '10 minutes' WHERE id = \(soon.rawValue) RETURNING 1")
            let agent = try await ConsolePagesTests.signIn(app, "anna@desk.local")
            let l2 = try await P.page(app, .get, "/console?line=l2", cookie: agent)
            #expect(l2.status == .ok && l2.body.contains("Вторая линия") && !l2.body.contains("Первая линия"))
            #expect(l2.body.contains(#"<option value="l2" selected>"#), "the form keeps the choice")
            let due = try await P.page(app, .get, "/console?due=30", cookie: agent)
            #expect(due.body.contains("Скоро просрочка") && !due.body.contains("Вторая линия"))
            let bad = try await P.page(app, .get, "/console?priority=urgent", cookie: agent)
            #expect(bad.status == .badRequest && bad.body.contains("priority"))
        }
    }

    @Test func theLiveStreamSaysWhenTheQueueChanged() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            try await app.staff("anna@desk.local", roles: [.agent])
            let agent = try await ConsolePagesTests.signIn(app, "anna@desk.local")
            let queue = try await P.page(app, .get, "/console", cookie: agent)
            let version = try #require(queue.body.range(of: #"data-version=""#).map { String(queue.body[$0.upperBound...].prefix { $0 != "\"" }) })
            #expect(queue.body.contains("/console/live.js"))

            let quiet = try await P.page(app, .get, "/console/events?since=\(version)&wait=1", cookie: agent)
            #expect(quiet.status == .ok && quiet.headers[.contentType] == "text/event-stream")
            #expect(!quiet.body.contains("event: queue"), "nothing changed")

            try await app.ticket(of: vera, subject: "Новое обращение")
            let changed = try await P.page(app, .get, "/console/events?since=\(version)&wait=1", cookie: agent)
            #expect(changed.body.contains("event: queue"), "\(changed.body)")
            #expect(try await P.page(app, .get, "/console/events?since=\(version)&wait=1").status == .unauthorized)
            let script = try await P.page(app, .get, "/console/live.js")
            #expect(script.status == .ok && script.body.contains("EventSource"))
        }
    }
}
