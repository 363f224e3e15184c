public import SupportDomain

extension ReportStore {
    /// Every staff member with tickets or ratings in `period`, by volume.
    public func agents(_ period: ReportPeriod) async throws -> [AgentRating] {
        let rows = try await connection.query(
            """
            WITH handled AS (
                SELECT t.assignee_id AS staff_id, count(*)::int AS tickets, count(t.resolved_at)::int AS resolved,
                       (count(*) FILTER (WHERE t.sla_breached_at IS NULL))::float8 * 100 / count(*) AS sla,
                       (count(*) FILTER (WHERE t.reopen_count > 0))::float8 * 100
                           / nullif(count(*) FILTER (WHERE t.resolved_at IS NOT NULL OR t.reopen_count > 0), 0) AS reopened
                FROM ticket t
                WHERE t.created_at >= \(period.from) AND t.created_at < \(period.to) AND t.assignee_id IS NOT NULL
                GROUP BY 1),
            rated AS (
                SELECT r.staff_id, count(*)::int AS ratings, avg(r.score)::float8 AS score
                FROM csat_agent_rating r WHERE r.rated_at >= \(period.from) AND r.rated_at < \(period.to)
                GROUP BY 1)
            SELECT s.id, s.name, coalesce(h.tickets, 0), coalesce(h.resolved, 0), coalesce(r.ratings, 0), r.score, h.sla, h.reopened
            FROM handled h FULL JOIN rated r USING (staff_id) JOIN staff s ON s.id = coalesce(h.staff_id, r.staff_id)
            ORDER BY 3 DESC, 1
            """, logger: logger)
        var result: [AgentRating] = []
        for try await (id, name, tickets, resolved, ratings, score, sla, reopened) in rows.decode(
            (Int64, String, Int, Int, Int, Double?, Double?, Double?).self)
        {
            result.append(AgentRating(
                staffID: id, name: name, tickets: tickets, resolved: resolved, csatCount: ratings, csatAvg: score,
                slaCompliancePct: sla, reopenPct: reopened))
        }
        return result
    }
}
