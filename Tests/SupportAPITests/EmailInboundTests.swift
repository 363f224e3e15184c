import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import SupportAPI
import SupportStore
import SupportTesting
import Testing

struct EmailInboundTests {
    let token = "mailgate-token"
    let mail = """
        From: Ivan <ivan@example.com>\r
        To: support@example.net\r
        Subject: =?utf-8?B?0J3QtSDQv9GA0LjRiNC70Lgg0LTQtdC90YzQs9C4?=\r
        Message-ID:\r
         <abc.123@mail.example.com>\r
        \r
        Hello, the payout did not arrive.\r

        """

    func withApp(token: String?, _ body: @Sendable (any TestClientProtocol, PostgresClient, TestDatabase) async throws -> Void) async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let configuration = APIApplication.Configuration(mailgateToken: token)
                let app = Application(router: APIApplication.buildRouter(client: client, configuration: configuration, logger: db.logger))
                try await app.test(.router) { http in try await body(http, client, db) }
            }
        }
    }

    func post(_ http: any TestClientProtocol, _ body: String, token: String?) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [.contentType: "message/rfc822"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await http.execute(uri: "/api/v1/inbound/email", method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, String(buffer: $0.body))
        }
    }

    @Test func storesOnceByMessageID() async throws {
        try await withApp(token: token) { http, client, db in
            let first = try await post(http, mail, token: token)
            let again = try await post(http, mail, token: token)
            #expect(first.0 == .accepted && first.1.contains(#""duplicate":false"#))
            #expect(again.0 == .accepted && again.1.contains(#""duplicate":true"#))
            let row = try await client.query(
                "SELECT dedupe_key, (SELECT count(*)::int FROM job WHERE queue = 'intake') FROM inbound_item", logger: db.logger
            ).collect().map { try $0.decode((String?, Int).self) }
            #expect(row.count == 1)
            #expect(row.first?.0 == "abc.123@mail.example.com" && row.first?.1 == 1)
        }
    }

    @Test func refusesBadTokensAndEmptyBodies() async throws {
        try await withApp(token: token) { http, _, _ in
            #expect(try await post(http, mail, token: "nope").0 == .unauthorized)
            #expect(try await post(http, mail, token: nil).0 == .unauthorized)
            let empty = try await post(http, "  \r\n", token: token)
            #expect(empty.0 == .badRequest && empty.1.contains("empty_message"))
        }
    }

    @Test func isDisabledWithoutAToken() async throws {
        try await withApp(token: nil) { http, _, _ in
            let reply = try await post(http, mail, token: "x")
            #expect(reply.0 == .notFound && reply.1.contains("SUPPORT_MAILGATE_TOKEN"))
        }
    }
}
