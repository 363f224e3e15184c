import SupportSchema
import Testing

/// The owner views in a real browser (see `BrowserTests`): an owner sees the complaint that the accused
/// agent cannot; screenshots of the complaints, admin and ops pages.
struct OwnerBrowserTests {
    @Test(.timeLimit(.minutes(10)))
    func anOwnerSeesTheComplaintThatTheAccusedAgentCannot() async throws {
        try await AuthFixture.with(live: true) { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            _ = try await app.int("UPDATE staff SET name = 'Анна Петрова' WHERE id = \(anna.rawValue) RETURNING 1")
            try await app.staff("owner@desk.local", roles: [.owner])
            let subject = "Агент Анна грубит"
            let complaint = try await app.ticket(of: vera, subject: subject, category: .complaint, named: anna, line: .l3)
            try await app.message(complaint, body: "Анна грубит в каждом ответе", requester: vera)
            try await BrowserScenario.run(
                "owner_complaint", app: app,
                arguments: ["--agent", "anna@desk.local", "--owner", "owner@desk.local", "--password", AuthFixture.password,
                            "--complaint", String(complaint.rawValue), "--subject", subject])
        }
    }
}
