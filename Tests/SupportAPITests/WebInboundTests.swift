import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import SupportAPI
import SupportStore
import SupportTesting
import Testing

struct WebInboundTests {
    func withApp(_ body: @Sendable (any TestClientProtocol, PostgresClient, TestDatabase) async throws -> Void) async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let app = Application(router: APIApplication.buildRouter(client: client, logger: db.logger))
                try await app.test(.router) { http in try await body(http, client, db) }
            }
        }
    }

    func post(_ http: any TestClientProtocol, _ json: String, key: String? = nil) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await http.execute(uri: "/api/v1/inbound/web", method: .post, headers: headers, body: ByteBuffer(string: json)) {
            ($0.status, String(buffer: $0.body))
        }
    }

    func items(_ client: PostgresClient, _ db: TestDatabase) async throws -> Int {
        try await client.query("SELECT count(*)::int FROM inbound_item", logger: db.logger).collect().first?.decode(Int.self) ?? -1
    }

    @Test func acceptsAValidRequestOncePerIdempotencyKey() async throws {
        try await withApp { http, client, db in
            let form = #"{"name": "Ivan", "email": "ivan@example.com", "subject": "Выплата", "body": "Не пришли деньги по сделке G-1001", "category": "payment"}"#
            let first = try await post(http, form, key: "k-1")
            let retry = try await post(http, form, key: "k-1")
            #expect(first.0 == .accepted && retry.1.contains(#""duplicate":true"#))
            #expect(try await items(client, db) == 1)
        }
    }

    @Test(arguments: [
        (#"{"body": "x"}"#, "email: required"),
        (#"{"email": "ivan@example.com"}"#, "body: required"),
        (#"{"email": "not-an-address", "body": "x"}"#, "email: not an email address"),
        (#"{"email": "a@b.c", "body": "   "}"#, "body: must not be empty"),
        (#"{"email": "a@b.c", "body": "x", "category": "gossip"}"#, "category: one of"),
        (#"{"email": 5, "body": "x"}"#, "email: wrong type"),
        ("{oops", "JSON object"),
    ])
    func badInputNamesTheFieldAndStoresNothing(json: String, message: String) async throws {
        try await withApp { http, client, db in
            let reply = try await post(http, json)
            #expect(reply.0 == .badRequest)
            #expect(reply.1.contains(message), "\(reply.1)")
            #expect(try await items(client, db) == 0)
        }
    }
}
