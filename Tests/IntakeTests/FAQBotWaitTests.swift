import Foundation
import Intake
import JobQueue
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// "No answer" after a bot answer: the scheduled `faq_bot_wait` job hands the ticket to a person.
struct FAQBotWaitTests {
    @Test func aBotAnswerSchedulesTheWait() async throws {
        try await FAQBotIntakeTests.withFAQ { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Когда придёт выплата продавцу?")).ticket()
            let waits = try await env.strings(
                """
                SELECT queue || '|' || (extract(epoch FROM run_at - now()) BETWEEN 14 * 60 AND 15 * 60)::text FROM job
                WHERE kind = 'faq_bot_wait' AND convert_from(payload, 'UTF8')::jsonb->>'ticket_id' = '\(ticket)'
                """)
            #expect(waits == ["intake|true"], "one wait, due in 15 minutes")
        }
    }

    @Test func silenceHandsOverOnceWithAMessage() async throws {
        try await FAQBotIntakeTests.withFAQ { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Как обжаловать бан?")).ticket()
            #expect(try await env.handler.endBotWait(ticketID: ticket))
            #expect(try await env.status(ticket) == "open")
            #expect(try await env.routingReasons(ticket) == ["handover"])
            #expect(try await env.eventTypes(ticket).suffix(2) == ["status_changed", "handed_over"])
            #expect(try await env.string("SELECT data->>'reason' FROM ticket_event WHERE ticket_id = \(ticket) AND type = 'handed_over'") == "no_answer")
            #expect(try await env.string("SELECT actor_kind FROM ticket_event WHERE ticket_id = \(ticket) AND type = 'handed_over'") == "bot")
            let told = try await env.strings("SELECT channel || '|' || address || '|' || (payload->>'text') FROM notification WHERE template = 'bot_wait_ended'")
            #expect(told.count == 1 && told[0].hasPrefix("telegram|42|") && told[0].contains("специалисту"), "\(told)")
            #expect(try await env.int("SELECT count(*)::int FROM kb_bot_outcome WHERE handed_over AND NOT deflected") == 1)

            // Delivered twice: nothing more.
            #expect(try await env.handler.endBotWait(ticketID: ticket) == false)
            #expect(try await env.routingReasons(ticket) == ["handover"])
            #expect(try await env.int("SELECT count(*)::int FROM notification WHERE template = 'bot_wait_ended'") == 1)
        }
    }

    @Test func anAnsweredBotWaitsNoLonger() async throws {
        try await FAQBotIntakeTests.withFAQ { env in
            let helped = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Когда придёт выплата продавцу?")).ticket()
            _ = try await env.deliver(.telegram, TelegramUpdates.callback(update: 2, data: "helped:\(helped)"))
            #expect(try await env.handler.endBotWait(ticketID: helped) == false)
            #expect(try await env.status(helped) == "resolved")

            let replied = try await env.deliver(
                .telegram, TelegramUpdates.text(update: 3, user: 77, messageID: 1, "How do I open a dispute?")).ticket()
            _ = try await env.deliver(.telegram, TelegramUpdates.text(update: 4, user: 77, messageID: 2, "It is about deal 12"))
            #expect(try await env.handler.endBotWait(ticketID: replied) == false)
            #expect(try await env.routingReasons(replied) == ["reply"], "the reply already routed it")
            #expect(try await env.handler.endBotWait(ticketID: 999_999) == false, "a deleted ticket is nothing to do")
            #expect(try await env.int("SELECT count(*)::int FROM notification WHERE template = 'bot_wait_ended'") == 0)
        }
    }

    @Test func theWaitIsConfigurable() throws {
        #expect(try IntakeConfiguration(environment: [:]).faqBotWait == .seconds(900))
        #expect(try IntakeConfiguration(environment: ["SUPPORT_FAQ_BOT_WAIT_MINUTES": "5"]).faqBotWait == .seconds(300))
        for bad in ["0", "241", "ten", "1.5"] {
            let error = try #require(throws: IntakeConfigurationError.self) {
                try IntakeConfiguration(environment: ["SUPPORT_FAQ_BOT_WAIT_MINUTES": bad])
            }
            #expect(error.message.hasPrefix("SUPPORT_FAQ_BOT_WAIT_MINUTES:"))
        }
    }

    /// The wait as the intake worker runs it: a short wait, a real `JobWorker`, the scheduled job.
    @Test(.timeLimit(.minutes(10)))
    func theIntakeWorkerEndsTheWait() async throws {
        var configuration = FAQBotIntakeTests.configuration
        configuration.faqBotWait = .seconds(1)
        try await IntakeEnv.with(configuration: configuration) { env in
            try await env.client.withConnection { connection in
                for article in FAQFixture.articles { _ = try await KnowledgeStore(connection: connection, logger: env.logger).create(article, by: nil) }
            }
            var handlers = JobHandlerRegistry()
            env.handler.register(in: &handlers)
            var workerConfiguration = JobWorkerConfiguration(queues: ["intake": 2])
            workerConfiguration.shutdownTimeout = .seconds(2)
            let worker = JobWorker(client: env.client, connection: env.db.settings.connectionConfiguration,
                                   configuration: workerConfiguration, handlers: handlers, logger: env.logger)
            _ = try await env.receive(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Как обжаловать бан?"), dedupeKey: "1")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await worker.run() }
                let deadline = ContinuousClock.now + .seconds(90)  // a hang guard; the wait is 1 s
                while try await env.int("SELECT count(*)::int FROM ticket_event WHERE type = 'handed_over'") == 0,
                    ContinuousClock.now < deadline
                {
                    try await Task.sleep(for: .milliseconds(50))
                }
                group.cancelAll()
            }
            #expect(try await env.int("SELECT count(*)::int FROM ticket_event WHERE type = 'handed_over'") == 1)
            #expect(try await env.strings("SELECT status FROM ticket") == ["open"])
            #expect(try await env.int("SELECT count(*)::int FROM job WHERE queue = 'routing'") == 1)
            #expect(try await env.int("SELECT count(*)::int FROM job_dead") == 0)
        }
    }
}
