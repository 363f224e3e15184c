import AnswerDrafts
import Foundation
import HTTPTypes
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// LLM answer drafts for agents, against a local server speaking the chat-completions API.
struct DraftReplyAPITests {
    static let completion = #"{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"  Выплата приходит за три рабочих дня.  "},"finish_reason":"stop"}]}"#

    static func withDrafts(
        _ label: String = #function, _ body: @Sendable (AuthFixture, StubHTTPServer, TicketID) async throws -> Void
    ) async throws {
        try await StubHTTPServer.with { stub, url in
            var configuration = AuthFixture.configuration()
            configuration.llm = LLMConfiguration(baseURL: URL(string: "\(url)/v1")!, model: "local-model", apiKey: "sk-test")
            try await AuthFixture.with(label: label, configuration: configuration) { app in
                let anna = try await app.staff("anna@desk.local", roles: [.agent])
                let requester = try await app.requester("vera@example.com")
                let ticket = try await app.ticket(of: requester, subject: "Выплата не пришла", category: .payment)
                try await app.message(ticket, body: "Продавец ждёт выплату третий день", requester: requester)
                try await app.message(ticket, body: "Секретная заметка", isInternal: true, staff: anna)
                _ = try await app.int("""
                    INSERT INTO kb_article (slug, locale, title, body, status, published_at, visibility)
                    VALUES ('payout-timing', 'ru', 'Когда приходит выплата продавцу', 'Три рабочих дня после подтверждения.', 'published', now(), 'staff'),
                           ('payout-draft', 'ru', 'Выплата: черновик', 'Не опубликовано.', 'draft', NULL, 'public') RETURNING id
                    """)
                try await body(app, stub, ticket)
            }
        }
    }

    @Test func anAgentGetsADraftFromTheArticles() async throws {
        try await Self.withDrafts { app, stub, ticket in
            stub.reply.withLock { $0 = (200, Self.completion) }
            let agent = try await app.login("anna@desk.local")
            let reply = try await app.call(.post, "/api/v1/tickets/\(ticket)/draft-reply", token: agent)
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.json["text"] as? String == "Выплата приходит за три рабочих дня.")
            #expect(reply.json["model"] as? String == "local-model")
            #expect((reply.json["article_ids"] as? [Any])?.count == 1, "only published articles")

            let sent = try #require(stub.requests.withLock { $0 }.first)
            #expect(sent.path == "/v1/chat/completions")
            #expect(sent.headers[.authorization] == "Bearer sk-test")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(sent.body.utf8)) as? [String: Any])
            #expect(body["model"] as? String == "local-model")
            let messages = body["messages"] as? [[String: String]] ?? []
            #expect(messages.map { $0["role"] ?? "" } == ["system", "user"])
            let prompt = messages.last?["content"] ?? ""
            #expect(prompt.contains("Три рабочих дня после подтверждения.") && prompt.contains("Продавец ждёт выплату третий день"))
            #expect(!prompt.contains("Секретная заметка") && !prompt.contains("Не опубликовано"), "no notes, no drafts")
            #expect(try await app.auditRows().map(\.action).contains("ticket.draft"))
            #expect(try await app.int("SELECT count(*) FROM message WHERE ticket_id = \(ticket.rawValue) AND author_kind = 'staff' AND NOT is_internal") == 0,
                    "a draft is not sent")
        }
    }

    @Test func aFailingEndpointIsA502AndRequestersAreRefused() async throws {
        try await Self.withDrafts { app, stub, ticket in
            let agent = try await app.login("anna@desk.local")
            stub.reply.withLock { $0 = (500, #"{"error":"overloaded"}"#) }
            let failed = try await app.call(.post, "/api/v1/tickets/\(ticket)/draft-reply", token: agent)
            #expect(failed.status == .badGateway && failed.body.contains("llm_unavailable") && failed.body.contains("HTTP 500"), "\(failed.body)")
            stub.reply.withLock { $0 = (200, #"{"choices":[{"message":{"role":"assistant","content":"   "}}]}"#) }
            #expect(try await app.call(.post, "/api/v1/tickets/\(ticket)/draft-reply", token: agent).status == .badGateway)
            stub.reply.withLock { $0 = (200, #"{"unexpected":true}"#) }
            #expect(try await app.call(.post, "/api/v1/tickets/\(ticket)/draft-reply", token: agent).status == .badGateway)

            let requester = try await app.login("vera@example.com", account: "requester")
            #expect(try await app.call(.post, "/api/v1/tickets/\(ticket)/draft-reply", token: requester).status == .forbidden)
            #expect(try await app.call(.post, "/api/v1/tickets/999999/draft-reply", token: agent).status == .notFound)
            #expect(stub.requests.withLock { $0.count } == 3, "refused callers never reach the model")
        }
    }

    @Test func draftsAreOffWithoutAnEndpoint() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@desk.local", roles: [.agent])
            let requester = try await app.requester("vera@example.com")
            let ticket = try await app.ticket(of: requester, subject: "Вопрос", category: .question)
            let reply = try await app.call(.post, "/api/v1/tickets/\(ticket)/draft-reply", token: try await app.login("anna@desk.local"))
            #expect(reply.status == .conflict && reply.body.contains("llm_disabled"), "\(reply.body)")
        }
    }

    @Test func configurationNamesTheBadVariable() throws {
        #expect(try LLMConfiguration.from(environment: [:]) == nil)
        let on = try #require(try LLMConfiguration.from(environment: [
            "SUPPORT_LLM_URL": "http://127.0.0.1:11434/v1", "SUPPORT_LLM_MODEL": "qwen", "SUPPORT_LLM_TIMEOUT_SECONDS": "5",
            "SUPPORT_LLM_BOT_ANSWERS": "on",
        ]))
        #expect(on.completionsURL.absoluteString == "http://127.0.0.1:11434/v1/chat/completions")
        #expect(on.timeout == .seconds(5) && on.answersRequesters && on.apiKey == nil)
        let cases: [([String: String], String)] = [
            (["SUPPORT_LLM_URL": "ftp://x"], "SUPPORT_LLM_URL:"),
            (["SUPPORT_LLM_URL": "http://x/v1"], "SUPPORT_LLM_MODEL:"),
            (["SUPPORT_LLM_URL": "http://x/v1", "SUPPORT_LLM_MODEL": "m", "SUPPORT_LLM_TIMEOUT_SECONDS": "0"], "SUPPORT_LLM_TIMEOUT_SECONDS:"),
            (["SUPPORT_LLM_URL": "http://x/v1", "SUPPORT_LLM_MODEL": "m", "SUPPORT_LLM_BOT_ANSWERS": "yes"], "SUPPORT_LLM_BOT_ANSWERS:"),
        ]
        for (environment, prefix) in cases {
            let error = try #require(throws: LLMConfigurationError.self) { try LLMConfiguration.from(environment: environment) }
            #expect(error.message.hasPrefix(prefix), "\(error.message)")
        }
    }
}
