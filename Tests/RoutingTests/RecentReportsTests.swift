import PostgresNIO
@testable import Routing
import SupportTesting
import Testing

/// Duplicate detection's candidate query: the words reach PostgreSQL as a `tsquery` it can plan with.
struct RecentReportsTests {
    @Test func wordsAreQuotedAsTsqueryInputWants() {
        #expect(RecentReports.tsquery(anyOf: []) == nil)
        #expect(RecentReports.tsquery(anyOf: ["бот", "гарант"]) == "'бот' | 'гарант'")
        #expect(RecentReports.tsquery(anyOf: [#"it's"#, #"a\b"#]) == #"'a\\b' | 'it''s'"#)
    }

    /// PostgreSQL reads the quoted words back as exactly those lexemes, punctuation and all.
    @Test func postgresReadsTheWordsBack() async throws {
        try await RoutingEnv.with(seed: false) { env in
            let words: Set<String> = ["бот", #"it's"#, #"a\b"#, "x:y", "a & b", "!"]
            let query = try #require(RecentReports.tsquery(anyOf: words))
            let matched = try await env.client.query(
                "SELECT count(*)::int FROM unnest(\(Array(words))::text[]) w WHERE array_to_tsvector(ARRAY[w]) @@ \(query)::tsquery",
                logger: env.logger).collect()
            #expect(try matched.first?.decode(Int.self) == words.count)
            let others = try await env.client.query(
                "SELECT count(*)::int FROM unnest(ARRAY['ab', 'it', 'x', 'бо']) w WHERE array_to_tsvector(ARRAY[w]) @@ \(query)::tsquery",
                logger: env.logger).collect()
            #expect(try others.first?.decode(Int.self) == 0)
        }
    }
}
