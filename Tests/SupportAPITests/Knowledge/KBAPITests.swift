import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// The knowledge base over HTTP: editors write (audited), everyone searches what they may read.
struct KBAPITests {
    static func items(_ reply: AuthFixture.Reply) -> [String] {
        ((reply.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["slug"] as? String }
    }

    @Test func editorsPublishAndReadersSeeWhatTheyMay() async throws {
        try await AuthFixture.with { app in
            try await app.staff("owner@desk.local", roles: [.owner])
            try await app.staff("agent@desk.local", roles: [.agent])
            _ = try await app.requester("reader@example.com")
            let owner = try await app.login("owner@desk.local")
            let agent = try await app.login("agent@desk.local")
            let requester = try await app.login("reader@example.com", account: "requester")
            let article = #"{"slug": "payout-timing", "locale": "ru", "title": "Выплата вознаграждения", "body": "Выплаты приходят за три дня.", "section": "payments", "category": "payment"}"#

            #expect(try await app.call(.post, "/api/v1/kb/articles", json: article).status == .unauthorized)
            #expect(try await app.call(.post, "/api/v1/kb/articles", token: agent, json: article).status == .forbidden)
            let created = try await app.call(.post, "/api/v1/kb/articles", token: owner, json: article)
            #expect(created.status == .created && created.json["status"] as? String == "draft", "\(created.body)")
            let id = try #require((created.json["id"] as? NSNumber)?.int64Value)
            #expect(try await app.call(.post, "/api/v1/kb/articles", token: owner, json: article).status == .conflict)
            let staffOnly = try await app.call(.post, "/api/v1/kb/articles", token: owner, json: """
                {"slug": "payout-decisions", "locale": "ru", "title": "Решения по выплатам", "visibility": "staff", "status": "published", "category": null}
                """)
            #expect(staffOnly.status == .created && staffOnly.json["published_at"] is String, "\(staffOnly.body)")

            // A draft is for editors only.
            #expect(Self.items(try await app.call(.get, "/api/v1/kb/search?q=%D0%B2%D1%8B%D0%BF%D0%BB%D0%B0%D1%82%D1%8B")).isEmpty)
            #expect(try await app.call(.get, "/api/v1/kb/articles/\(id)").status == .notFound)
            #expect(try await app.call(.get, "/api/v1/kb/articles/\(id)", token: owner).status == .ok)

            let published = try await app.call(.patch, "/api/v1/kb/articles/\(id)", token: owner, json: #"{"status": "published", "title": null}"#)
            #expect(published.status == .ok && published.json["status"] as? String == "published" && published.json["title"] as? String == "Выплата вознаграждения")
            let query = "/api/v1/kb/search?q=%D0%B2%D1%8B%D0%BF%D0%BB%D0%B0%D1%82%D1%8B&locale=ru"  // "выплаты"
            let guest = try await app.call(.get, query)
            #expect(guest.status == .ok && Self.items(guest) == ["payout-timing"], "\(guest.body)")
            let hit = try #require((guest.json["items"] as? [[String: Any]])?.first)
            #expect((hit["snippet"] as? String)?.contains("<mark>") == true && (hit["rank"] as? Double ?? 0) > 0)
            #expect(Self.items(try await app.call(.get, query, token: requester)) == ["payout-timing"])
            #expect(Set(Self.items(try await app.call(.get, query, token: agent))) == ["payout-timing", "payout-decisions"])
            #expect(try await app.call(.get, "/api/v1/kb/articles/\(id)").status == .ok)
            let staffID = try #require((staffOnly.json["id"] as? NSNumber)?.int64Value)
            #expect(try await app.call(.get, "/api/v1/kb/articles/\(staffID)", token: requester).status == .notFound)
            #expect(try await app.call(.get, "/api/v1/kb/articles/\(staffID)", token: agent).status == .ok)

            let archived = try await app.call(.patch, "/api/v1/kb/articles/\(id)", token: owner, json: #"{"status": "archived"}"#)
            #expect(archived.status == .ok)
            #expect(Self.items(try await app.call(.get, query)).isEmpty)
            #expect(try await app.call(.patch, "/api/v1/kb/articles/999999", token: owner, json: #"{"status": "archived"}"#).status == .notFound)

            let actions = try await app.auditRows().filter { $0.targetType == "kb_article" }.map(\.action)
            #expect(actions == ["access.denied", "kb.create", "kb.create", "kb.update", "kb.update"])
        }
    }

    @Test func fieldsAreCheckedAsDocumented() async throws {
        try await AuthFixture.with { app in
            try await app.staff("owner@desk.local", roles: [.owner])
            let owner = try await app.login("owner@desk.local")
            for (json, field) in [
                (#"{"locale": "en", "title": "T"}"#, "slug"),
                (#"{"slug": "ok", "locale": "de", "title": "T"}"#, "locale"),
                (#"{"slug": "ok", "locale": "en", "title": "   "}"#, "title"),
                (#"{"slug": "ok", "locale": "en", "title": "T\u0000"}"#, "title"),
                (#"{"slug": "ok", "locale": "en", "title": "T", "body": "a\u0000b"}"#, "body"),
                (#"{"slug": "ok", "locale": "en", "title": "T", "category": "nope"}"#, "category"),
                (#"{"slug": "ok", "locale": "en", "title": "T", "status": "gone"}"#, "status"),
            ] {
                let reply = try await app.call(.post, "/api/v1/kb/articles", token: owner, json: json)
                #expect(reply.status == .badRequest && reply.body.contains(field), "\(json): \(reply.body)")
            }
            let badSlug = try await app.call(.post, "/api/v1/kb/articles", token: owner, json: #"{"slug": "Bad Slug\n", "locale": "en", "title": "T"}"#)
            #expect(badSlug.status == .conflict && badSlug.body.contains("invalid_slug"))
            #expect(try await app.call(.get, "/api/v1/kb/search").status == .badRequest)
            #expect(try await app.call(.get, "/api/v1/kb/search?q=").status == .badRequest)
            #expect(try await app.call(.get, "/api/v1/kb/search?q=x&locale=de").status == .badRequest)
            #expect(try await app.call(.get, "/api/v1/kb/search?q=%00").status == .badRequest)
            #expect(try await app.call(.get, "/api/v1/kb/search?q=" + String(repeating: "a", count: 201)).status == .badRequest)
            #expect(try await app.call(.get, "/api/v1/kb/search?q=" + String(repeating: "a", count: 200)).status == .ok)
            #expect(try await app.call(.get, "/api/v1/kb/articles/0").status == .badRequest)
        }
    }
}
