import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// A ticket's subject and first requester messages: what classification reads, with their stemmed words
/// (`ticket.report_lexemes`, for duplicate detection). On first routing the words are computed here and
/// stored by ``RoutingWriter`` with the rest of the row, so the ticket gets one new row version, not two.
enum ReportText {
    static let messages = 5

    static func load(_ ticket: TicketID, computeLexemes: Bool, on connection: PostgresConnection, logger: Logger)
        async throws -> (text: String, lexemes: Set<String>)
    {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(ticket.rawValue)
        bindings.append(Int64(messages))
        bindings.append(computeLexemes)
        let rows = try await connection.rows(of: ReportSQL.self, bindings, logger: logger)
        guard let row = rows.first else { return ("", []) }
        let (text, lexemes) = try row.decode((String, [String]).self)
        return (text, Set(lexemes))
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
            )
            SELECT body, tsvector_to_array(CASE WHEN $3 THEN to_tsvector('russian', body)
                                                ELSE coalesce(report_lexemes, ''::tsvector) END)
            FROM report
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .int8, .bool]
    }
}
