import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

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

    /// The window comes first: candidates are reached through the window's partial index
    /// (`ticket_unattached_report_idx`) and the open incidents' (`ticket_open_incident_idx`), and the words
    /// are a filter on those rows. A full-text index (dropped in `support-0024`) matched common words
    /// ("бот") in a large share of all tickets ever, a set that grows with the desk's history while the
    /// window's does not; at 23,000 tickets its bitmap took 1.7 ms of a 2.2 ms lookup, and every routing
    /// `UPDATE` (none is HOT) added the report's words to it again (Docs/PERFORMANCE.md, "Session 21").
    static func load(like ticket: TicketID, words: Set<String>, windowMinutes: Int, on connection: PostgresConnection,
                     logger: Logger) async throws -> [ReportSummary]
    {
        guard let query = tsquery(anyOf: words) else { return [] }
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(query)
        bindings.append(ticket.rawValue)
        bindings.append(Int32(windowMinutes))
        return try await connection.rows(of: CandidatesSQL.self, bindings, logger: logger).map { row in
            let (id, requester, lexemes, isIncident, parent, priority) = try row.decode(
                (Int64, Int64?, [String], Bool, Int64?, String).self)
            return ReportSummary(
                ticketID: TicketID(id), requesterID: RequesterID(requester ?? 0), lexemes: Set(lexemes),
                isIncident: isIncident, incidentID: parent.map { TicketID($0) }, priority: Priority(rawValue: priority) ?? .normal)
        }
    }

    /// Prepared (parsed once), yet PostgreSQL keeps planning it for each run, as it should: a generic plan
    /// cannot see the window's bound, and its estimate of the window grows with every unattached report the
    /// desk ever had (`(SELECT …)` around the bound would make it generic; not done on purpose).
    enum CandidatesSQL: RepeatedStatement {
        static let sql = """
            SELECT t.id, t.requester_id, tsvector_to_array(t.report_lexemes), t.is_incident, t.parent_incident_id, t.priority
            FROM ticket t
            WHERE t.report_lexemes @@ $1::tsquery AND t.id <> $2
              AND ((t.is_incident AND t.status NOT IN ('resolved', 'closed'))
                   OR (NOT t.is_incident AND t.parent_incident_id IS NULL AND t.category IN ('technical', 'payment')
                       AND t.requester_id IS NOT NULL
                       AND t.created_at > now() - make_interval(mins => $3)))
            ORDER BY t.created_at DESC LIMIT 200
            """
        static let parameterTypes: [PostgresDataType] = [.text, .int8, .int4]
    }

    /// `'a' | 'b'` for the words, quoted as tsquery input wants (quotes and backslashes doubled); nil for none.
    static func tsquery(anyOf words: Set<String>) -> String? {
        guard !words.isEmpty else { return nil }
        return words.sorted().map { word in
            "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }.joined(separator: " | ")
    }
}
