import Foundation
import Intake
import JobQueue
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The handler as the `support worker intake` process runs it: a real `JobWorker` consuming `intake`.
struct IntakeWorkerTests {
    @Test(.timeLimit(.minutes(10)))
    func workerProcessesGoodAndBadItemsAndCompletesEveryJob() async throws {
        try await IntakeEnv.with { env in
            var handlers = JobHandlerRegistry()
            env.handler.register(in: &handlers)
            var configuration = JobWorkerConfiguration(queues: ["intake": 2])
            configuration.shutdownTimeout = .seconds(2)
            let worker = JobWorker(client: env.client, connection: env.db.settings.connectionConfiguration,
                                   configuration: configuration, handlers: handlers, logger: env.logger)
            let good = try await env.receive(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "hello"), dedupeKey: "1")
            let bad = try await env.receive(.telegram, Array(#"{"update_id":2,"message":"nope"}"#.utf8), dedupeKey: "2")
            let auto = try await env.receive(.email, Mails.autoReply(to: "x@y"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await worker.run() }
                let deadline = ContinuousClock.now + .seconds(90)
                while ContinuousClock.now < deadline {
                    let pending = try await env.int(
                        "SELECT (SELECT count(*) FROM inbound_item WHERE status = 'received') + (SELECT count(*) FROM job WHERE queue = 'intake')")
                    if pending == 0 { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                group.cancelAll()
            }
            #expect(try await env.strings("SELECT status FROM inbound_item ORDER BY id") == ["processed", "failed", "ignored"])
            #expect(try await env.int("SELECT count(*)::int FROM job WHERE queue = 'intake'") == 0, "every intake job completed")
            #expect(try await env.int("SELECT count(*)::int FROM job_dead") == 0, "bad input is not retried to death")
            #expect(try await env.int("SELECT count(*)::int FROM job WHERE queue = 'routing'") == 1)
            #expect(try await env.int("SELECT count(*)::int FROM job WHERE queue = 'notify'") == 1)
            _ = (good, bad, auto)
        }
    }
}
