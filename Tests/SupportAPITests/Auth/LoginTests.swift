import Foundation
import HTTPTypes
import SupportAPI
import SupportDomain
import SupportSchema
import Testing

struct LoginTests {
    @Test func staffSignInReturnsAnExpiringTokenThatWorks() async throws {
        try await AuthFixture.with { app in
            let id = try await app.staff("anna@example.com", roles: [.agent, .coder])
            let reply = try await app.loginReply("Anna@Example.com")
            #expect(reply.status == .ok, "\(reply.body)")
            let token = try #require(reply.json["token"] as? String)
            #expect(token.hasPrefix("sp_"))
            #expect(reply.json["token_type"] as? String == "Bearer")
            let expires = try #require(ISO8601DateFormatter().date(from: reply.json["expires_at"] as? String ?? ""))
            #expect(abs(expires.timeIntervalSinceNow - TokenPolicy().sessionLifetime) < 120)
            let me = try await app.call(.get, "/api/v1/auth/me", token: token)
            #expect(me.status == .ok)
            #expect((me.json["id"] as? NSNumber)?.int64Value == id.rawValue)
            #expect(me.json["roles"] as? [String] == ["agent", "coder"])
            // Only the SHA-256 is stored.
            #expect(try await app.int("SELECT count(*) FROM auth_token WHERE token_hash = sha256(convert_to(\(token), 'UTF8'))") == 1)
            #expect(try await app.auditRows().map(\.action) == ["auth.login"])
        }
    }

    @Test func aRequesterSignsInToThePortal() async throws {
        try await AuthFixture.with { app in
            let id = try await app.requester("ivan@example.com")
            let token = try await app.login("ivan@example.com", account: "requester")
            let me = try await app.call(.get, "/api/v1/auth/me", token: token)
            #expect(me.json["account"] as? String == "requester")
            #expect((me.json["id"] as? NSNumber)?.int64Value == id.rawValue)
            // A staff sign-in with the requester's email finds no staff account.
            #expect(try await app.loginReply("ivan@example.com").status == .unauthorized)
        }
    }

    @Test func aWrongPasswordOrUnknownEmailIs401AndCounted() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@example.com", roles: [.agent])
            let wrong = try await app.loginReply("anna@example.com", password: "not the password")
            #expect(wrong.status == .unauthorized && wrong.errorCode == "invalid_credentials")
            let unknown = try await app.loginReply("nobody@example.com")
            #expect(unknown.status == .unauthorized && unknown.errorCode == "invalid_credentials")
            #expect(try await app.int("SELECT count(*) FROM login_attempt WHERE NOT succeeded") == 2)
            // No password: no sign-in; a deactivated account neither.
            try await app.staff("off@example.com", roles: [.agent], active: false)
            #expect(try await app.loginReply("off@example.com").status == .unauthorized)
        }
    }

    @Test(arguments: [
        (#"{"password": "x"}"#, "email: required"),
        (#"{"email": "a@b.c"}"#, "password: required"),
        (#"{"email": "nope", "password": "x"}"#, "email: not an email address"),
        (#"{"email": "a@b.c", "password": ""}"#, "password: must not be empty"),
        (#"{"email": "a@b.c", "password": "x", "account": "robot"}"#, "account"),
        (#"{"email": " a@b.c", "password": "x"}"#, "email: not an email address"),
        (#"{"email": "a@b.c", "password": "x", "label": "a\u0000b"}"#, "label:"),
        ("[1", "JSON object"),
    ])
    func badInputNamesTheField(json: String, message: String) async throws {
        try await AuthFixture.with { app in
            let reply = try await app.call(.post, "/api/v1/auth/login", json: json)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains(message), "\(reply.body)")
        }
    }

    @Test func repeatedFailuresAreThrottledEvenWithTheRightPassword() async throws {
        var configuration = AuthFixture.configuration()
        configuration.loginThrottle = LoginThrottle(freeFailures: 3, baseDelay: 60)
        try await AuthFixture.with(configuration: configuration) { app in
            try await app.staff("anna@example.com", roles: [.agent])
            for _ in 0..<4 {
                #expect(try await app.loginReply("anna@example.com", password: "guess guess").status == .unauthorized)
            }
            let throttled = try await app.loginReply("anna@example.com")
            #expect(throttled.status == .tooManyRequests && throttled.errorCode == "too_many_attempts")
            let retryAfter = try #require(throttled.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(retryAfter))
            // Throttled attempts are not counted; another login is not affected.
            #expect(try await app.int("SELECT count(*) FROM login_attempt") == 4)
            try await app.staff("boris@example.com", roles: [.agent])
            #expect(try await app.loginReply("boris@example.com").status == .ok)
            // Once the wait is over (failures moved back in time), the right password works again.
            _ = try await app.client.query("UPDATE login_attempt SET at = at - interval '2 minutes'", logger: app.logger)
            #expect(try await app.loginReply("anna@example.com").status == .ok)
        }
    }

    @Test func guessingAcrossManyLoginsFromOneAddressIsThrottled() async throws {
        var configuration = AuthFixture.configuration()
        configuration.addressThrottle = LoginThrottle(freeFailures: 3, baseDelay: 60)
        try await AuthFixture.with(configuration: configuration, live: true) { app in
            try await app.staff("anna@example.com", roles: [.agent])
            for n in 0..<4 {
                #expect(try await app.loginReply("user\(n)@example.com").status == .unauthorized)
            }
            #expect(try await app.int("SELECT count(DISTINCT remote) FROM login_attempt WHERE remote LIKE '127.%'") == 1)
            let throttled = try await app.loginReply("anna@example.com")
            #expect(throttled.status == .tooManyRequests && throttled.headers[.retryAfter] != nil, "\(throttled.body)")
        }
    }

    @Test func longPasswordsAndNULBytesCountInFull() async throws {
        try await AuthFixture.with { app in
            try await app.staff("owner@example.com", roles: [.owner])
            let owner = try await app.login("owner@example.com")
            // 80 bytes that bcrypt alone would cut at 72, and a NUL it would stop at.
            for (n, password) in [String(repeating: "ü", count: 40), "short\u{0}-and-then-more"].enumerated() {
                let body = try String(decoding: JSONSerialization.data(withJSONObject: [
                    "name": "P\(n)", "email": "p\(n)@example.com", "roles": ["agent"], "password": password,
                ]), as: UTF8.self)
                #expect(try await app.call(.post, "/api/v1/staff", token: owner, json: body).status == .created)
                #expect(try await app.loginReply("p\(n)@example.com", password: password).status == .ok)
                let truncated = String(decoding: Array(password.utf8.prefix(72)).split(separator: 0).first ?? [], as: UTF8.self)
                #expect(try await app.loginReply("p\(n)@example.com", password: truncated).status == .unauthorized)
            }
        }
    }

    @Test func aDocumentedPathWithAnotherMethodIs405WithAllow() async throws {
        try await AuthFixture.with { app in
            let reply = try await app.call(.put, "/api/v1/tickets/5")
            #expect(reply.status == .methodNotAllowed && reply.errorCode == "method_not_allowed", "\(reply.body)")
            #expect(reply.headers[.allow] == "GET")
            #expect(try await app.call(.get, "/api/v1/auth/login").headers[.allow] == "POST")
        }
    }

    @Test func expiredTokensAreRejected() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@example.com", roles: [.agent])
            let token = try await app.login("anna@example.com")
            _ = try await app.client.query(
                "UPDATE auth_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second'",
                logger: app.logger)
            let reply = try await app.call(.get, "/api/v1/tickets", token: token)
            #expect(reply.status == .unauthorized && reply.errorCode == "token_expired")
            #expect(reply.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test func logoutRevokesTheToken() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@example.com", roles: [.agent])
            let token = try await app.login("anna@example.com")
            let other = try await app.login("anna@example.com")
            #expect(try await app.call(.post, "/api/v1/auth/logout", token: token).status == .noContent)
            let reply = try await app.call(.get, "/api/v1/tickets", token: token)
            #expect(reply.status == .unauthorized && reply.errorCode == "token_revoked")
            // Other sessions live on.
            #expect(try await app.call(.get, "/api/v1/tickets", token: other).status == .ok)
            #expect(try await app.auditRows().map(\.action) == ["auth.login", "auth.login", "auth.logout"])
        }
    }

    @Test func deactivatingStaffStopsTheirTokens() async throws {
        try await AuthFixture.with { app in
            let id = try await app.staff("anna@example.com", roles: [.agent])
            let token = try await app.login("anna@example.com")
            _ = try await app.client.query("UPDATE staff SET active = false WHERE id = \(id.rawValue)", logger: app.logger)
            #expect(try await app.call(.get, "/api/v1/tickets", token: token).errorCode == "account_disabled")
        }
    }

    @Test func missingOrGarbledTokensAre401WithJSON() async throws {
        try await AuthFixture.with { app in
            let none = try await app.call(.get, "/api/v1/tickets")
            #expect(none.status == .unauthorized && none.errorCode == "unauthenticated")
            let unknown = try await app.call(.get, "/api/v1/tickets", token: "sp_nonsense")
            #expect(unknown.status == .unauthorized && unknown.errorCode == "invalid_token")
        }
    }

    @Test func unknownRoutesUnderTheAPIAnswerJSON() async throws {
        try await AuthFixture.with { app in
            let reply = try await app.call(.get, "/api/v1/no-such-thing")
            #expect(reply.status == .notFound && reply.errorCode == "not_found", "\(reply.body)")
        }
    }
}

struct APITokenTests {
    @Test func staffMintLongLivedAPITokensAndRevokeThem() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@example.com", roles: [.agent])
            let body = #"{"email": "anna@example.com", "password": "correct horse battery", "token_kind": "api", "label": "nightly export"}"#
            let reply = try await app.call(.post, "/api/v1/auth/login", json: body)
            #expect(reply.status == .ok, "\(reply.body)")
            let api = try #require(reply.json["token"] as? String)
            let expires = try #require(ISO8601DateFormatter().date(from: reply.json["expires_at"] as? String ?? ""))
            #expect(abs(expires.timeIntervalSinceNow - TokenPolicy().apiLifetime) < 120)
            let session = try await app.login("anna@example.com")
            let list = try await app.call(.get, "/api/v1/auth/tokens", token: session)
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.map { $0["kind"] as? String } == ["session", "api"])
            #expect(items.last?["label"] as? String == "nightly export")
            #expect(!list.body.contains(api) && !list.body.contains("hash"))
            let apiID = try #require((items.last?["id"] as? NSNumber)?.int64Value)
            #expect(try await app.call(.delete, "/api/v1/auth/tokens/\(apiID)", token: session).status == .noContent)
            #expect(try await app.call(.get, "/api/v1/auth/me", token: api).errorCode == "token_revoked")
            #expect(try await app.auditRows().last?.action == "auth.revoke")
        }
    }

    @Test func requestersGetNoAPITokens() async throws {
        try await AuthFixture.with { app in
            try await app.requester("ivan@example.com")
            let body = #"{"email": "ivan@example.com", "password": "correct horse battery", "account": "requester", "token_kind": "api"}"#
            let reply = try await app.call(.post, "/api/v1/auth/login", json: body)
            #expect(reply.status == .forbidden && reply.errorCode == "api_token_not_allowed", "\(reply.body)")
        }
    }

    /// Someone else's token: owners (manage_staff) may revoke it; everyone else is denied and audited.
    @Test(arguments: [Role.owner, .agent, .moderator, .arbiter, .coder, .requester])
    func revokingAnotherAccountsTokenNeedsManageStaff(role: Role) async throws {
        try await AuthFixture.with(label: "revoke_\(role.rawValue)") { app in
            try await app.staff("victim@example.com", roles: [.agent])
            _ = try await app.login("victim@example.com")
            let victimToken = try await app.int("SELECT max(id) FROM auth_token")
            let token: String
            if role == .requester {
                try await app.requester("ivan@example.com")
                token = try await app.login("ivan@example.com", account: "requester")
            } else {
                try await app.staff("actor@example.com", roles: [role])
                token = try await app.login("actor@example.com")
            }
            let reply = try await app.call(.delete, "/api/v1/auth/tokens/\(victimToken)", token: token)
            let revoked = try await app.int("SELECT count(*) FROM auth_token WHERE id = \(victimToken) AND revoked_at IS NOT NULL")
            if role == .owner {
                #expect(reply.status == .noContent)
                #expect(revoked == 1)
                #expect(try await app.auditRows().last?.action == "auth.revoke")
            } else {
                #expect(reply.status == .forbidden && reply.errorCode == "role_not_allowed", "\(reply.body)")
                #expect(revoked == 0)
                let denial = try #require(try await app.auditRows().last)
                #expect(denial.action == "access.denied" && denial.targetType == "auth_token" && denial.targetID == victimToken)
            }
            #expect(try await app.call(.delete, "/api/v1/auth/tokens/999999", token: token).status == .notFound)
        }
    }
}

struct ParallelGuessingTests {
    /// Guesses sent all at once still count one after another: no burst gets past the throttle.
    @Test func parallelGuessesAreCountedBeforeAnyPasswordCheck() async throws {
        var configuration = AuthFixture.configuration()
        configuration.loginThrottle = LoginThrottle(freeFailures: 3, baseDelay: 3600, maxDelay: 3600)
        try await AuthFixture.with(configuration: configuration) { app in
            try await app.staff("anna@example.com", roles: [.agent])
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await app.loginReply("anna@example.com", password: "guess guess").status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            // 3 free failures, the 4th still checked (its wait starts after it), then 429 for the rest.
            #expect(statuses.filter { $0 == .unauthorized }.count == 4, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 6, "\(statuses)")
            #expect(try await app.int("SELECT count(*) FROM login_attempt") == 4)
        }
    }
}
