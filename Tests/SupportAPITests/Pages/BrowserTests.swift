import Foundation
import Intake
import JobQueue
import SupportTesting
import Testing

/// The pages in a real browser: headless Chromium (Debian `chromium` + `chromium-driver`) driven by
/// Selenium (`Tests/Browser/*.py`, PyPI) against the live server on real PostgreSQL, with the intake
/// worker running next to it. Screenshots of each page land in `screenshots/` for review.
struct BrowserTests {
    /// `python3` on PATH (the test venv's first, where `Deploy/local/test.sh` installs Selenium).
    static func python() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static var screenshots: URL { BuiltProducts.repositoryRoot.appendingPathComponent("screenshots") }

    @Test(.timeLimit(.minutes(10)))
    func aRequesterSignsInSubmitsAndReplies() async throws {
        let python = try #require(Self.python(), "python3 is not on PATH: run the tests through Deploy/local/test.sh")
        try await AuthFixture.with(live: true) { app in
            _ = try await app.requester("vera@example.com")
            let port = try #require(app.http.port)
            var handlers = JobHandlerRegistry()
            IntakeHandler(queue: JobQueue(client: app.client, logger: app.logger)).register(in: &handlers)
            var configuration = JobWorkerConfiguration(queues: ["intake": 2])
            configuration.shutdownTimeout = .seconds(2)
            let worker = JobWorker(client: app.client, connection: app.connection, configuration: configuration, handlers: handlers, logger: app.logger)
            let script = BuiltProducts.repositoryRoot.appendingPathComponent("Tests/Browser/portal_flow.py")
            let result = try await withThrowingTaskGroup(of: CommandResult?.self) { group in
                group.addTask { try await worker.run(); return nil }
                let result = try await CommandResult.run(
                    python, [script.path, "--base-url", "http://127.0.0.1:\(port)", "--email", "vera@example.com",
                             "--password", AuthFixture.password, "--screenshots", Self.screenshots.path],
                    timeout: .seconds(300))
                group.cancelAll()
                return result
            }
            #expect(result.status == 0, "\(result.stdout)\n\(result.stderr.suffix(3000))")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE channel = 'web' AND requested_category = 'payment'") == 1)
            #expect(try await app.int("SELECT count(*) FROM message WHERE author_kind = 'requester'") == 2, "the request and the reply")
        }
    }
}
