public import Logging
public import PostgresNIO

/// The owner's admin page, read side: staff, teams with calendars, shifts and holidays, SLA policies,
/// KB articles and the CSAT policy, each as display rows (text cells, one query per section).
public struct AdminOverviewStore: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Staff: id, name, email, roles, teams, away, active.
    public func staff() async throws -> [[String]] {
        try await cells("""
            SELECT s.id::text, s.name, s.email, array_to_string(s.roles, ', '),
                   COALESCE((SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM team_member m JOIN team t ON t.id = m.team_id
                             WHERE m.staff_id = s.id), ''),
                   CASE WHEN s.is_away THEN 'away' ELSE '' END, CASE WHEN s.active THEN 'active' ELSE 'inactive' END
            FROM staff s ORDER BY s.id LIMIT 500
            """, columns: 7)
    }

    /// Teams: name, line, calendar (timezone), weekly opening hours, holidays ahead, members, shifts.
    public func teams() async throws -> [[String]] {
        try await cells("""
            SELECT t.name, t.line, t.calendar_name || ' (' || c.timezone || ')',
                   COALESCE((SELECT string_agg(h.weekday::text || ' ' || h.opens::text || '–' || h.closes::text, ', '
                                               ORDER BY h.weekday, h.opens)
                             FROM business_calendar_hours h WHERE h.calendar_name = t.calendar_name), ''),
                   COALESCE((SELECT string_agg(d.day::text, ', ' ORDER BY d.day) FROM calendar_holiday d
                             WHERE d.calendar_name = t.calendar_name AND d.day >= current_date), ''),
                   (SELECT count(*) FROM team_member m WHERE m.team_id = t.id)::text,
                   (SELECT count(*) FROM staff_shift sh WHERE sh.team_id = t.id)::text
            FROM team t JOIN business_calendar c ON c.name = t.calendar_name ORDER BY t.name
            """, columns: 7)
    }

    /// SLA policies: channel, priority, first response, next response, resolution (minutes), business hours.
    public func slaPolicies() async throws -> [[String]] {
        try await cells("""
            SELECT channel, priority, first_response_minutes::text, next_response_minutes::text, resolution_minutes::text,
                   CASE WHEN business_hours THEN 'business hours' ELSE '24/7' END
            FROM sla_policy ORDER BY channel, array_position(ARRAY['critical', 'high', 'normal', 'low'], priority)
            """, columns: 6)
    }

    /// KB articles: id, locale, title, section, status.
    public func articles() async throws -> [[String]] {
        try await cells("SELECT id::text, locale, title, section, status FROM kb_article ORDER BY id DESC LIMIT 200", columns: 5)
    }

    /// The CSAT low-rating policy: threshold and what happens.
    public func csatPolicy() async throws -> [[String]] {
        try await cells("SELECT low_score_max::text, on_low FROM csat_setting", columns: 2)
    }

    private func cells(_ sql: String, columns: Int) async throws -> [[String]] {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        return try rows.map { row in
            let cells = row.makeRandomAccess()
            return try (0..<columns).map { try cells[$0].decode(String?.self) ?? "" }
        }
    }
}
