import Logging
import PostgresNIO
import SupportSchema

/// A ticket's subject and first requester messages: what classification reads, with their stemmed words
/// (`ticket.report_lexemes`, for duplicate detection). On first routing the words are computed here and
/// stored by ``RoutingWriter`` with the rest of the row, so the ticket gets one new row version, not two.
enum ReportText {
    static let messages = 5

    static func load(_ ticket: TicketID, computeLexemes: Bool, on connection: PostgresConnection, logger: Logger)
        async throws -> (text: String, lexemes: Set<String>)
    {
        let rows = try await connection.query(
            """
            WITH report AS (
                SELECT t.report_lexemes, t.subject || E'\\n' || coalesce((
                    SELECT string_agg(m.body, E'\\n' ORDER BY m.created_at, m.id) FROM (
                        SELECT body, created_at, id FROM message
                        WHERE ticket_id = t.id AND author_kind = 'requester' ORDER BY created_at, id LIMIT \(messages)
                    ) m), '') AS body
                FROM ticket t WHERE t.id = \(ticket.rawValue)
            )
            SELECT body, tsvector_to_array(CASE WHEN \(computeLexemes) THEN to_tsvector('russian', body)
                                                ELSE coalesce(report_lexemes, ''::tsvector) END)
            FROM report
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return ("", []) }
        let (text, lexemes) = try row.decode((String, [String]).self)
        return (text, Set(lexemes))
    }
}
