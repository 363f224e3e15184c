import Foundation
import Intake
import JobQueue
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The FAQ bot end to end through the Telegram path: stored updates, the intake handler, real PostgreSQL.
struct FAQBotIntakeTests {
    static let configuration = IntakeConfiguration(faqBot: .standard, kbBaseURL: "https://help.example.com/kb")

    static func withFAQ(_ label: String = #function, _ body: @Sendable (IntakeEnv) async throws -> Void) async throws {
        try await IntakeEnv.with(label: label, configuration: configuration) { env in
            try await env.client.withConnection { connection in
                let kb = KnowledgeStore(connection: connection, logger: env.logger)
                for article in FAQFixture.articles { _ = try await kb.create(article, by: nil) }
            }
            try await body(env)
        }
    }

    @Test func aConfidentMatchIsAnsweredAndHelpedResolvesItAsDeflected() async throws {
        try await Self.withFAQ { env in
            let outcome = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Когда придёт выплата продавцу?"))
            let ticket = try outcome.ticket()
            #expect(outcome == .botAnswered(ticket))
            #expect(try await env.status(ticket) == "pending_requester")
            #expect(try await env.eventTypes(ticket) == ["created", "bot_answered", "message_received"])
            #expect(try await env.routingReasons(ticket).isEmpty, "not routed while the bot's answer stands")
            let answer = try await env.string(
                "SELECT template || '|' || channel || '|' || address || '|' || (payload->>'keyboard') || '|' || (payload->>'ticket_id') FROM notification")
            #expect(answer == "bot_answer|telegram|42|helped_or_operator|\(ticket)", "no acknowledgement: the answer replaces it")
            let text = try await env.string("SELECT payload->>'text' FROM notification") ?? ""
            #expect(text.contains("Когда приходит выплата продавцу") && text.contains("https://help.example.com/kb/ru/payout-timing"), "\(text)")
            #expect(try await env.string("SELECT payload->>'operator_title' FROM notification") == "Позвать оператора")

            #expect(try await env.deliver(.telegram, TelegramUpdates.callback(update: 2, data: "helped:\(ticket)")) == .recorded(ticket))
            #expect(try await env.status(ticket) == "resolved")
            #expect(try await env.eventTypes(ticket).suffix(3) == ["requester_confirmed_helped", "status_changed", "deflected"])
            #expect(try await env.routingReasons(ticket).isEmpty)
            #expect(try await env.strings("SELECT template FROM notification ORDER BY id") == ["bot_answer", "deflected"])
            // A second press changes nothing.
            #expect(try await env.deliver(.telegram, TelegramUpdates.callback(update: 3, data: "helped:\(ticket)")) == .recorded(ticket))
            #expect(try await env.int("SELECT count(*)::int FROM ticket_event WHERE type = 'deflected'") == 1)
        }
    }

    @Test func callAnOperatorHandsOverAtOnce() async throws {
        try await Self.withFAQ { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Как обжаловать бан?")).ticket()
            #expect(try await env.status(ticket) == "pending_requester")
            #expect(try await env.deliver(.telegram, TelegramUpdates.callback(update: 2, data: "operator:\(ticket)")) == .handedOver(ticket))
            #expect(try await env.status(ticket) == "open")
            #expect(try await env.routingReasons(ticket) == ["handover"])
            #expect(try await env.eventTypes(ticket).suffix(2) == ["status_changed", "handed_over"])
            // "Helped" after a person took over resolves nothing.
            _ = try await env.deliver(.telegram, TelegramUpdates.callback(update: 3, data: "helped:\(ticket)"))
            #expect(try await env.status(ticket) == "open")
        }
    }

    @Test func operatorCommandHandsOver() async throws {
        try await Self.withFAQ { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "How do I open a dispute?")).ticket()
            #expect(try await env.status(ticket) == "pending_requester")
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "/operator")) == .appended(ticket))
            #expect(try await env.status(ticket) == "open")
            #expect(try await env.routingReasons(ticket) == ["handover"])
            #expect(try await env.eventTypes(ticket).last == "handed_over")
        }
    }

    @Test func aFurtherMessageHandsOver() async throws {
        try await Self.withFAQ { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "хочу открыть спор")).ticket()
            #expect(try await env.status(ticket) == "pending_requester")
            let more = try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "У меня нет номера сделки"))
            #expect(more == .appended(ticket))
            #expect(try await env.status(ticket) == "open")
            #expect(try await env.routingReasons(ticket) == ["reply"])
            #expect(try await env.eventTypes(ticket).contains("handed_over"))
            // Later messages are ordinary follow-ups, not further hand-overs.
            _ = try await env.deliver(.telegram, TelegramUpdates.text(update: 3, messageID: 3, "ещё"))
            #expect(try await env.int("SELECT count(*)::int FROM ticket_event WHERE type = 'handed_over'") == 1)
        }
    }

    @Test func unsureOrUnmatchedRequestsAreRoutedAsUsual() async throws {
        try await Self.withFAQ { env in
            for (update, text) in [(1, "Бот не отвечает на команды с утра"), (2, "Refund my money now")] {
                let outcome = try await env.deliver(
                    .telegram, TelegramUpdates.text(update: Int64(update), user: Int64(100 + update), messageID: 1, text))
                let ticket = try outcome.ticket()
                #expect(outcome == .created(ticket), "\(text)")
                #expect(try await env.routingReasons(ticket) == ["new"])
            }
            #expect(try await env.strings("SELECT template FROM notification ORDER BY id") == ["ack", "ack"])
        }
    }

    @Test func theBotIsOffUnlessConfigured() async throws {
        try await IntakeEnv.with { env in
            try await env.client.withConnection { connection in
                _ = try await KnowledgeStore(connection: connection, logger: env.logger).create(FAQFixture.articles[0], by: nil)
            }
            let outcome = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Когда придёт выплата продавцу?"))
            #expect(outcome == .created(try outcome.ticket()))
        }
        #expect(try IntakeConfiguration(environment: [:]).faqBot == nil)
        #expect(try IntakeConfiguration(environment: ["SUPPORT_FAQ_BOT_CONFIDENCE": "off"]).faqBot == nil)
        #expect(try IntakeConfiguration(environment: ["SUPPORT_FAQ_BOT_CONFIDENCE": "0.8"]).faqBot?.minimumConfidence == 0.8)
        #expect(throws: IntakeConfigurationError.self) { try IntakeConfiguration(environment: ["SUPPORT_FAQ_BOT_CONFIDENCE": "1.5"]) }
    }

    /// The deflection rate on the FAQ-like set (`Docs/KNOWLEDGE.md` quotes the printed line): each
    /// question comes from its own Telegram user; the requester presses "Helped" when the bot sent the
    /// right article and "Call an operator" when it sent another one.
    @Test func deflectionRateOnTheFAQSet() async throws {
        try await Self.withFAQ { env in
            var wrong: [String] = []
            var missed: [String] = []
            for (index, question) in FAQFixture.questions.enumerated() {
                let user = Int64(1000 + index)
                let outcome = try await env.deliver(
                    .telegram, TelegramUpdates.text(update: Int64(10 * index + 1), user: user, messageID: 1, question.text))
                let ticket = try outcome.ticket()
                guard case .botAnswered = outcome else {
                    if question.answer != nil { missed.append(question.text) }
                    continue
                }
                let slug = try await env.string(
                    "SELECT a.slug FROM notification n JOIN kb_article a ON a.id = (n.payload->>'article_id')::bigint WHERE n.ticket_id = \(ticket)")
                let button = slug == question.answer ? "helped" : "operator"
                if slug != question.answer { wrong.append("\(question.text) → \(slug ?? "?")") }
                _ = try await env.deliver(.telegram, TelegramUpdates.callback(update: Int64(10 * index + 2), user: user, data: "\(button):\(ticket)"))
            }
            let report = try await env.client.withConnection { connection in
                try await FAQBotLedger(connection: connection, logger: env.logger).report(
                    from: Date().addingTimeInterval(-3600), to: Date().addingTimeInterval(3600))
            }
            let answerable = FAQFixture.questions.filter { $0.answer != nil }.count
            print("""
                FAQ set: \(report.tickets) questions (\(answerable) answerable), bot answered \(report.answered), \
                deflected \(report.deflected), handed over \(report.handedOver); \
                deflection rate \(String(format: "%.0f", report.deflectionRate * 100))% of all, \
                \(String(format: "%.0f", Double(report.deflected) / Double(answerable) * 100))% of answerable; \
                wrong answers: \(wrong), missed: \(missed)
                """)
            #expect(report.tickets == FAQFixture.questions.count)
            #expect(wrong.isEmpty, "the bot never sends an unrelated article on this set")
            #expect(report.deflected >= answerable * 3 / 4, "missed: \(missed)")
            #expect(report.answered == report.deflected + report.handedOver)
        }
    }
}
