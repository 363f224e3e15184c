public import Logging
public import PostgresNIO

/// Running tickets by SLA risk: the scaling signal "tickets likely to breach within 30 minutes".
public enum SLARisk {
    public struct Counts: Sendable, Equatable {
        /// Due within the window and not yet due.
        public var dueSoon: Int
        /// Already past their deadline and still running.
        public var overdue: Int

        public init(dueSoon: Int, overdue: Int) {
            self.dueSoon = dueSoon
            self.overdue = overdue
        }
    }

    /// Counts on the database clock, over the partial index `ticket_sla_due_idx` (same statuses).
    public static func counts(within window: Duration, client: PostgresClient, logger: Logger) async throws -> Counts {
        let seconds = Double(window.components.seconds)
        let rows = try await client.query(
            """
            SELECT count(*) FILTER (WHERE sla_due_at > now())::int, count(*) FILTER (WHERE sla_due_at <= now())::int
            FROM ticket
            WHERE sla_due_at IS NOT NULL AND status IN ('new', 'open', 'escalated')
              AND sla_due_at <= now() + make_interval(secs => \(seconds))
            """, logger: logger
        ).collect()
        let (dueSoon, overdue) = try rows.first?.decode((Int, Int).self) ?? (0, 0)
        return Counts(dueSoon: dueSoon, overdue: overdue)
    }
}
