extension SupportMigrations {
    /// CSAT links and the low-rating policy, ratings per agent, and the per-ticket counters that keep
    /// the reports to one scan of `ticket` (see Docs/REPORTS.md).
    static let reports = #"""
        -- The low-rating policy: one row, changed by owners through the API (audited).
        CREATE TABLE csat_setting (
            id                   smallint PRIMARY KEY DEFAULT 1 CONSTRAINT csat_setting_single CHECK (id = 1),
            -- A score at or below this is low (0 turns the policy off).
            low_score_max        smallint NOT NULL DEFAULT 2 CONSTRAINT csat_setting_low_range CHECK (low_score_max BETWEEN 0 AND 4),
            on_low               text NOT NULL DEFAULT 'alert_lead' CONSTRAINT csat_setting_on_low_check
                                     CHECK (on_low IN ('nothing', 'alert_lead', 'reopen', 'reopen_and_alert')),
            updated_by_staff_id  bigint REFERENCES staff (id) ON DELETE SET NULL,
            updated_at           timestamptz NOT NULL DEFAULT now()
        );
        INSERT INTO csat_setting DEFAULT VALUES;

        -- The rating link mailed on resolution: only the SHA-256 of its token is stored. It works without
        -- a login until it expires; a later rating through it replaces the earlier one.
        CREATE TABLE csat_link (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            token_hash  bytea NOT NULL CONSTRAINT csat_link_hash_length CHECK (octet_length(token_hash) = 32),
            ticket_id   bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
            created_at  timestamptz NOT NULL DEFAULT now(),
            expires_at  timestamptz NOT NULL,
            CONSTRAINT csat_link_hash_key UNIQUE (token_hash),
            CONSTRAINT csat_link_expiry_order CHECK (expires_at > created_at)
        );
        CREATE INDEX csat_link_ticket_idx ON csat_link (ticket_id);

        -- A rating attached to each agent who handled the ticket (the assignee and every staff member who
        -- replied), for agent ratings; the latest rating of the ticket wins.
        CREATE TABLE csat_agent_rating (
            ticket_id  bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
            staff_id   bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
            score      smallint NOT NULL CONSTRAINT csat_agent_rating_score_check CHECK (score BETWEEN 1 AND 5),
            rated_at   timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (ticket_id, staff_id)
        );
        CREATE INDEX csat_agent_rating_staff_idx ON csat_agent_rating (staff_id, rated_at);

        -- Counters the reports read instead of scanning ticket_event: staff replies (first-contact
        -- resolution), the first SLA breach (compliance) and a repeat of the same requester's problem.
        ALTER TABLE ticket
            ADD COLUMN staff_reply_count integer NOT NULL DEFAULT 0 CONSTRAINT ticket_staff_reply_count_check CHECK (staff_reply_count >= 0),
            ADD COLUMN sla_breached_at timestamptz,
            ADD COLUMN repeat_contact boolean NOT NULL DEFAULT false;

        CREATE FUNCTION support_ticket_report_counters() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.type = 'reply_sent' AND NEW.actor_kind = 'staff' THEN
                UPDATE ticket SET staff_reply_count = staff_reply_count + 1 WHERE id = NEW.ticket_id;
            ELSIF NEW.type = 'sla_breached' THEN
                UPDATE ticket SET sla_breached_at = coalesce(sla_breached_at, NEW.at) WHERE id = NEW.ticket_id;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER ticket_event_report_counters AFTER INSERT ON ticket_event
            FOR EACH ROW WHEN (NEW.type IN ('reply_sent', 'sla_breached')) EXECUTE FUNCTION support_ticket_report_counters();

        -- A repeat contact: the same requester opened another ticket of the same category in the 7 days before.
        CREATE FUNCTION support_ticket_repeat_contact() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.repeat_contact := NEW.category IS NOT NULL AND EXISTS (
                SELECT 1 FROM ticket p
                WHERE p.requester_id = NEW.requester_id AND p.category = NEW.category AND p.id <> NEW.id
                  AND p.created_at >= NEW.created_at - interval '7 days' AND p.created_at < NEW.created_at);
            RETURN NEW;
        END $$;
        CREATE TRIGGER ticket_repeat_contact BEFORE INSERT OR UPDATE OF category ON ticket
            FOR EACH ROW EXECUTE FUNCTION support_ticket_repeat_contact();

        -- The backlog at a moment: tickets not finished (resolved, or closed unresolved) by then.
        CREATE INDEX ticket_finished_idx ON ticket ((coalesce(resolved_at, closed_at)))
        """#
}
