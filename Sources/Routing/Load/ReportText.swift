import Logging
import PostgresNIO
import SupportSchema

/// A ticket's subject and first requester messages: what classification reads. On first routing it
/// also stores their stemmed words (`ticket.report_lexemes`) for duplicate detection.
enum ReportText {
    static let messages = 5

    static func load(_ ticket: TicketID, storeLexemes: Bool, on connection: PostgresConnection, logger: Logger)
        async throws -> (text: String, lexemes: Set<String>)
    {
        let rows = try await connection.query(
            """
            WITH report AS (
                SELECT t.subject || E'\\n' || coalesce((
                    SELECT string_agg(m.body, E'\\n' ORDER BY m.created_at, m.id) FROM (
                        SELECT body, created_at, id FROM message
                        WHERE ticket_id = t.id AND author_kind = 'requester' ORDER BY created_at, id LIMIT \(messages)
                    ) m), '') AS body
                FROM ticket t WHERE t.id = \(ticket.rawValue)
            ), stored AS (
                UPDATE ticket SET report_lexemes = to_tsvector('russian', report.body)
                FROM report WHERE ticket.id = \(ticket.rawValue) AND \(storeLexemes)
                RETURNING ticket.report_lexemes
            )
            SELECT report.body, tsvector_to_array(coalesce((SELECT report_lexemes FROM stored),
                                                           (SELECT report_lexemes FROM ticket WHERE id = \(ticket.rawValue)),
                                                           ''::tsvector))
            FROM report
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return ("", []) }
        let (text, lexemes) = try row.decode((String, [String]).self)
        return (text, Set(lexemes))
    }
}
