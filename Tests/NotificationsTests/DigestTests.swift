import Foundation
import JobQueue
import Logging
@testable import Notifications
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Staff on Telegram: a copy of each notification on their phone, held in quiet hours and sent as one digest.
struct DigestTests {
    @Test func quietHoursHoldTelegramCopiesForOneDigest() async throws {
        try await StubHTTPServer.with { stub, base in
            stub.reply.withLock { $0 = (200, NotifyHandlerTests.sentMessage) }
            try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
                try await db.settings.withClient(logger: db.logger) { client in
                    let sql = SQLProbe(client: client, logger: db.logger)
                    // Quiet from an hour ago to an hour from now (UTC), whatever the time of the run.
                    try await sql.exec(
                        """
                        INSERT INTO staff (name, email, roles, telegram_user_id, timezone, quiet_from, quiet_until) VALUES
                            ('Night Owl', 'owl@demo.local', '{agent}', 555, 'UTC',
                             (now() AT TIME ZONE 'UTC' - interval '1 hour')::time, (now() AT TIME ZONE 'UTC' + interval '1 hour')::time),
                            ('Day Lark', 'lark@demo.local', '{agent}', 777, 'UTC', NULL, NULL)
                        """)
                    try await sql.exec("INSERT INTO requester (display_name) VALUES ('Ivan')")
                    try await sql.exec("INSERT INTO ticket (requester_id, channel, subject) SELECT id, 'telegram', 'Payout' FROM requester")
                    let ticket = TicketID(Int64(try await sql.int("SELECT id::int FROM ticket")))
                    let owl = StaffID(Int64(try await sql.int("SELECT id::int FROM staff WHERE email = 'owl@demo.local'")))
                    let lark = StaffID(Int64(try await sql.int("SELECT id::int FROM staff WHERE email = 'lark@demo.local'")))
                    let queue = JobQueue(client: client, logger: db.logger)
                    try await queue.transaction { connection, jobs in
                        let notifier = StaffNotifier(connection: connection, jobs: jobs, logger: db.logger)
                        for (index, staff) in [owl, owl, lark].enumerated() {
                            try await notifier.notify(staff, template: "assigned", text: "Ticket #\(1001 + index) is yours", ticket: ticket, key: "a\(index)")
                        }
                    }
                    #expect(try await sql.int("SELECT count(*)::int FROM notification WHERE channel = 'in_app'") == 3)
                    #expect(try await sql.int("SELECT count(*)::int FROM notification WHERE channel = 'telegram' AND address = '777'") == 1)
                    #expect(try await sql.int("SELECT count(*)::int FROM notification WHERE channel = 'telegram' AND address = '555' AND template = 'assigned'") == 2)
                    // One digest job, due when the quiet ends; the held copies have none of their own.
                    #expect(try await sql.int(
                        "SELECT count(*)::int FROM job WHERE queue = 'notify' AND run_at > now() + interval '50 minutes'") == 1)
                    #expect(try await sql.int("SELECT count(*)::int FROM job WHERE queue = 'notify'") == 5)

                    let handler = NotifyHandler(client: client, configuration: NotificationsConfiguration(telegramToken: "T", telegramBaseURL: URL(string: base)!))
                    let digest = NotificationID(Int64(try await sql.int("SELECT id::int FROM notification WHERE template = 'digest'")))
                    try await handler.deliver(digest, logger: db.logger)
                    try await handler.deliver(digest, logger: db.logger)
                    let sent = stub.requests.withLock { $0 }
                    #expect(sent.count == 1)
                    #expect(sent.first?.body.contains("While you were away (2)") == true)
                    #expect(sent.first?.body.contains("Ticket #1002 is yours") == true)
                    #expect(try await sql.strings("SELECT status FROM notification WHERE address = '555' ORDER BY template = 'digest', id") == ["digested", "digested", "sent"])
                }
            }
        }
    }
}
