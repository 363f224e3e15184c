import Intake
import JobQueue
import Routing
import SupportSchema
import SupportTesting
import Testing

/// The pages in a real browser: headless Chromium (Debian `chromium` + `chromium-driver`) driven by
/// Selenium (`Tests/Browser/*.py`, PyPI) against the live server on real PostgreSQL, with the workers a
/// scenario needs running next to it. Screenshots of each page land in `screenshots/` for review.
struct BrowserTests {
    @Test(.timeLimit(.minutes(10)))
    func aRequesterSignsInSubmitsAndReplies() async throws {
        try await AuthFixture.with(live: true) { app in
            _ = try await app.requester("vera@example.com")
            var handlers = JobHandlerRegistry()
            IntakeHandler(queue: JobQueue(client: app.client, logger: app.logger)).register(in: &handlers)
            try await BrowserScenario.run(
                "portal_flow", app: app, arguments: ["--email", "vera@example.com", "--password", AuthFixture.password],
                handlers: handlers, queues: ["intake": 2])
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE channel = 'web' AND requested_category = 'payment'") == 1)
            #expect(try await app.int("SELECT count(*) FROM message WHERE author_kind = 'requester'") == 2, "the request and the reply")
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func anAgentSeesARequestArriveLiveAnswersWithAMacroAndEscalates() async throws {
        try await AuthFixture.with(live: true) { app in
            _ = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            _ = try await app.int("INSERT INTO macro (title, body, owner_staff_id) VALUES ('Проверяем бота', 'Здравствуйте, {{requester_name}}! Мы уже проверяем бота.', \(anna.rawValue)) RETURNING id")
            var handlers = JobHandlerRegistry()
            let queue = JobQueue(client: app.client, logger: app.logger)
            IntakeHandler(queue: queue).register(in: &handlers)
            RoutingHandler(queue: queue).register(in: &handlers)
            try await BrowserScenario.run(
                "agent_flow", app: app,
                arguments: ["--agent-email", "anna@desk.local", "--requester-email", "vera@example.com", "--password", AuthFixture.password],
                handlers: handlers, queues: ["intake": 2, "routing": 2])
            #expect(try await app.int(
                "SELECT count(*) FROM ticket t JOIN ticket_event e ON e.ticket_id = t.id WHERE t.subject = 'Бот не отвечает на команды' AND e.type = 'escalated' AND e.actor_kind = 'staff'") == 1)
            #expect(try await app.int("SELECT count(*) FROM message WHERE author_kind = 'staff' AND body LIKE '%Мы уже проверяем бота.'") == 1)
            let actions = try await app.auditRows().map(\.action)
            #expect(actions.contains("ticket.macro") && actions.contains("ticket.escalate"))
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func anOwnerReadsTheReportsWithTheirCharts() async throws {
        try await AuthFixture.with(live: true) { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            _ = try await app.int("UPDATE staff SET name = 'Анна' WHERE id = \(anna.rawValue) RETURNING 1")
            try await app.staff("owner@desk.local", roles: [.owner])
            for (score, category) in [(5, "payment"), (4, "question"), (2, "technical")] {
                let ticket = try await app.ticket(of: vera, subject: "Оценка \(score)", category: Category(rawValue: category), assignee: anna)
                _ = try await app.int(
                    "UPDATE ticket SET status = 'resolved', resolved_at = now(), csat_score = \(score), csat_at = now() WHERE id = \(ticket.rawValue) RETURNING 1")
            }
            try await BrowserScenario.run("reports_pages", app: app, arguments: ["--email", "owner@desk.local", "--password", AuthFixture.password])
        }
    }
}
