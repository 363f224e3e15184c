import PostgresNIO
import SupportSchema
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

/// The candidates come from the window, however many older tickets share the report's words: the lookup
/// reads no more than the window's 402 reports (this one included), neither the 2,000 older ones that
/// match (a full-text index's bitmap, before `support-0024`) nor the whole table.
struct RecentReportsWindowTests {
    @Test func aLookupReadsTheWindowNotEveryTicketSharingAWord() async throws {
        try await RoutingEnv.with(seed: false) { env in
            // Repeat-contact marking plans its lookup on the empty table and would scan it per row.
            try await env.sql.exec("ALTER TABLE ticket DISABLE TRIGGER ticket_repeat_contact")
            try await env.sql.exec("""
                WITH r AS (INSERT INTO requester (display_name) SELECT 'old ' || i FROM generate_series(1, 10000) i RETURNING id)
                INSERT INTO ticket (requester_id, channel, subject, category, report_lexemes, created_at)
                SELECT id, 'web', 'old', 'technical',
                       array_to_tsvector(CASE WHEN id % 5 = 0 THEN ARRAY['бот', 'завис'] ELSE ARRAY['вход', 'код'] END),
                       now() - interval '3 days'
                FROM r
                """)
            // The window itself holds other reports: its reads are bounded by them, not by the history.
            try await env.sql.exec("""
                WITH r AS (INSERT INTO requester (display_name) SELECT 'other ' || i FROM generate_series(1, 400) i RETURNING id)
                INSERT INTO ticket (requester_id, channel, subject, category, report_lexemes)
                SELECT id, 'web', 'other', 'payment', array_to_tsvector(ARRAY['выплат', 'карт']) FROM r
                """)
            let recent = try await env.sql.int("""
                WITH r AS (INSERT INTO requester (display_name) VALUES ('recent') RETURNING id)
                INSERT INTO ticket (requester_id, channel, subject, category, report_lexemes)
                SELECT id, 'web', 'recent', 'technical', array_to_tsvector(ARRAY['бот', 'завис']) FROM r RETURNING id::int
                """)
            let mine = try await env.sql.int("""
                WITH r AS (INSERT INTO requester (display_name) VALUES ('me') RETURNING id)
                INSERT INTO ticket (requester_id, channel, subject, category) SELECT id, 'web', 'mine', 'technical' FROM r RETURNING id::int
                """)
            try await env.sql.exec("ALTER TABLE ticket ENABLE TRIGGER ticket_repeat_contact")
            try await env.sql.exec("ANALYZE ticket")
            let words: Set<String> = ["бот", "завис"]
            try await env.client.withConnection { connection in
                let found = try await RecentReports.load(
                    like: TicketID(Int64(mine)), words: words, windowMinutes: 120, on: connection, logger: env.logger)
                #expect(found.map(\.ticketID) == [TicketID(Int64(recent))])

                let query = try #require(RecentReports.tsquery(anyOf: words))
                try await connection.query("PREPARE candidates (text, int8, int4) AS \(unescaped: RecentReports.CandidatesSQL.sql)", logger: env.logger)
                let plan = try await connection.query(
                    // A utility statement takes no bound parameters; the words are ours, dollar-quoted.
                    "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE candidates($q$\(unescaped: query)$q$, \(unescaped: "\(mine)"), 120)",
                    logger: env.logger
                ).collect().first?.decode(String.self) ?? ""
                let read = Self.figures("Actual Rows", in: plan)
                let removed = Self.figures("Rows Removed by Filter", in: plan) + Self.figures("Rows Removed by Index Recheck", in: plan)
                #expect(!read.isEmpty)
                #expect(read.allSatisfy { $0 <= 402 }, "a plan node returned \(read.max() ?? 0) rows: \(plan)")
                #expect(removed.reduce(0, +) <= 402, "the plan filtered out \(removed.reduce(0, +)) rows: \(plan)")
            }
        }
    }

    /// Every figure under `key` in an EXPLAIN (ANALYZE, FORMAT JSON) plan.
    private static func figures(_ key: String, in plan: String) -> [Int] {
        plan.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "\"\(key)\": ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }
}
