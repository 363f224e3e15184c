import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import SupportAPI
import SupportStore
import SupportTesting
import Testing

/// The webhook over real HTTP handling and a real database: secret, size, dedupe, malformed input.
struct TelegramWebhookTests {
    let secret = "s3cret-token"

    func withApp(
        secret: String?, limits: InboundLimits = .init(),
        _ body: @Sendable (any TestClientProtocol, PostgresClient, TestDatabase) async throws -> Void
    ) async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                var configuration = APIApplication.Configuration(telegramWebhookSecret: secret)
                configuration.limits = limits
                let app = Application(router: APIApplication.buildRouter(client: client, configuration: configuration, logger: db.logger))
                try await app.test(.router) { http in try await body(http, client, db) }
            }
        }
    }

    func post(_ http: any TestClientProtocol, _ json: String, secret: String?) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let secret { headers[HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!] = secret }
        return try await http.execute(uri: "/telegram/webhook", method: .post, headers: headers, body: ByteBuffer(string: json)) {
            ($0.status, String(buffer: $0.body))
        }
    }

    func rows(_ client: PostgresClient, _ db: TestDatabase) async throws -> (received: Int, failed: Int, jobs: Int) {
        try await client.query(
            """
            SELECT (SELECT count(*)::int FROM inbound_item WHERE status = 'received'),
                   (SELECT count(*)::int FROM inbound_item WHERE status = 'failed'),
                   (SELECT count(*)::int FROM job WHERE queue = 'intake')
            """, logger: db.logger
        ).collect().first?.decode((Int, Int, Int).self) ?? (0, 0, 0)
    }

    @Test func storesAnUpdateOnceEvenWhenTelegramRedelivers() async throws {
        try await withApp(secret: secret) { http, client, db in
            let update = #"{"update_id": 900001, "message": {"message_id": 1, "date": 1700000000, "chat": {"id": 42, "type": "private"}, "from": {"id": 42, "is_bot": false, "first_name": "Ivan"}, "text": "/start"}}"#
            let first = try await post(http, update, secret: secret)
            let again = try await post(http, update, secret: secret)
            #expect(first.0 == .ok && again.0 == .ok)
            #expect(first.1 == #"{"ok":true}"#)
            let r = try await rows(client, db)
            #expect(r.received == 1 && r.jobs == 1)
        }
    }

    @Test func refusesAWrongOrMissingSecret() async throws {
        try await withApp(secret: secret) { http, client, db in
            let wrong = try await post(http, #"{"update_id": 1}"#, secret: "guess")
            let missing = try await post(http, #"{"update_id": 1}"#, secret: nil)
            #expect(wrong.0 == .unauthorized && missing.0 == .unauthorized)
            #expect(wrong.1.contains(#""code":"bad_secret""#))
            #expect(try await rows(client, db).received == 0)
        }
    }

    @Test func isDisabledWithoutAConfiguredSecret() async throws {
        try await withApp(secret: nil) { http, _, _ in
            let reply = try await post(http, #"{"update_id": 1}"#, secret: "anything")
            #expect(reply.0 == .notFound)
            #expect(reply.1.contains("TELEGRAM_WEBHOOK_SECRET"))
        }
    }

    @Test(arguments: ["{not json", #"{"message": {}}"#, #"{"update_id": "seven"}"#, "[]"])
    func keepsMalformedUpdatesAndAnswers400(body: String) async throws {
        try await withApp(secret: secret) { http, client, db in
            let reply = try await post(http, body, secret: secret)
            #expect(reply.0 == .badRequest)
            #expect(reply.1.contains(#""code":"malformed_update""#))
            let r = try await rows(client, db)
            #expect(r.failed == 1 && r.jobs == 0, "the raw item is kept for inspection, nothing queued")
        }
    }

    @Test func refusesOversizedBodiesWith413() async throws {
        var limits = InboundLimits()
        limits.telegramBytes = 1024
        try await withApp(secret: secret, limits: limits) { http, client, db in
            let big = #"{"update_id": 5, "message": {"text": ""# + String(repeating: "x", count: 4096) + #""}}"#
            let reply = try await post(http, big, secret: secret)
            #expect(reply.0 == .contentTooLarge)
            #expect(try await rows(client, db).received == 0)
        }
    }
}
