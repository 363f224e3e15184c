import AnswerDrafts
import Foundation
import Intake
import JobQueue
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The FAQ bot answering with an LLM draft (`SUPPORT_LLM_BOT_ANSWERS=on`), against a local server
/// speaking the chat-completions API.
struct FAQBotDraftTests {
    static let completion = #"{"choices":[{"index":0,"message":{"role":"assistant","content":"Выплата приходит в течение трёх рабочих дней."}}]}"#

    static func withDrafts(_ label: String = #function, _ body: @Sendable (IntakeEnv, StubHTTPServer) async throws -> Void) async throws {
        try await StubHTTPServer.with { stub, url in
            var configuration = FAQBotIntakeTests.configuration
            configuration.llm = LLMConfiguration(baseURL: URL(string: "\(url)/v1")!, model: "local-model", answersRequesters: true)
            try await IntakeEnv.with(label: label, configuration: configuration) { env in
                try await env.client.withConnection { connection in
                    for article in FAQFixture.articles { _ = try await KnowledgeStore(connection: connection, logger: env.logger).create(article, by: nil) }
                }
                try await body(env, stub)
            }
        }
    }

    static func draftJobs(_ env: IntakeEnv) async throws -> [String] {
        try await env.strings("SELECT convert_from(payload, 'UTF8')::jsonb->>'article_id' FROM job WHERE kind = 'faq_bot_draft'")
    }

    @Test func theBotSendsTheModelsDraftWithTheArticleLink() async throws {
        try await Self.withDrafts { env, stub in
            stub.reply.withLock { $0 = (200, Self.completion) }
            let outcome = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Когда придёт выплата продавцу?"))
            let ticket = try outcome.ticket()
            #expect(outcome == .botAnswered(ticket))
            #expect(try await env.int("SELECT count(*)::int FROM notification") == 0, "the draft is sent after the transaction")
            let article = try #require(try await Self.draftJobs(env).first)

            #expect(try await env.handler.sendBotDraft(ticketID: ticket, articleID: ArticleID(Int64(article)!)) == true)
            let text = try await env.string("SELECT payload->>'text' FROM notification WHERE template = 'bot_answer'") ?? ""
            #expect(text.contains("Выплата приходит в течение трёх рабочих дней.") && text.contains("https://help.example.com/kb/ru/payout-timing"), "\(text)")
            #expect(try await env.string("SELECT channel || '|' || address || '|' || (payload->>'keyboard') || '|' || (payload->>'drafted_by') FROM notification")
                == "telegram|42|helped_or_operator|local-model")
            let prompt = stub.requests.withLock { $0 }.first?.body ?? ""
            #expect(prompt.contains("answer a user") && prompt.contains("Когда придёт выплата продавцу"), "\(prompt.prefix(300))")

            // Redelivered: no second notification, no second model call.
            #expect(try await env.handler.sendBotDraft(ticketID: ticket, articleID: ArticleID(Int64(article)!)) == nil)
            #expect(try await env.int("SELECT count(*)::int FROM notification") == 1)
            #expect(stub.requests.withLock { $0.count } == 1)

            // The buttons work as with the article's text.
            _ = try await env.deliver(.telegram, TelegramUpdates.callback(update: 2, data: "helped:\(ticket)"))
            #expect(try await env.status(ticket) == "resolved")
        }
    }

    @Test func aFailingModelSendsTheArticleInstead() async throws {
        try await Self.withDrafts { env, stub in
            stub.reply.withLock { $0 = (503, #"{"error":"down"}"#) }
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Когда придёт выплата продавцу?")).ticket()
            let article = try #require(try await Self.draftJobs(env).first.flatMap { Int64($0) })
            #expect(try await env.handler.sendBotDraft(ticketID: ticket, articleID: ArticleID(article)) == false)
            let text = try await env.string("SELECT payload->>'text' FROM notification WHERE template = 'bot_answer'") ?? ""
            #expect(text.contains("Когда приходит выплата продавцу") && text.contains("https://help.example.com/kb/ru/payout-timing"), "\(text)")
            #expect(try await env.string("SELECT payload->>'drafted_by' FROM notification") == nil)
        }
    }

    @Test func nothingIsSentOnceTheRequesterMovedOn() async throws {
        try await Self.withDrafts { env, stub in
            stub.reply.withLock { $0 = (200, Self.completion) }
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Как обжаловать бан?")).ticket()
            let article = try #require(try await Self.draftJobs(env).first.flatMap { Int64($0) })
            _ = try await env.deliver(.telegram, TelegramUpdates.callback(update: 2, data: "operator:\(ticket)"))
            #expect(try await env.handler.sendBotDraft(ticketID: ticket, articleID: ArticleID(article)) == nil)
            #expect(try await env.int("SELECT count(*)::int FROM notification WHERE template = 'bot_answer'") == 0)
            #expect(try await env.handler.sendBotDraft(ticketID: 999_999, articleID: ArticleID(article)) == nil)
        }
    }
}
