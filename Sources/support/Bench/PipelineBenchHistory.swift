/// The past a running desk has: `requesters` people who each wrote once in the 90 days before the run,
/// their tickets closed but for a backlog of 2% still open with their assignees, and the rows intake and
/// routing left behind (identity, inbound item, message, assignment notification, events). Generated in
/// one `INSERT … SELECT` per table.
///
/// Why: on an empty database PostgreSQL plans the first statements against tables of a page or two, and
/// a backend keeps a generic plan made then (the foreign-key checks' among them) until the table is next
/// analysed, which autovacuum does not do within a short run. The benchmark then measured sequential scans
/// over tables that grow under it, which no desk with a history runs, and the figures swung with when each
/// plan was made (Docs/PERFORMANCE.md, "Session 13").
enum PipelineBenchHistory {
    static func fill(requesters: Int) -> [String] {
        let history = "display_name LIKE 'History %'"
        return [
            "SELECT setseed(0.13)",
            """
            INSERT INTO requester (display_name, locale, created_at, updated_at)
            SELECT 'History ' || i, CASE WHEN i % 4 = 0 THEN 'en' ELSE 'ru' END, at, at
            FROM (SELECT i, now() - make_interval(secs => 7 * 86400 + random() * 83 * 86400) AS at
                  FROM generate_series(1, \(requesters)) AS i) g
            """,
            """
            INSERT INTO requester_identity (requester_id, channel, external_id, display, created_at)
            SELECT id, 'web', 'history' || id || '@example.com', display_name, created_at FROM requester WHERE \(history)
            """,
            """
            INSERT INTO ticket (requester_id, channel, subject, category, priority, status, line, team_id, assignee_id,
                                assigned_at, first_response_at, resolved_at, closed_at, staff_reply_count,
                                last_requester_message_at, report_lexemes, created_at, updated_at)
            SELECT r.id, 'web', t.text, t.category, 'normal', CASE WHEN t.open THEN 'open' ELSE 'closed' END, tm.line, tm.id, s.id,
                   r.created_at + interval '1 second', r.created_at + interval '20 minutes',
                   CASE WHEN NOT t.open THEN r.created_at + interval '2 hours' END,
                   CASE WHEN NOT t.open THEN r.created_at + interval '3 days' END, 1,
                   r.created_at, to_tsvector('russian', t.text), r.created_at, r.created_at + interval '3 days'
            FROM requester r
            CROSS JOIN LATERAL (SELECT (ARRAY[\(texts)])[1 + r.id % \(PipelineBenchRun.texts.count)] AS text,
                                       (ARRAY['question', 'technical', 'payment', 'dispute', 'moderation_appeal',
                                              'complaint', 'suggestion', 'question'])[1 + r.id % 8] AS category,
                                       r.id % 50 = 0 AS open) t
            CROSS JOIN LATERAL (SELECT id, line FROM team ORDER BY id OFFSET r.id % (SELECT count(*) FROM team) LIMIT 1) tm
            CROSS JOIN LATERAL (SELECT id FROM staff ORDER BY id OFFSET r.id % (SELECT count(*) FROM staff) LIMIT 1) s
            WHERE r.\(history)
            """,
            """
            INSERT INTO inbound_item (channel, dedupe_key, raw, content_type, received_at, status, ticket_id, processed_at)
            SELECT 'web', 'history-' || t.id, convert_to(t.subject, 'UTF8'), 'text/plain', t.created_at, 'processed', t.id,
                   t.created_at
            FROM ticket t JOIN requester r ON r.id = t.requester_id WHERE r.\(history)
            """,
            """
            INSERT INTO message (ticket_id, author_kind, author_requester_id, channel, body, inbound_item_id, created_at)
            SELECT i.ticket_id, 'requester', t.requester_id, 'web', t.subject, i.id, t.created_at
            FROM inbound_item i JOIN ticket t ON t.id = i.ticket_id WHERE i.dedupe_key LIKE 'history-%'
            """,
            """
            INSERT INTO notification (recipient_staff_id, channel, template, ticket_id, idempotency_key, status, attempts,
                                      sent_at, created_at)
            SELECT t.assignee_id, 'in_app', 'assigned', t.id, 'history-assigned-' || t.id, 'sent', 1, t.assigned_at, t.assigned_at
            FROM ticket t JOIN requester r ON r.id = t.requester_id WHERE r.\(history)
            """,
            """
            INSERT INTO ticket_event (ticket_id, type, actor_kind, data, at)
            SELECT t.id, e.type, 'system', '{}', e.at
            FROM ticket t JOIN requester r ON r.id = t.requester_id
            CROSS JOIN LATERAL (VALUES ('created', t.created_at), ('assigned', t.assigned_at), ('resolved', t.resolved_at),
                                       ('closed', t.closed_at)) e(type, at)
            WHERE r.\(history) AND e.at IS NOT NULL
            """,
        ]
    }

    private static var texts: String {
        PipelineBenchRun.texts.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
    }
}
