import Foundation
import PostgresNIO
import SupportStore
import SupportTesting
import Testing

/// `support mailgate` against a live `support api` process, as an MTA pipe would run it.
struct MailgateTests {
    let mail = Data("From: a@example.com\r\nSubject: hi\r\nMessage-ID: <m1@example.com>\r\n\r\nbody\r\n".utf8)

    @Test(.timeLimit(.minutes(10)))
    func deliversToTheAPIAndTheMTARetriesWhenItIsDown() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            let port = FreePort.next()
            let api = try LiveProcess(BuiltProducts.support, ["api", "--http-port", "\(port)"],
                                      environment: ["DATABASE_URL": db.settings.url, "SUPPORT_MAILGATE_TOKEN": "tok"])
            defer { api.signal(SIGKILL) }
            _ = try await HTTPProbe.get("http://127.0.0.1:\(port)/health", until: { $0.status == 200 })
            let env = ["SUPPORT_API_URL": "http://127.0.0.1:\(port)", "SUPPORT_MAILGATE_TOKEN": "tok"]

            let ok = try await CommandResult.run(BuiltProducts.support, ["mailgate"], environment: env, input: mail)
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(ok.stdout.contains("inbound_item_id"))
            let refused = try await CommandResult.run(BuiltProducts.support, ["mailgate", "--token", "wrong"], environment: env, input: mail)
            #expect(refused.status == 65)
            let count = try await db.settings.withClient(logger: db.logger) { client in
                try await client.query("SELECT count(*)::int FROM inbound_item WHERE channel = 'email'", logger: db.logger)
                    .collect().first?.decode(Int.self)
            }
            #expect(count == 1)

            api.signal(SIGTERM)
            _ = try await api.waitForExit()
            let down = try await CommandResult.run(BuiltProducts.support, ["mailgate"], environment: env, input: mail)
            #expect(down.status == 75, "EX_TEMPFAIL so the MTA keeps the mail: \(down.stderr)")
            let unconfigured = try await CommandResult.run(BuiltProducts.support, ["mailgate"], removing: ["SUPPORT_MAILGATE_TOKEN"], input: mail)
            #expect(unconfigured.status == 78 && unconfigured.stderr.contains("SUPPORT_MAILGATE_TOKEN"))
        }
    }
}
