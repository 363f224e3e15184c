import Logging
import PostgresNIO
import SupportDomain
import SupportSchema

/// Recent reports sharing a word with this one and not yet in an incident, and open incidents sharing
/// a word, for ``IncidentDetector``.
///
/// Detection that may open an incident holds transaction-scoped advisory locks on the report's stemmed
/// words, taken in key order (so never a deadlock): two routing processes handling two reports of one
/// outage at once would otherwise each miss the other's uncommitted report. A report takes its rarer
/// words exclusively and the rest shared (``IncidentDetector/exclusiveLockWords(of:uses:)``), which is
/// enough for any two similar reports to take turns, while reports that only share a common word
/// ("бот") go on at once.
enum RecentReports {
    static func lock(words: Set<String>, exclusive: Set<String>, on connection: PostgresConnection, logger: Logger) async throws {
        guard !words.isEmpty else { return }
        let list = words.sorted()
        // Two words may hash to one key: it is taken once, exclusively if either word is.
        _ = try await connection.query(
            """
            SELECT CASE WHEN x THEN pg_advisory_xact_lock(k) ELSE pg_advisory_xact_lock_shared(k) END FROM (
                SELECT hashtext('support.incident:' || w) AS k, bool_or(x) AS x
                FROM unnest(\(list)::text[], \(list.map(exclusive.contains))::bool[]) AS u(w, x)
                GROUP BY 1 ORDER BY 1
            ) AS keys
            """, logger: logger
        ).collect()
    }

    /// How many of `reports` use each word: the rarity ``IncidentDetector`` picks the exclusive words by.
    static func uses(in reports: [ReportSummary]) -> [String: Int] {
        var uses: [String: Int] = [:]
        for report in reports { for word in report.lexemes { uses[word, default: 0] += 1 } }
        return uses
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
