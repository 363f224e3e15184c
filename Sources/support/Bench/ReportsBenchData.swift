/// The SQL that fills the reports benchmark's schema: `tickets` tickets spread evenly over the last
/// 365 days, generated in one `INSERT … SELECT generate_series` (about a minute for 1M on 2 cores).
///
/// Shapes, from a fixed seed: 7 channels, 8 categories (10% unclassified), 6 teams over 3 lines, 40
/// assignees (5% unassigned); 98% answered within 0–8 h (skewed short); 3% still open (the backlog),
/// the rest resolved 0–72 h after creation; 70% one staff reply; 8% reopened; 10% breached an SLA;
/// 6% repeat contacts; 30% rated 1–5.
enum ReportsBenchData {
    /// The indexes the report queries use, as the migrations create them on `ticket`.
    static let indexes = [
        "CREATE INDEX ticket_created_idx ON ticket (created_at)",
        "CREATE INDEX ticket_category_created_idx ON ticket (category, created_at)",
        "CREATE INDEX ticket_finished_idx ON ticket ((coalesce(resolved_at, closed_at)))",
        "CREATE INDEX csat_agent_rating_staff_idx ON csat_agent_rating (staff_id, rated_at)",
    ]

    /// Creates the tables (copies of the platform's, without their foreign keys and triggers): 6 teams and 40
    /// staff for the labels and the agent report's join.
    static let tables = [
        "CREATE TABLE ticket (LIKE public.ticket INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
        "CREATE TABLE csat_agent_rating (LIKE public.csat_agent_rating INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
        "CREATE TABLE team (LIKE public.team INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
        "CREATE TABLE staff (LIKE public.staff INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
        "ALTER TABLE team ADD PRIMARY KEY (id)",
        "ALTER TABLE staff ADD PRIMARY KEY (id)",
        // The rollup (support-0018) with its keys and indexes; its functions stay in public.
        "CREATE TABLE report_rollup_week (LIKE public.report_rollup_week INCLUDING ALL)",
        "CREATE TABLE report_rollup_tally (LIKE public.report_rollup_tally INCLUDING ALL)",
        "CREATE TABLE report_rollup_topic (LIKE public.report_rollup_topic INCLUDING ALL)",
        "CREATE TABLE report_rollup_dirty (LIKE public.report_rollup_dirty INCLUDING ALL)",
    ]

    /// The migration's dirty-week triggers, read off the platform's `ticket` and created on the copy after
    /// the fill (so it logs nothing): from then on every change marks its week as the platform's `ticket` does.
    static let triggers = """
        SELECT replace(pg_get_triggerdef(t.oid), ' ON public.ticket ', ' ON ticket ')
        FROM pg_trigger t WHERE t.tgrelid = 'public.ticket'::regclass AND t.tgname LIKE 'ticket_report_rollup%'
        """

    /// A day's worth of changes for the incremental refresh: a third of the last fortnight's open tickets
    /// resolved, 2,000 recent tickets answered again, and 30 old ones (about 60 days back) rated late.
    static let changes = [
        """
        UPDATE ticket SET status = 'resolved', resolved_at = now()
        WHERE created_at >= now() - interval '14 days' AND status = 'open' AND id % 3 = 0
        """,
        """
        UPDATE ticket SET staff_reply_count = staff_reply_count + 1
        WHERE id IN (SELECT id FROM ticket WHERE created_at >= now() - interval '14 days' ORDER BY id DESC LIMIT 2000)
        """,
        """
        UPDATE ticket SET csat_score = 5, csat_at = now()
        WHERE id IN (SELECT id FROM ticket WHERE created_at >= now() - interval '60 days' ORDER BY created_at LIMIT 30)
        """,
    ]

    static func fill(tickets: Int) -> [String] {
        [
            "INSERT INTO team (id, name, line) SELECT i, 'team ' || i, (ARRAY['l1', 'l1', 'l1', 'l2', 'l2', 'l3'])[i] FROM generate_series(1, 6) i",
            "INSERT INTO staff (id, name, email, roles) SELECT i, 'agent ' || i, 'agent' || i || '@bench.local', '{agent}' FROM generate_series(1, 40) i",
            "SELECT setseed(0.42)",
            """
            INSERT INTO ticket (id, number, requester_id, channel, subject, category, status, line, team_id, assignee_id,
                                first_response_at, resolved_at, reopen_count, staff_reply_count, sla_breached_at,
                                repeat_contact, csat_score, csat_comment, csat_at, created_at, updated_at)
            SELECT i, i, 1 + (i::bigint * 7919) % 250000,
                   (ARRAY['telegram', 'email', 'web', 'chat', 'phone', 'social', 'api'])[1 + floor(r1 * 7)::int],
                   '',
                   CASE WHEN r2 < 0.1 THEN NULL
                        ELSE (ARRAY['question', 'technical', 'payment', 'dispute', 'moderation_appeal', 'complaint',
                                    'suggestion', 'spam'])[1 + floor(r3 * 8)::int] END,
                   CASE WHEN r4 < 0.03 THEN 'open' ELSE 'resolved' END,
                   (ARRAY['l1', 'l1', 'l1', 'l2', 'l2', 'l3'])[1 + i % 6],
                   1 + i % 6,
                   CASE WHEN r5 < 0.05 THEN NULL ELSE 1 + (i / 7) % 40 END,
                   CASE WHEN r6 < 0.98 THEN created + make_interval(secs => r6 * r6 * 8 * 3600) END,
                   CASE WHEN r4 >= 0.03 THEN created + make_interval(secs => r7 * 72 * 3600) END,
                   CASE WHEN r8 < 0.08 THEN 1 ELSE 0 END,
                   CASE WHEN r8 < 0.7 THEN 1 ELSE 2 + floor(r8 * 4)::int END,
                   CASE WHEN r9 < 0.1 THEN created + interval '4 hours' END,
                   r1 < 0.06,
                   CASE WHEN r4 >= 0.03 AND r9 >= 0.7 THEN 1 + floor(r2 * 5)::int END,
                   NULL,
                   CASE WHEN r4 >= 0.03 AND r9 >= 0.7 THEN created + make_interval(secs => r7 * 72 * 3600 + 600) END,
                   created, created
            FROM (SELECT i, now() - make_interval(secs => (\(tickets) - i)::float8 * 365 * 86400 / \(tickets)) AS created,
                         random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                         random() AS r6, random() AS r7, random() AS r8, random() AS r9
                  FROM generate_series(1, \(tickets)) AS i) g
            """,
            """
            INSERT INTO csat_agent_rating (ticket_id, staff_id, score, rated_at)
            SELECT id, assignee_id, csat_score, csat_at FROM ticket WHERE csat_score IS NOT NULL AND assignee_id IS NOT NULL
            """,
        ]
    }
}
