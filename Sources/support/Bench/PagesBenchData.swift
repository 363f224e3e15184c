/// The SQL that grows the demo desk to `tickets` tickets for `support bench pages`: 20 000 more
/// requesters with an email identity, tickets spread over the last 365 days with three messages each
/// (request, answer, internal note every fifth), 1 % still active (half of those unassigned, the rest
/// shared among the demo agents), and a steady stream of tickets for the demo requester the portal
/// signs in as. Written through the platform's own tables, triggers and indexes.
enum PagesBenchData {
    static func fill(tickets: Int) -> [String] {
        [
            "SELECT setseed(0.17)",
            """
            INSERT INTO requester (display_name, locale, contract_email)
            SELECT 'Bench requester ' || i, (ARRAY['ru', 'en'])[1 + i % 2], 'bench' || i || '@example.com' FROM generate_series(1, 20000) i
            """,
            """
            INSERT INTO requester_identity (requester_id, channel, external_id)
            SELECT id, 'email', contract_email FROM requester WHERE contract_email LIKE 'bench%@example.com'
            """,
            """
            CREATE TEMP TABLE bench_people AS
            SELECT array_agg(id ORDER BY id) AS requesters,
                   (SELECT array_agg(id ORDER BY id) FROM staff WHERE 'agent' = ANY (roles)) AS agents,
                   (SELECT id FROM requester WHERE contract_email = 'ivan@example.com') AS ivan
            FROM requester
            """,
            """
            INSERT INTO ticket (requester_id, channel, subject, category, status, priority, line, assignee_id,
                                first_response_at, resolved_at, closed_at, created_at)
            SELECT CASE WHEN i % 500 = 0 THEN p.ivan ELSE p.requesters[1 + (i * 7919) % cardinality(p.requesters)] END,
                   (ARRAY['telegram', 'email', 'web', 'chat', 'phone'])[1 + i % 5],
                   (ARRAY['Не пришла выплата', 'Бот не отвечает', 'Вопрос по комиссии', 'Спор по сделке', 'Апелляция на бан',
                          'Payout missing', 'How do fees work'])[1 + i % 7] || ' #' || i,
                   (ARRAY['payment', 'technical', 'question', 'dispute', 'moderation_appeal', 'payment', 'question'])[1 + i % 7],
                   CASE WHEN i % 100 = 0 THEN 'open' WHEN i % 3 = 0 THEN 'closed' ELSE 'resolved' END,
                   (ARRAY['low', 'normal', 'normal', 'high'])[1 + i % 4], 'l1',
                   CASE WHEN i % 100 = 0 AND i % 200 <> 0 THEN p.agents[1 + (i / 200) % cardinality(p.agents)]
                        WHEN i % 100 <> 0 THEN p.agents[1 + i % cardinality(p.agents)] END,
                   created + interval '20 minutes',
                   CASE WHEN i % 100 <> 0 THEN created + interval '3 hours' END,
                   CASE WHEN i % 100 <> 0 AND i % 3 = 0 THEN created + interval '2 days' END,
                   created
            FROM bench_people p,
                 LATERAL (SELECT i, now() - make_interval(secs => (\(tickets) - i)::float8 * 365 * 86400 / \(tickets)) AS created
                          FROM generate_series(1, \(tickets)) i) g
            """,
            """
            INSERT INTO message (ticket_id, author_kind, author_requester_id, channel, body, created_at)
            SELECT id, 'requester', requester_id, channel, 'Здравствуйте! ' || subject || '. Подробности: сделка, сумма, время.', created_at
            FROM ticket WHERE subject LIKE '%#%'
            """,
            """
            INSERT INTO message (ticket_id, author_kind, author_staff_id, channel, body, is_internal, created_at)
            SELECT id, 'staff', coalesce(assignee_id, (SELECT min(id) FROM staff)), channel,
                   CASE WHEN id % 5 = 0 THEN 'Проверить журнал бота' ELSE 'Проверили, всё в порядке.' END, id % 5 = 0,
                   created_at + interval '20 minutes'
            FROM ticket WHERE subject LIKE '%#%'
            """,
            """
            INSERT INTO message (ticket_id, author_kind, author_requester_id, channel, body, created_at)
            SELECT id, 'requester', requester_id, channel, 'Спасибо!', created_at + interval '40 minutes'
            FROM ticket WHERE subject LIKE '%#%'
            """,
            "ANALYZE",
        ]
    }
}
