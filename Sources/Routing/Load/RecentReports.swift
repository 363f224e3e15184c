import Logging
import PostgresNIO
import SupportDomain
import SupportSchema

/// Recent reports sharing a word with this one and not yet in an incident, and open incidents sharing
/// a word, for ``IncidentDetector``.
///
/// Detection holds transaction-scoped advisory locks, one per stemmed word of the report, taken in key
/// order (so never a deadlock): two routing processes handling two reports of one outage at once would
/// otherwise each miss the other's uncommitted report. Similar reports share at least two words, so they
/// take turns; reports with no word in common do not wait for each other.
enum RecentReports {
    static func lock(words: Set<String>, on connection: PostgresConnection, logger: Logger) async throws {
        guard !words.isEmpty else { return }
        _ = try await connection.query(
            """
            SELECT pg_advisory_xact_lock(k) FROM (
                SELECT DISTINCT hashtext('support.incident:' || w) AS k FROM unnest(\(Array(words))::text[]) AS w ORDER BY k
            ) AS keys
            """, logger: logger
        ).collect()
    }

    static func load(like ticket: TicketID, windowMinutes: Int, on connection: PostgresConnection, logger: Logger)
        async throws -> [ReportSummary]
    {
        try await connection.query(
            """
            WITH words AS (
                SELECT string_agg(quote_literal(w), ' | ')::tsquery AS query
                FROM ticket, unnest(tsvector_to_array(report_lexemes)) AS w WHERE ticket.id = \(ticket.rawValue)
            )
            SELECT t.id, t.requester_id, tsvector_to_array(t.report_lexemes), t.is_incident, t.parent_incident_id, t.priority
            FROM ticket t, words
            WHERE words.query IS NOT NULL AND t.report_lexemes @@ words.query AND t.id <> \(ticket.rawValue)
              AND ((t.is_incident AND t.status NOT IN ('resolved', 'closed'))
                   OR (NOT t.is_incident AND t.parent_incident_id IS NULL AND t.category IN ('technical', 'payment')
                       AND t.requester_id IS NOT NULL
                       AND t.created_at > now() - make_interval(mins => \(Int32(windowMinutes)))))
            ORDER BY t.created_at DESC LIMIT 200
            """, logger: logger
        ).collect().map { row in
            let (id, requester, lexemes, isIncident, parent, priority) = try row.decode(
                (Int64, Int64?, [String], Bool, Int64?, String).self)
            return ReportSummary(
                ticketID: TicketID(id), requesterID: RequesterID(requester ?? 0), lexemes: Set(lexemes),
                isIncident: isIncident, incidentID: parent.map { TicketID($0) }, priority: Priority(rawValue: priority) ?? .normal)
        }
    }
}
