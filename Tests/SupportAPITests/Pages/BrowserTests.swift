import Intake
import JobQueue
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
}
