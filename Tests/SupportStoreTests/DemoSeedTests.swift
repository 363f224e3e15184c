import Logging
import PostgresNIO
import SupportStore
import SupportTesting
import Testing

struct DemoSeedTests {
    @Test func loadsOnceAndIsIdempotent() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let first = try await DemoSeed.load(client: client, passwordHash: "$2b$10$placeholderhashvalue", logger: db.logger)
                #expect(first.loaded)
                #expect(first.staff == 8)
                #expect(first.deals == 3)
                #expect(first.articles >= 8)
                #expect(first.logins.contains { $0.hasPrefix("owner@demo.local (owner)") })
                let second = try await DemoSeed.load(client: client, passwordHash: "$2b$10$other", logger: db.logger)
                #expect(!second.loaded)
                #expect(second.staff == 8 && second.deals == 3 && second.articles == first.articles)
                // Every role is represented, and both moderators exist (an appeal never goes to the issuer).
                let roles = try await client.query(
                    "SELECT DISTINCT unnest(roles) FROM staff ORDER BY 1", logger: db.logger
                ).collect().map { try $0.decode(String.self) }
                #expect(roles == ["agent", "arbiter", "coder", "moderator", "owner"])
                let published = try await client.query(
                    "SELECT count(*)::int FROM kb_article WHERE status = 'published' AND locale = 'ru'", logger: db.logger
                ).collect().first?.decode(Int.self)
                #expect((published ?? 0) >= 4)
            }
        }
    }

    @Test func concurrentLoadsInsertOnce() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            let loaded = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await db.settings.withClient(logger: db.logger) { client in
                            try await DemoSeed.load(client: client, passwordHash: "h", logger: db.logger).loaded
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(loaded.filter { $0 }.count == 1)
        }
    }
}
