import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// A ticket's subject and first requester messages: what classification reads, with their stemmed words
/// (`ticket.report_lexemes`, for duplicate detection) and, when asked, the rules the text hits
/// (``RuleHits``), all in one statement, which also brings the requester's people (``CaseFacts``). On first
/// routing the words are computed here and stored by ``RoutingWriter`` with the rest of the row, so the
/// ticket gets one new row version, not two.
enum ReportText {
    static let messages = 5

    struct Loaded: Sendable {
        var text = ""
        var lexemes: Set<String> = []
        var hits: [ClassificationRule] = []
        var returningAssignee: StaffID?
        var staffWhoAreThem: Set<StaffID> = []
    }

    /// - Parameter classifyFor: the ticket's channel when its text is to be classified (the rule hits are
    ///   then returned); nil for no hits.
    static func load(
        _ ticket: RoutingTicket, computeLexemes: Bool, classifyFor channel: SupportChannel?, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Loaded {
        var bindings = PostgresBindings(capacity: 5)
        bindings.append(ticket.id.rawValue)
        bindings.append(Int64(messages))
        bindings.append(computeLexemes)
        bindings.append(channel?.rawValue)
        bindings.append(ticket.requesterID?.rawValue)
        let rows = try await connection.rows(of: ReportSQL.self, bindings, logger: logger)
        guard let row = rows.first else { return Loaded() }
        let (text, lexemes, ids, patterns, categories, boosts, weights, returning, parties) = try row.decode(
            (String, [String], [Int64]?, [String]?, [String]?, [Int16]?, [Float]?, Int64?, [Int64]).self)
        var hits: [ClassificationRule] = []
        if let ids, let patterns, let categories, let boosts, let weights {
            for i in ids.indices {
                hits.append(try RuleHits.rule(
                    id: ids[i], pattern: patterns[i], category: categories[i], boost: boosts[i], weight: weights[i]))
            }
        }
        return Loaded(
            text: text, lexemes: Set(lexemes), hits: hits, returningAssignee: returning.map { StaffID($0) },
            staffWhoAreThem: Set(parties.map { StaffID($0) }))
    }

    private enum ReportSQL: RepeatedStatement {
        static let sql = """
            WITH report AS (
                SELECT t.report_lexemes, t.subject || E'\\n' || coalesce((
                    SELECT string_agg(m.body, E'\\n' ORDER BY m.created_at, m.id) FROM (
                        SELECT body, created_at, id FROM message
                        WHERE ticket_id = t.id AND author_kind = 'requester' ORDER BY created_at, id LIMIT $2
                    ) m), '') AS body
                FROM ticket t WHERE t.id = $1
            ), doc AS MATERIALIZED (
                SELECT to_tsvector('russian', body) AS ru, to_tsvector('english', body) AS en FROM report
                WHERE $4::text IS NOT NULL
            ), \(CaseFacts.recentTickets(requester: "$5"))
            SELECT body, tsvector_to_array(CASE WHEN $3 THEN to_tsvector('russian', body)
                                                ELSE coalesce(report_lexemes, ''::tsvector) END),
                   h.ids, h.patterns, h.categories, h.boosts, h.weights,
                   \(CaseFacts.peopleColumns(requester: "$5", ticket: "$1"))
            FROM report LEFT JOIN LATERAL (
                SELECT array_agg(r.id ORDER BY r.id) AS ids, array_agg(r.pattern ORDER BY r.id) AS patterns,
                       array_agg(r.category ORDER BY r.id) AS categories,
                       array_agg(r.priority_boost ORDER BY r.id) AS boosts, array_agg(r.weight ORDER BY r.id) AS weights
                \(RuleHits.matching(channel: "$4"))
            ) h ON true
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .int8, .bool, .text, .int8]
    }
}
