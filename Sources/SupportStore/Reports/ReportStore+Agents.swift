import Foundation
import PostgresNIO
public import SupportDomain

extension ReportStore {
    /// Every staff member with tickets or ratings in `period`, by volume. Their tickets' figures come from
    /// the rollup where it covers whole clean weeks of the period (see ``summary(_:by:fastWithin:now:)``).
    public func agents(_ period: ReportPeriod) async throws -> [AgentRating] {
        if let tallies = try await rolledUpTallies(period, by: .agent) {
            return try await agents(period, tallies: tallies.filter { $0.key != "none" })
        }
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

    /// The agent ratings from their tickets' tallies and the ratings given in `period`.
    func agents(_ period: ReportPeriod, tallies: [String: ReportTally]) async throws -> [AgentRating] {
        var ratings: [Int64: (count: Int, average: Double)] = [:]
        let rated = try await connection.query(
            """
            SELECT r.staff_id, count(*)::int, avg(r.score)::float8
            FROM csat_agent_rating r WHERE r.rated_at >= \(period.from) AND r.rated_at < \(period.to)
            GROUP BY 1
            """, logger: logger)
        for try await (id, count, average) in rated.decode((Int64, Int, Double).self) { ratings[id] = (count, average) }
        let handled = Dictionary(uniqueKeysWithValues: tallies.compactMap { key, tally in Int64(key).map { ($0, tally) } })
        let ids = Array(Set(handled.keys).union(ratings.keys))
        var names: [Int64: String] = [:]
        let rows = try await connection.query("SELECT id, name FROM staff WHERE id = ANY(\(ids))", logger: logger)
        for try await (id, name) in rows.decode((Int64, String).self) { names[id] = name }
        return names.map { id, name in
            let tally = handled[id] ?? ReportTally()
            return AgentRating(
                staffID: id, name: name, tickets: tally.tickets, resolved: tally.resolved, csatCount: ratings[id]?.count ?? 0,
                csatAvg: ratings[id]?.average, slaCompliancePct: Statistics.percent(tally.slaMet, of: tally.tickets),
                reopenPct: Statistics.percent(tally.reopened, of: tally.everResolved))
        }
        .sorted { ($0.tickets, $1.staffID) > ($1.tickets, $0.staffID) }
    }
}
