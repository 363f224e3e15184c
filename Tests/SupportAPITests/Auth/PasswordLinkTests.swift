import Foundation
import SupportSchema
import Testing

/// A portal requester sets a password from a mailed one-time link.
struct PasswordLinkTests {
    static func token(in text: String) -> String? {
        text.firstMatch(of: /token=([A-Za-z0-9_\-]+)/).map { String($0.1) }
    }

    @Test func aMailedLinkSetsThePasswordOnceAndEndsOldSessions() async throws {
        try await AuthFixture.with { app in
            let requester = try await app.requester("ann@example.com")
            let oldSession = try await app.login("ann@example.com", account: "requester")
            let asked = try await app.call(.post, "/api/v1/auth/password-link", json: #"{"email": "Ann@Example.com"}"#)
            #expect(asked.status == .accepted)
            let texts = try await app.client.query(
                "SELECT payload->>'text', address, channel FROM notification WHERE template = 'password_link'", logger: app.logger
            ).collect().map { try $0.decode((String, String, String).self) }
            #expect(texts.count == 1)
            #expect(texts.first?.1 == "ann@example.com" && texts.first?.2 == "email")
            let token = try #require(Self.token(in: texts.first?.0 ?? ""))
            // Asking again at once mails nothing more; an unknown address looks the same from outside.
            #expect(try await app.call(.post, "/api/v1/auth/password-link", json: #"{"email": "ann@example.com"}"#).status == .accepted)
            #expect(try await app.call(.post, "/api/v1/auth/password-link", json: #"{"email": "nobody@example.com"}"#).status == .accepted)
            #expect(try await app.int("SELECT count(*) FROM password_link") == 1)

            let short = try await app.call(.post, "/api/v1/auth/password", json: #"{"token": "\#(token)", "password": "short"}"#)
            #expect(short.status == .badRequest)
            let set = try await app.call(.post, "/api/v1/auth/password", json: #"{"token": "\#(token)", "password": "a brand new passphrase"}"#)
            #expect(set.status == .noContent, "\(set.body)")
            let again = try await app.call(.post, "/api/v1/auth/password", json: #"{"token": "\#(token)", "password": "another passphrase"}"#)
            #expect(again.status == .conflict && again.errorCode == "invalid_token")

            #expect(try await app.call(.get, "/api/v1/auth/me", token: oldSession).status == .unauthorized)
            let login = try await app.call(.post, "/api/v1/auth/login",
                                           json: #"{"email": "ann@example.com", "password": "a brand new passphrase", "account": "requester"}"#)
            #expect(login.status == .ok)
            #expect(try await app.int(
                "SELECT count(*) FROM audit_log WHERE action = 'requester.password_set' AND target_id = \(requester.rawValue)") == 1)
        }
    }
}
