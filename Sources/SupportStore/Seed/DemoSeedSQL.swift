/// The demo data itself, as SQL, so it reads like the tables it fills.
enum DemoSeedSQL {
    static let script = #"""
        INSERT INTO staff (name, email, roles, locale, skills, capacity) VALUES
            ('Olga Owner',       'owner@demo.local',   '{owner}',        'ru', '{}',                      10),
            ('Anna Agent',       'anna@demo.local',    '{agent}',        'ru', '{payments,telegram_bot}', 20),
            ('Boris Agent',      'boris@demo.local',   '{agent}',        'en', '{payments}',              20),
            ('Maxim Moderator',  'maxim@demo.local',   '{moderator}',    'ru', '{}',                      15),
            ('Maria Moderator',  'maria@demo.local',   '{moderator}',    'ru', '{}',                      15),
            ('Arkady Arbiter',   'arkady@demo.local',  '{arbiter}',      'ru', '{}',                      10),
            ('Alina Arbiter',    'alina@demo.local',   '{arbiter,agent}','ru', '{}',                      10),
            ('Kirill Coder',     'kirill@demo.local',  '{coder}',        'ru', '{telegram_bot,payments}', 15);

        INSERT INTO team (name, line, lead_staff_id, categories, skills) VALUES
            ('Support',     'l1', (SELECT id FROM staff WHERE email = 'anna@demo.local'),   '{question,payment,technical,suggestion}', '{payments,telegram_bot}'),
            ('Moderation',  'l1', (SELECT id FROM staff WHERE email = 'maxim@demo.local'),  '{moderation_appeal}', '{}'),
            ('Arbitration', 'l1', (SELECT id FROM staff WHERE email = 'arkady@demo.local'), '{dispute}', '{}'),
            ('Engineering', 'l2', (SELECT id FROM staff WHERE email = 'kirill@demo.local'), '{technical}', '{telegram_bot,payments}'),
            ('Owners',      'l3', (SELECT id FROM staff WHERE email = 'owner@demo.local'),  '{complaint}', '{}');

        INSERT INTO team_member (team_id, staff_id)
        SELECT t.id, s.id FROM (VALUES
            ('Support', 'anna@demo.local'), ('Support', 'boris@demo.local'), ('Support', 'alina@demo.local'),
            ('Moderation', 'maxim@demo.local'), ('Moderation', 'maria@demo.local'),
            ('Arbitration', 'arkady@demo.local'), ('Arbitration', 'alina@demo.local'),
            ('Engineering', 'kirill@demo.local'), ('Owners', 'owner@demo.local')
        ) AS m(team, email) JOIN team t ON t.name = m.team JOIN staff s ON s.email = m.email;

        -- Everyone works the desk's hours, weekdays 10:00-22:00 Yekaterinburg time.
        INSERT INTO staff_shift (staff_id, weekday, start_time, end_time)
        SELECT s.id, d, '10:00', '22:00' FROM staff s CROSS JOIN generate_series(1, 5) AS d
        WHERE s.email LIKE '%@demo.local';

        INSERT INTO requester (display_name, locale, contract_name, contract_email) VALUES
            ('Ivan Petrov',   'ru', 'Иван Петров',   'ivan@example.com'),
            ('Svetlana K.',   'ru', 'Светлана Ким',  'sveta@example.com'),
            ('John Smith',    'en', 'John Smith',    'john@example.com');

        INSERT INTO requester_identity (requester_id, channel, external_id, display, verified, verified_at)
        SELECT r.id, i.channel, i.external_id, i.display, i.verified, CASE WHEN i.verified THEN now() END
        FROM (VALUES
            ('ivan@example.com',  'telegram', '100000001',         '@ivan_p',          true),
            ('ivan@example.com',  'email',    'ivan@example.com',  'Ivan Petrov',      true),
            ('sveta@example.com', 'telegram', '100000002',         '@sveta_k',         true),
            ('john@example.com',  'email',    'john@example.com',  'John Smith',       true)
        ) AS i(contract_email, channel, external_id, display, verified)
        JOIN requester r ON r.contract_email = i.contract_email;

        INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency, terms, chat_id,
                          deposit_required, deposit_amount, deposit_status, status, started_at)
        VALUES
            ('G-1001', (SELECT id FROM requester WHERE contract_email = 'ivan@example.com'),
                       (SELECT id FROM requester WHERE contract_email = 'sveta@example.com'),
                       15000, 'RUB', 'Telegram channel sale with 10k subscribers, handover within 24h', '-1001',
                       false, NULL, 'not_required', 'active', now() - interval '2 days'),
            ('G-1002', (SELECT id FROM requester WHERE contract_email = 'john@example.com'),
                       (SELECT id FROM requester WHERE contract_email = 'ivan@example.com'),
                       250, 'USDT', 'Design work: 5 banners, 3 revisions', '-1001',
                       true, 50, 'held', 'active', now() - interval '1 day'),
            ('G-1003', (SELECT id FROM requester WHERE contract_email = 'sveta@example.com'),
                       (SELECT id FROM requester WHERE contract_email = 'john@example.com'),
                       1200, 'USDT', 'Bot development, deposit required before start', '-1002',
                       true, 200, 'pending', 'registered', NULL);

        INSERT INTO punishment (requester_id, chat_id, chat_title, kind, issued_by_staff_id, reason, issued_at, expires_at)
        VALUES ((SELECT id FROM requester WHERE contract_email = 'john@example.com'), '-1001', 'Deals & Trade',
                'mute', (SELECT id FROM staff WHERE email = 'maxim@demo.local'), 'Flooding the chat with ads',
                now() - interval '3 hours', now() + interval '3 days');

        INSERT INTO kb_article (slug, locale, title, body, section, category, visibility, status, published_at) VALUES
            ('how-guarantor-deals-work', 'ru', 'Как работает сделка через гаранта',
             'Покупатель переводит деньги гаранту, продавец выполняет условия, после подтверждения гарант выплачивает продавцу. При споре сделку рассматривает арбитр.',
             'deals', 'question', 'public', 'published', now()),
            ('how-guarantor-deals-work', 'en', 'How a guarantor deal works',
             'The buyer pays the guarantor, the seller delivers, and once the buyer confirms the guarantor pays the seller. If the parties disagree, an arbiter reviews the deal.',
             'deals', 'question', 'public', 'published', now()),
            ('open-a-dispute', 'ru', 'Как открыть спор по сделке',
             'Откройте спор командой /dispute в боте-гаранте или через портал, укажите номер сделки и приложите доказательства: скриншоты переписки, чеки, файлы.',
             'deals', 'dispute', 'public', 'published', now()),
            ('open-a-dispute', 'en', 'How to open a deal dispute',
             'Open a dispute with /dispute in the guarantor bot or on the portal, give the deal number and attach evidence: chat screenshots, receipts, files.',
             'deals', 'dispute', 'public', 'published', now()),
            ('appeal-a-ban', 'ru', 'Как обжаловать бан или мут',
             'Напишите в поддержку, укажите чат и дату наказания. Апелляцию рассмотрит другой модератор, не тот, кто выдал наказание. Повторную апелляцию рассматривает владелец.',
             'rules', 'moderation_appeal', 'public', 'published', now()),
            ('appeal-a-ban', 'en', 'How to appeal a ban or mute',
             'Write to support with the chat and the date of the punishment. A different moderator than the one who issued it reviews the appeal; a second appeal goes to an owner.',
             'rules', 'moderation_appeal', 'public', 'published', now()),
            ('deposit-before-deal', 'ru', 'Депозит перед началом сделки',
             'Если сделка требует депозита, она не начнётся, пока депозит не внесён гаранту. Депозит возвращается после завершения сделки.',
             'payments', 'payment', 'public', 'published', now()),
            ('deposit-before-deal', 'en', 'Deposit before a deal starts',
             'If a deal requires a deposit, it does not start until the deposit is held by the guarantor. The deposit is returned when the deal completes.',
             'payments', 'payment', 'public', 'published', now()),
            ('payout-runbook', 'en', 'Payout execution runbook (staff)',
             'When the guarantor bot does not confirm a payout within 10 minutes, check the bot webhook status and retry from the dispute page. Escalate to L2 if it fails twice.',
             'internal', 'technical', 'staff', 'published', now())
        """#
}
