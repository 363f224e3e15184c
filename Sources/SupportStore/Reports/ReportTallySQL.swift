import PostgresNIO
import SupportDomain

/// The one SQL that tallies tickets (``ReportTally``), shared by the rollup's refresh (grouped by week,
/// dimension and key) and by the reports for the days the rollup does not cover (grouped by key), so the
/// two always agree.
enum ReportTallySQL {
    /// The tally columns, in the order ``decode(_:at:)`` reads them (and `report_rollup_tally` stores them).
    static let columns = """
        tickets, answered, first_response_sum, resolved, resolution_sum, first_contact_resolved, csat_count, csat_sum,
        csat_satisfied, repeat_contacts, sla_met, reopened, ever_resolved, first_response_hist, resolution_hist
        """

    /// The per-ticket columns a `source` must select (besides the group columns), from `ticket t`.
    static let ticketColumns = """
        date_part('epoch', t.first_response_at - t.created_at) AS fr, date_part('epoch', t.resolved_at - t.created_at) AS rs,
        t.staff_reply_count, t.reopen_count, t.csat_score, t.repeat_contact, t.sla_breached_at
        """

    /// `SELECT group…, tally columns` over `source` (a query selecting `group` and ``ticketColumns``),
    /// one row per group.
    static func select(group: [String], source: String) -> String {
        let keys = group.joined(separator: ", ")
        func histogram(_ measure: String) -> String {
            """
            SELECT \(keys), array_agg(b::int8 * 4294967296 + n ORDER BY b) AS h
            FROM (SELECT \(keys), \(DurationBuckets.sql(measure)) AS b, count(*) AS n FROM tallied
                  WHERE \(measure) IS NOT NULL GROUP BY \(keys), b) buckets
            GROUP BY \(keys)
            """
        }
        return """
            WITH tallied AS MATERIALIZED (\(source)),
            sums AS (
                SELECT \(keys), count(*)::int AS tickets, count(fr)::int AS answered, coalesce(sum(fr), 0)::float8 AS first_response_sum,
                       count(rs)::int AS resolved, coalesce(sum(rs), 0)::float8 AS resolution_sum,
                       (count(*) FILTER (WHERE rs IS NOT NULL AND staff_reply_count <= 1 AND reopen_count = 0))::int AS first_contact_resolved,
                       count(csat_score)::int AS csat_count, coalesce(sum(csat_score), 0)::int AS csat_sum,
                       (count(*) FILTER (WHERE csat_score >= 4))::int AS csat_satisfied,
                       (count(*) FILTER (WHERE repeat_contact))::int AS repeat_contacts,
                       (count(*) FILTER (WHERE sla_breached_at IS NULL))::int AS sla_met,
                       (count(*) FILTER (WHERE reopen_count > 0))::int AS reopened,
                       (count(*) FILTER (WHERE rs IS NOT NULL OR reopen_count > 0))::int AS ever_resolved
                FROM tallied GROUP BY \(keys)),
            fr_hist AS (\(histogram("fr"))),
            rs_hist AS (\(histogram("rs")))
            SELECT \(group.map { "s.\($0)" }.joined(separator: ", ")),
                   s.tickets, s.answered, s.first_response_sum, s.resolved, s.resolution_sum, s.first_contact_resolved, s.csat_count,
                   s.csat_sum, s.csat_satisfied, s.repeat_contacts, s.sla_met, s.reopened, s.ever_resolved,
                   coalesce(f.h, '{}'), coalesce(r.h, '{}')
            FROM sums s LEFT JOIN fr_hist f USING (\(keys)) LEFT JOIN rs_hist r USING (\(keys))
            """
    }

    /// The tally in the 15 columns from `offset` on.
    static func decode(_ row: PostgresRandomAccessRow, at offset: Int) throws -> ReportTally {
        var tally = ReportTally()
        tally.tickets = try row[offset].decode(Int.self)
        tally.answered = try row[offset + 1].decode(Int.self)
        tally.firstResponseSum = try row[offset + 2].decode(Double.self)
        tally.resolved = try row[offset + 3].decode(Int.self)
        tally.resolutionSum = try row[offset + 4].decode(Double.self)
        tally.firstContactResolved = try row[offset + 5].decode(Int.self)
        tally.csatCount = try row[offset + 6].decode(Int.self)
        tally.csatSum = try row[offset + 7].decode(Int.self)
        tally.csatSatisfied = try row[offset + 8].decode(Int.self)
        tally.repeatContacts = try row[offset + 9].decode(Int.self)
        tally.slaMet = try row[offset + 10].decode(Int.self)
        tally.reopened = try row[offset + 11].decode(Int.self)
        tally.everResolved = try row[offset + 12].decode(Int.self)
        tally.firstResponse = DurationHistogram(packed: try row[offset + 13].decode([Int64].self))
        tally.resolution = DurationHistogram(packed: try row[offset + 14].decode([Int64].self))
        return tally
    }

    /// The SQL key of a group under `dimension` (a fixed list, so interpolating it is safe); nil is "none".
    static func key(_ dimension: ReportDimension) -> String {
        "coalesce(\(ReportStore.keyExpression(dimension)), 'none')"
    }
}
