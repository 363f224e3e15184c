public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
import SupportSchema

/// The report queries, with the figures defined as ``ReportMetrics/compute(_:period:now:fastWithin:)``
/// defines them: the weekly rollup for the clean whole weeks of the period plus SQL aggregates over
/// `ticket` for the rest (`ReportStore+Rollup`), or one scan of the period's tickets by
/// `ticket_created_idx` when no rolled-up week lies inside it; the backlog by `ticket_finished_idx`.
/// Docs/REPORTS.md has the plans and timings.
public struct ReportStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Settings for the report statements, local to the caller's transaction: medians sort a whole
    /// period in memory rather than spilling to disk, and JIT compilation (40 ms here) costs more than
    /// it saves on these plans.
    public func prepare() async throws {
        try await connection.query("SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)", logger: logger)
    }

    /// The SQL of a group key; a fixed list, so interpolating it unescaped is safe.
    static func keyExpression(_ dimension: ReportDimension) -> String {
        switch dimension {
        case .total: "'all'"
        case .team: "t.team_id::text"
        case .line: "t.line"
        case .channel: "t.channel"
        case .category: "t.category"
        case .agent: "t.assignee_id::text"
        }
    }

    /// Every figure per group over `period`; groups with neither tickets nor backlog are left out.
    ///
    /// The cohort figures come from the rollup where it covers whole clean weeks of the period (medians
    /// then are histogram medians, see ``DurationBuckets``), otherwise from one exact scan of `ticket`.
    public func summary(
        _ period: ReportPeriod, by dimension: ReportDimension, fastWithin: TimeInterval, now: Date = Date()
    ) async throws -> [ReportGroup] {
        let key = Self.keyExpression(dimension)
        var groups: [String: ReportMetrics]
        if DurationBuckets.isEdge(fastWithin), let tallies = try await rolledUpTallies(period, by: dimension) {
            groups = tallies.mapValues { $0.metrics(fastWithin: fastWithin) }
        } else {
            groups = try await exactCohort(period, by: dimension, fastWithin: fastWithin)
        }
        let asOf = period.asOf(now: now)
        let backlog = try await connection.query(
            """
            SELECT coalesce(\(unescaped: key), 'none'), count(*)::int,
                   avg(date_part('epoch', \(asOf) - t.created_at)), max(date_part('epoch', \(asOf) - t.created_at))
            FROM ticket t
            WHERE t.created_at < \(asOf)
              AND (coalesce(t.resolved_at, t.closed_at) IS NULL OR coalesce(t.resolved_at, t.closed_at) >= \(asOf))
            GROUP BY 1
            """, logger: logger)
        for try await row in backlog {
            let (group, count, average, oldest) = try row.decode((String, Int, Double?, Double?).self)
            groups[group, default: ReportMetrics()].backlog = count
            groups[group]?.backlogAgeAvg = average
            groups[group]?.backlogAgeMax = oldest
        }
        let labels = try await self.labels(dimension, keys: Array(groups.keys))
        return groups.map { ReportGroup(key: $0.key, label: labels[$0.key] ?? $0.key, metrics: $0.value) }
            .sorted { ($0.metrics.tickets, $1.key) > ($1.metrics.tickets, $0.key) }
    }

    /// The cohort figures per group in one scan of the period's tickets, medians exact.
    func exactCohort(_ period: ReportPeriod, by dimension: ReportDimension, fastWithin: TimeInterval) async throws -> [String: ReportMetrics] {
        let key = Self.keyExpression(dimension)
        var groups: [String: ReportMetrics] = [:]
        let cohort = try await connection.query(
            """
            SELECT coalesce(\(unescaped: key), 'none'), count(*)::int, count(fr)::int, avg(fr),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY fr),
                   (count(*) FILTER (WHERE fr <= \(fastWithin)))::float8 * 100 / nullif(count(fr), 0),
                   count(rs)::int, avg(rs), percentile_cont(0.5) WITHIN GROUP (ORDER BY rs),
                   (count(*) FILTER (WHERE rs IS NOT NULL AND t.staff_reply_count <= 1 AND t.reopen_count = 0))::float8 * 100
                       / nullif(count(rs), 0),
                   count(t.csat_score)::int, avg(t.csat_score)::float8,
                   (count(*) FILTER (WHERE t.csat_score >= 4))::float8 * 100 / nullif(count(t.csat_score), 0),
                   (count(*) FILTER (WHERE t.repeat_contact))::float8 * 100 / count(*),
                   (count(*) FILTER (WHERE t.sla_breached_at IS NULL))::float8 * 100 / count(*)
            FROM (SELECT t.*, date_part('epoch', t.first_response_at - t.created_at) AS fr,
                         date_part('epoch', t.resolved_at - t.created_at) AS rs
                  FROM ticket t WHERE t.created_at >= \(period.from) AND t.created_at < \(period.to)) t
            GROUP BY 1
            """, logger: logger)
        for try await row in cohort {
            let columns = try row.decode(
                (String, Int, Int, Double?, Double?, Double?, Int, Double?, Double?, Double?, Int, Double?, Double?, Double?, Double?).self)
            var metrics = ReportMetrics()
            (metrics.tickets, metrics.answered, metrics.firstResponseAvg, metrics.firstResponseMedian, metrics.fastResponsePct) =
                (columns.1, columns.2, columns.3, columns.4, columns.5)
            (metrics.resolved, metrics.resolutionAvg, metrics.resolutionMedian, metrics.firstContactResolutionPct) =
                (columns.6, columns.7, columns.8, columns.9)
            (metrics.csatCount, metrics.csatAvg, metrics.csatSatisfiedPct) = (columns.10, columns.11, columns.12)
            (metrics.repeatContactPct, metrics.slaCompliancePct) = (columns.13, columns.14)
            groups[columns.0] = metrics
        }
        return groups
    }

    /// Names for team and agent keys (ids); other keys are their own label.
    func labels(_ dimension: ReportDimension, keys: [String]) async throws -> [String: String] {
        let ids = keys.compactMap { Int64($0) }
        let table: String
        switch dimension {
        case .team: table = "SELECT id, name FROM team"
        case .agent: table = "SELECT id, name FROM staff"
        default: return [:]
        }
        guard !ids.isEmpty else { return [:] }
        var labels: [String: String] = [:]
        let rows = try await connection.query("\(unescaped: table) WHERE id = ANY(\(ids))", logger: logger)
        for try await (id, name) in rows.decode((Int64, String).self) { labels[String(id)] = name }
        return labels
    }

    /// Tickets created per bucket and category over `period`, most frequent first: from the per-day topic
    /// rollup for clean whole weeks, from `ticket` for the rest (both exact counts).
    public func topics(_ period: ReportPeriod, bucket: ReportBucket) async throws -> (starts: [Date], topics: [TopicTrend]) {
        let starts = bucket.starts(period)
        guard let first = starts.first else { return ([], []) }
        var found = try await rolledUpTopicCells(period, bucket: bucket)
        if found == nil {
            found = []
            let rows = try await connection.query(
                """
                SELECT date_part('epoch', date_trunc(\(bucket.rawValue), t.created_at, 'UTC')),
                       coalesce(t.category, 'unclassified'), count(*)::int
                FROM ticket t WHERE t.created_at >= \(period.from) AND t.created_at < \(period.to)
                GROUP BY 1, 2
                """, logger: logger)
            for try await (start, topic, count) in rows.decode((Double, String, Int).self) { found?.append((start, topic, count)) }
        }
        let cells = (found ?? []).map { cell in
            (bucket: Int(((cell.start - first.timeIntervalSince1970) / bucket.length).rounded()), topic: cell.topic, count: cell.count)
        }
        return (starts, TopicTrend.from(cells: cells, bucketCount: starts.count))
    }
}
