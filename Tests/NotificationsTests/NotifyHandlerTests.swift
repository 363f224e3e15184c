import Foundation
import JobQueue
import Logging
@testable import Notifications
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Delivery against real servers: a stub Bot API / webhook receiver over HTTP and aiosmtpd over SMTP.
struct NotifyHandlerTests {
    static let sentMessage = #"{"ok":true,"result":{"message_id":77,"chat":{"id":100000001,"type":"private"},"date":1795417200,"text":"hi"}}"#

    /// A migrated database with one requester and a notification row to deliver.
    func withNotification(
        channel: String, address: String?, template: String = "ack", payload: String = #"{"text":"Ticket #1001 received","subject":"Payout"}"#,
        _ body: @Sendable (SQLProbe, NotificationID, PostgresClient, Logger) async throws -> Void
    ) async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let sql = SQLProbe(client: client, logger: db.logger)
                try await sql.exec("INSERT INTO requester (display_name) VALUES ('Ivan')")
                try await sql.exec("""
                    INSERT INTO ticket (requester_id, channel, subject) SELECT id, 'telegram', 'Payout' FROM requester
                    """)
                let addressSQL = address.map { "'\($0)'" } ?? "NULL"
                try await sql.exec("""
                    INSERT INTO notification (recipient_requester_id, address, channel, template, ticket_id, payload, idempotency_key)
                    SELECT r.id, \(addressSQL), '\(channel)', '\(template)', t.id, '\(payload)'::jsonb, 'k1'
                    FROM requester r, ticket t
                    """)
                let id = NotificationID(Int64(try await sql.int("SELECT id::int FROM notification")))
                try await body(sql, id, client, db.logger)
            }
        }
    }

    @Test func telegramSendsOnceEvenWhenTheJobRunsTwice() async throws {
        try await StubHTTPServer.with { stub, base in
            stub.reply.withLock { $0 = (200, Self.sentMessage) }
            try await withNotification(channel: "telegram", address: "100000001") { sql, id, client, logger in
                let handler = NotifyHandler(client: client, configuration: NotificationsConfiguration(telegramToken: "T0K", telegramBaseURL: URL(string: base)!))
                try await handler.deliver(id, logger: logger)
                try await handler.deliver(id, logger: logger)
                let requests = stub.requests.withLock { $0 }
                #expect(requests.count == 1)
                #expect(requests.first?.path == "/botT0K/sendMessage")
                let json = try JSONSerialization.jsonObject(with: Data((requests.first?.body ?? "").utf8)) as? [String: Any]
                #expect(json?["chat_id"] as? Int == 100000001 && json?["text"] as? String == "Ticket #1001 received")
                #expect(try await sql.string("SELECT status || ' ' || provider_message_id FROM notification") == "sent 77")
            }
        }
    }

    /// A job rescued from a worker that is still sending (its LISTEN connection was cut, say) must not
    /// send again: the send lease keeps the second delivery off the provider until the first records.
    @Test func aSecondDeliveryWaitsWhileTheFirstHoldsTheLease() async throws {
        try await StubHTTPServer.with { stub, base in
            stub.reply.withLock { $0 = (200, Self.sentMessage) }
            try await withNotification(channel: "telegram", address: "100000001") { sql, id, client, logger in
                let lease = try await client.withConnection { try await NotificationRow.takeLease(id, for: .seconds(120), on: $0, logger: logger) }
                #expect(lease == .taken, "a first delivery is in flight")
                let handler = NotifyHandler(client: client, configuration: NotificationsConfiguration(telegramToken: "T0K", telegramBaseURL: URL(string: base)!))
                let snooze = await #expect(throws: JobSnooze.self) { try await handler.deliver(id, logger: logger) }
                #expect(snooze?.reason.contains("in flight") == true)
                #expect(stub.requests.withLock { $0.count } == 0, "the provider is not called while another delivery holds the lease")

                // The first delivery's process died: once its lease has run out, the notification goes out once.
                try await sql.exec("UPDATE notification SET sending_until = now() - interval '1 second'")
                try await handler.deliver(id, logger: logger)
                try await handler.deliver(id, logger: logger)
                #expect(stub.requests.withLock { $0.count } == 1)
                #expect(try await sql.string("SELECT status || ' ' || (sending_until IS NULL)::text FROM notification") == "sent true")
                let finished = try await client.withConnection { try await NotificationRow.takeLease(id, for: .seconds(120), on: $0, logger: logger) }
                #expect(finished == .finished)
            }
        }
    }

    @Test func concurrentDeliveriesSendOnce() async throws {
        try await StubHTTPServer.with { stub, base in
            stub.reply.withLock { $0 = (200, Self.sentMessage) }
            try await withNotification(channel: "telegram", address: "100000001") { sql, id, client, logger in
                let handler = NotifyHandler(client: client, configuration: NotificationsConfiguration(telegramToken: "T0K", telegramBaseURL: URL(string: base)!))
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<8 { group.addTask { try? await handler.deliver(id, logger: logger) } }
                }
                let status = try await sql.string("SELECT status FROM notification")
                #expect(stub.requests.withLock { $0.count } == 1)
                #expect(status == "sent")
            }
        }
    }

    @Test func aBlockedChatIsUndeliverableAndAServerErrorIsRetried() async throws {
        try await StubHTTPServer.with { stub, base in
            try await withNotification(channel: "telegram", address: "100000001") { sql, id, client, logger in
                let handler = NotifyHandler(client: client, configuration: NotificationsConfiguration(telegramToken: "T", telegramBaseURL: URL(string: base)!))
                stub.reply.withLock { $0 = (502, "bad gateway") }
                await #expect(throws: (any Error).self) { try await handler.deliver(id, attempt: 1, logger: logger) }
                #expect(try await sql.string("SELECT status FROM notification") == "failed")
                stub.reply.withLock { $0 = (403, #"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#) }
                try await handler.deliver(id, attempt: 2, logger: logger)
                #expect(try await sql.string("SELECT status FROM notification") == "undeliverable")
                #expect(try await sql.string("SELECT last_error FROM notification")?.contains("blocked") == true)
                #expect(try await sql.int("SELECT attempts FROM notification") == 2)
            }
        }
    }

    @Test func aMessageOverTheChatsLimitWaitsAndA429IsHonoured() async throws {
        try await StubHTTPServer.with { stub, base in
            stub.reply.withLock { $0 = (200, Self.sentMessage) }
            try await withNotification(channel: "telegram", address: "100000001") { sql, id, client, logger in
                // One message a minute to a chat, so a slow machine cannot slip past the window.
                var configuration = NotificationsConfiguration(telegramToken: "T", telegramBaseURL: URL(string: base)!)
                configuration.rateLimit = DeliveryRateLimit(perRecipient: [.telegram: [.init(1, per: 60)]], perChannel: [:])
                let handler = NotifyHandler(client: client, configuration: configuration)
                try await handler.deliver(id, logger: logger)
                try await sql.exec("""
                    INSERT INTO notification (recipient_requester_id, address, channel, template, payload, idempotency_key)
                    SELECT id, '100000001', 'telegram', 'reply', '{"text":"second"}', 'k2' FROM requester
                    """)
                let second = NotificationID(Int64(try await sql.int("SELECT id::int FROM notification WHERE idempotency_key = 'k2'")))
                let snooze = await #expect(throws: JobSnooze.self) { try await handler.deliver(second, logger: logger) }
                #expect((snooze?.delay ?? .zero) > .seconds(50) && (snooze?.delay ?? .seconds(99)) <= .seconds(60))
                #expect(stub.requests.withLock { $0.count } == 1)
                #expect(try await sql.string("SELECT status || ' ' || attempts FROM notification WHERE id = \(second)") == "pending 0")

                // Past the window, Telegram itself says "too many requests": wait as told, not a failure.
                try await sql.exec("UPDATE notification SET sent_at = now() - interval '2 minutes' WHERE idempotency_key = 'k1'")
                stub.reply.withLock { $0 = (429, #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#) }
                let told = await #expect(throws: JobSnooze.self) { try await handler.deliver(second, logger: logger) }
                #expect(told?.delay == .seconds(7))
                #expect(try await sql.string("SELECT status || ' ' || attempts FROM notification WHERE id = \(second)") == "pending 0")
            }
        }
    }

    @Test func theLastAttemptRecordsUndeliverable() async throws {
        try await StubHTTPServer.with { stub, base in
            stub.reply.withLock { $0 = (500, "{}") }
            try await withNotification(channel: "webhook", address: base + "/hooks/desk") { sql, id, client, logger in
                let handler = NotifyHandler(client: client, configuration: NotificationsConfiguration())
                try await handler.deliver(id, attempt: 5, maxAttempts: 5, logger: logger)
                #expect(try await sql.string("SELECT status FROM notification") == "undeliverable")
                #expect(try await sql.string("SELECT last_error FROM notification")?.hasPrefix("gave up after 5 attempts") == true)
            }
        }
    }

    @Test func webhooksGetSlackCompatibleJSON() async throws {
        try await StubHTTPServer.with { stub, base in
            stub.reply.withLock { $0 = (200, "ok") }
            try await withNotification(channel: "webhook", address: base + "/hooks/desk", template: "incident_broadcast") { sql, id, client, logger in
                try await NotifyHandler(client: client, configuration: NotificationsConfiguration()).deliver(id, logger: logger)
                let request = try #require(stub.requests.withLock { $0 }.first)
                #expect(request.path == "/hooks/desk")
                #expect(request.body == #"{"template":"incident_broadcast","text":"Ticket #1001 received","ticket_number":"1001"}"#)
                #expect(try await sql.string("SELECT status FROM notification") == "sent")
            }
        }
    }

    @Test func inAppIsSentForTheConsoleAndMissingSettingsAreUndeliverable() async throws {
        try await withNotification(channel: "in_app", address: nil) { sql, id, client, logger in
            try await NotifyHandler(client: client, configuration: NotificationsConfiguration()).deliver(id, logger: logger)
            #expect(try await sql.string("SELECT status FROM notification") == "sent")
        }
        try await withNotification(channel: "telegram", address: "1") { sql, id, client, logger in
            try await NotifyHandler(client: client, configuration: NotificationsConfiguration()).deliver(id, logger: logger)
            #expect(try await sql.string("SELECT last_error FROM notification") == "TELEGRAM_BOT_TOKEN is not set")
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func emailReachesARealSMTPServer() async throws {
        let maildir = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID().uuidString)")
        let port = FreePort.next()
        let smtp = try LiveProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                   ["aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path])
        defer { smtp.signal(SIGKILL) }
        try await waitForPort(port)
        try await withNotification(channel: "email", address: "ivan@example.com") { sql, id, client, logger in
            let configuration = NotificationsConfiguration(smtpHost: "127.0.0.1", smtpPort: port, mailFrom: "Support <support@desk.example>")
            try await NotifyHandler(client: client, configuration: configuration).deliver(id, logger: logger)
            try await NotifyHandler(client: client, configuration: configuration).deliver(id, logger: logger)
            let files = try FileManager.default.contentsOfDirectory(at: maildir.appendingPathComponent("new"), includingPropertiesForKeys: nil)
            #expect(files.count == 1, "a second run sends nothing")
            let mail = try String(contentsOf: try #require(files.first), encoding: .utf8)
            #expect(mail.contains("Subject: [#1001] Payout"))
            #expect(mail.contains("Auto-Submitted: auto-replied"))
            #expect(mail.contains("X-RcptTo: ivan@example.com"))
            #expect(mail.contains("Message-ID: <notification-\(id)@desk.example>"))
            #expect(try await sql.string("SELECT status || ' ' || provider_message_id FROM notification") == "sent <notification-\(id)@desk.example>")
        }
    }

    @Test func noSMTPServerMeansRetryLater() async throws {
        try await withNotification(channel: "email", address: "ivan@example.com") { sql, id, client, logger in
            let handler = NotifyHandler(client: client, configuration: NotificationsConfiguration(smtpHost: "127.0.0.1", smtpPort: 1))
            await #expect(throws: (any Error).self) { try await handler.deliver(id, logger: logger) }
            let status = try await sql.string("SELECT status FROM notification")
            #expect(status == "failed")
        }
    }

    /// Up to a minute by the clock: under the full suite on 2 cores, Python takes its time to start.
    private func waitForPort(_ port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SpawnError(description: "aiosmtpd did not listen on \(port)")
    }
}
