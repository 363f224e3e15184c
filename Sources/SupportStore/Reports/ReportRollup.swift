public import Foundation
import JobQueue
public import Logging
public import PostgresNIO
import SupportDomain

/// Refreshes the report rollup (migration `support-0018`, Docs/REPORTS.md "The rollup").
///
/// A refresh is one REPEATABLE READ transaction, so every statement sees one snapshot: it picks the
/// ended weeks that are dirty (a row in `report_rollup_dirty`) or never rolled up, recomputes them from
/// `ticket`, and deletes exactly the dirty rows that snapshot saw. A change committed after the snapshot
/// keeps its dirty row, and with it the week, read from `ticket` until the next refresh. Running it twice
/// (a redelivered job) recomputes the same figures or finds nothing; two at once are kept apart by an
/// advisory lock (the second returns `busy`) and, failing that, by a serialization error and a retry.
public struct ReportRollup: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public struct Outcome: Sendable, Hashable {
        /// The weeks (Mondays, UTC) rolled up.
        public var weeks: [Date] = []
        /// Weeks still due after this refresh (it rolls at most `maxWeeks`).
        public var remaining = 0
        /// Another refresh held the lock; nothing was done.
        public var busy = false
    }

    /// Rolls up at most `maxWeeks` due weeks: dirty ones first, then ones never rolled up, newest first.
    public func refresh(maxWeeks: Int = 13) async throws -> Outcome {
        let logger = self.logger
        return try await client.transaction(logger: logger) { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", logger: logger)
            let locked = try await connection.query(
                "SELECT pg_try_advisory_xact_lock(hashtext('support.report_rollup'))", logger: logger
            ).collect().first?.decode(Bool.self) ?? false
            guard locked else { return Outcome(busy: true) }
            try await connection.query(
                "SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)", logger: logger)
            let due = try await Self.dueWeeks(connection, logger: logger)
            let weeks = Array(due.prefix(maxWeeks))
            try await Self.roll(weeks, on: connection, logger: logger)
            return Outcome(weeks: weeks, remaining: due.count - weeks.count)
        }
    }

    /// Refreshes until no week is due (or another refresh holds the lock); returns the weeks rolled up.
    public func refreshAll(maxWeeksPerTransaction: Int = 13) async throws -> Int {
        var total = 0
        while true {
            let outcome = try await refresh(maxWeeks: maxWeeksPerTransaction)
            total += outcome.weeks.count
            if outcome.busy || outcome.remaining == 0 { return total }
        }
    }

    /// Forgets every rolled-up week: the reports read `ticket` until the next refreshes rebuild it.
    public func reset() async throws {
        try await client.query("TRUNCATE report_rollup_week, report_rollup_tally, report_rollup_topic, report_rollup_dirty", logger: logger)
    }

    /// Ended weeks (before the current one) that are dirty, then those never rolled up; newest first each.
    static func dueWeeks(_ connection: PostgresConnection, logger: Logger) async throws -> [Date] {
        let rows = try await connection.query(
            """
            SELECT week::timestamp AT TIME ZONE 'UTC', pass FROM (
                SELECT DISTINCT week, 0 AS pass FROM report_rollup_dirty WHERE week < support_report_week(now())
                UNION ALL
                SELECT g::date, 1
                FROM generate_series((SELECT support_report_week(min(created_at)) FROM ticket)::timestamp,
                                     (support_report_week(now()) - 7)::timestamp, interval '7 days') g
                WHERE NOT EXISTS (SELECT 1 FROM report_rollup_week s WHERE s.week = g::date)
            ) due
            ORDER BY pass, week DESC
            """, logger: logger)
        var seen = Set<Date>()
        var weeks: [Date] = []
        for try await (week, _) in rows.decode((Date, Int).self) where seen.insert(week).inserted {
            weeks.append(week)
        }
        return weeks
    }

    /// Recomputes `weeks` from `ticket` and clears the dirty rows this snapshot sees for them (and for the
    /// running week, which is never rolled up and so needs none).
    static func roll(_ weeks: [Date], on connection: PostgresConnection, logger: Logger) async throws {
        let chosen = """
            (SELECT (a AT TIME ZONE 'UTC')::date AS week, a AS starts FROM unnest($1::timestamptz[]) a)
            """
        func run(_ sql: String) async throws {
            var binds = PostgresBindings()
            binds.append(weeks)
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        }
        if !weeks.isEmpty {
            try await run(
                """
                INSERT INTO report_rollup_week (week) SELECT week FROM \(chosen) w
                ON CONFLICT (week) DO UPDATE SET refreshed_at = now()
                """)
            try await run("DELETE FROM report_rollup_tally WHERE week IN (SELECT week FROM \(chosen) w)")
            try await run("DELETE FROM report_rollup_topic WHERE week IN (SELECT week FROM \(chosen) w)")
            let groups = ReportDimension.allCases.map { "('\($0.rawValue)', \(ReportTallySQL.key($0)))" }.joined(separator: ", ")
            let source = """
                SELECT w.week, d.dimension, d.key, \(ReportTallySQL.ticketColumns)
                FROM \(chosen) w
                JOIN ticket t ON t.created_at >= w.starts AND t.created_at < w.starts + interval '168 hours'
                CROSS JOIN LATERAL (VALUES \(groups)) d(dimension, key)
                """
            try await run(
                "INSERT INTO report_rollup_tally (week, dimension, key, \(ReportTallySQL.columns)) "
                    + ReportTallySQL.select(group: ["week", "dimension", "key"], source: source))
            try await run(
                """
                INSERT INTO report_rollup_topic (week, day, topic, tickets)
                SELECT w.week, (t.created_at AT TIME ZONE 'UTC')::date, coalesce(t.category, 'unclassified'), count(*)::int
                FROM \(chosen) w
                JOIN ticket t ON t.created_at >= w.starts AND t.created_at < w.starts + interval '168 hours'
                GROUP BY 1, 2, 3
                """)
        }
        try await run(
            """
            DELETE FROM report_rollup_dirty
            WHERE week IN (SELECT week FROM \(chosen) w) OR week >= support_report_week(now())
            """)
    }
}
