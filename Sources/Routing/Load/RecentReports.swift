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

    /// The words go in as a `tsquery` literal, not computed in SQL, so the planner sees them: a common word
    /// ("бот") matches a large share of all tickets, and then the window's partial index
    /// (`ticket_unattached_report_idx`) is the cheap way in. Found at 200k tickets: 21 ms → 0.2 ms, spent
    /// under the locks above.
    static func load(like ticket: TicketID, words: Set<String>, windowMinutes: Int, on connection: PostgresConnection,
                     logger: Logger) async throws -> [ReportSummary]
    {
        guard let query = tsquery(anyOf: words) else { return [] }
        return try await connection.query(
            """
            SELECT t.id, t.requester_id, tsvector_to_array(t.report_lexemes), t.is_incident, t.parent_incident_id, t.priority
            FROM ticket t
            WHERE t.report_lexemes @@ \(query)::tsquery AND t.id <> \(ticket.rawValue)
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

    /// `'a' | 'b'` for the words, quoted as tsquery input wants (quotes and backslashes doubled); nil for none.
    static func tsquery(anyOf words: Set<String>) -> String? {
        guard !words.isEmpty else { return nil }
        return words.sorted().map { word in
            "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }.joined(separator: " | ")
    }
}
