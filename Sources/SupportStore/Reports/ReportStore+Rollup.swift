import Foundation
import PostgresNIO
import SupportDomain

/// How the reports read the rollup: the rolled-up weeks that lie wholly inside the period and are clean
/// (no row in `report_rollup_dirty`), decided in the same statement (one snapshot) that reads their rows;
/// everything else in the period — the partial weeks at its edges, the running week, dirty weeks and weeks
/// not yet rolled up — is tallied from `ticket` by the same SQL the refresh uses.
extension ReportStore {
    /// The `clean` CTE: rolled-up, clean weeks inside `[from, to)` (binds `$1` = from, `$2` = to).
    static let cleanWeeks = """
        clean AS (
            SELECT s.week FROM report_rollup_week s
            WHERE s.week::timestamp AT TIME ZONE 'UTC' >= $1 AND (s.week + 7)::timestamp AT TIME ZONE 'UTC' <= $2
              AND NOT EXISTS (SELECT 1 FROM report_rollup_dirty d WHERE d.week = s.week))
        """

    /// The parts of `period` the clean `weeks` (Mondays, one week long each) do not cover, in order.
    static func uncovered(_ period: ReportPeriod, weeks: [Date]) -> [(from: Date, to: Date)] {
        var ranges: [(from: Date, to: Date)] = []
        var cursor = period.from
        for week in weeks.sorted() {
            if week > cursor { ranges.append((cursor, week)) }
            cursor = max(cursor, week.addingTimeInterval(7 * 86_400))
        }
        if cursor < period.to { ranges.append((cursor, period.to)) }
        return ranges
    }

    /// Tallies per group over `period` from the rollup and `ticket`; nil when no clean week lies inside it
    /// (then the exact single-scan queries are as fast, and give exact medians).
    func rolledUpTallies(_ period: ReportPeriod, by dimension: ReportDimension) async throws -> [String: ReportTally]? {
        var binds = PostgresBindings()
        binds.append(period.from)
        binds.append(period.to)
        binds.append(dimension.rawValue)
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    WITH \(Self.cleanWeeks)
                    SELECT c.week::timestamp AT TIME ZONE 'UTC', r.key, \(ReportTallySQL.columns.split(separator: ",").map { "r." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
                    FROM clean c LEFT JOIN report_rollup_tally r ON r.week = c.week AND r.dimension = $3
                    """, binds: binds), logger: logger)
        var weeks = Set<Date>()
        var tallies: [String: ReportTally] = [:]
        for try await row in rows {
            let columns = row.makeRandomAccess()
            weeks.insert(try columns[0].decode(Date.self))
            guard let key = try columns[1].decode(String?.self) else { continue }
            tallies[key, default: ReportTally()].merge(try ReportTallySQL.decode(columns, at: 2))
        }
        guard !weeks.isEmpty else { return nil }
        let ranges = Self.uncovered(period, weeks: Array(weeks))
        guard !ranges.isEmpty else { return tallies }
        for (key, tally) in try await rawTallies(ranges, by: dimension) {
            tallies[key, default: ReportTally()].merge(tally)
        }
        return tallies
    }

    /// Tallies per group of the tickets created in `ranges`, straight from `ticket`.
    func rawTallies(_ ranges: [(from: Date, to: Date)], by dimension: ReportDimension) async throws -> [String: ReportTally] {
        var binds = PostgresBindings()
        binds.append(ranges.map(\.from))
        binds.append(ranges.map(\.to))
        let source = """
            SELECT \(ReportTallySQL.key(dimension)) AS key, \(ReportTallySQL.ticketColumns)
            FROM unnest($1::timestamptz[], $2::timestamptz[]) r(starts, ends)
            JOIN ticket t ON t.created_at >= r.starts AND t.created_at < r.ends
            """
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: ReportTallySQL.select(group: ["key"], source: source), binds: binds), logger: logger)
        var tallies: [String: ReportTally] = [:]
        for try await row in rows {
            let columns = row.makeRandomAccess()
            tallies[try columns[0].decode(String.self)] = try ReportTallySQL.decode(columns, at: 1)
        }
        return tallies
    }

    /// Topic cells (bucket start, topic, count) over `period` from the rollup and `ticket`; nil when no
    /// clean week lies inside it.
    func rolledUpTopicCells(_ period: ReportPeriod, bucket: ReportBucket) async throws -> [(start: Double, topic: String, count: Int)]? {
        var binds = PostgresBindings()
        binds.append(period.from)
        binds.append(period.to)
        binds.append(bucket.rawValue)
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    WITH \(Self.cleanWeeks)
                    SELECT c.week::timestamp AT TIME ZONE 'UTC',
                           date_part('epoch', date_trunc($3, r.day::timestamp AT TIME ZONE 'UTC', 'UTC')), r.topic, r.tickets
                    FROM clean c LEFT JOIN report_rollup_topic r ON r.week = c.week
                    """, binds: binds), logger: logger)
        var weeks = Set<Date>()
        var cells: [(start: Double, topic: String, count: Int)] = []
        for try await (week, start, topic, count) in rows.decode((Date, Double?, String?, Int?).self) {
            weeks.insert(week)
            if let start, let topic, let count { cells.append((start, topic, count)) }
        }
        guard !weeks.isEmpty else { return nil }
        let ranges = Self.uncovered(period, weeks: Array(weeks))
        guard !ranges.isEmpty else { return cells }
        let raw = try await connection.query(
            """
            SELECT date_part('epoch', date_trunc(\(bucket.rawValue), t.created_at, 'UTC')), coalesce(t.category, 'unclassified'), count(*)::int
            FROM unnest(\(ranges.map(\.from))::timestamptz[], \(ranges.map(\.to))::timestamptz[]) r(starts, ends)
            JOIN ticket t ON t.created_at >= r.starts AND t.created_at < r.ends
            GROUP BY 1, 2
            """, logger: logger)
        for try await (start, topic, count) in raw.decode((Double, String, Int).self) { cells.append((start, topic, count)) }
        return cells
    }
}
