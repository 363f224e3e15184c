extension SupportMigrations {
    /// The FAQ bot's outcome per ticket for reports (derived from `ticket_event`: no counters to drift),
    /// and canned replies (macros).
    static let knowledgeBot = #"""
        CREATE VIEW kb_bot_outcome AS
            SELECT t.id AS ticket_id, t.created_at, t.channel,
                   EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'bot_answered') AS answered,
                   EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'deflected') AS deflected,
                   EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'bot_answered')
                       AND EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'handed_over') AS handed_over
            FROM ticket t;
        -- A canned reply: personal (owner_staff_id) or a team's (team_id). The body may hold the
        -- placeholders {{requester_name}}, {{ticket_number}} and {{expected_time}}; applying it posts the
        -- rendered text as a staff reply and optionally sets the status and category.
        CREATE TABLE macro (
            id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            title                text NOT NULL CONSTRAINT macro_title_nonblank CHECK (btrim(title) <> ''),
            body                 text NOT NULL CONSTRAINT macro_body_nonblank CHECK (btrim(body) <> ''),
            owner_staff_id       bigint REFERENCES staff (id) ON DELETE CASCADE,
            team_id              bigint REFERENCES team (id) ON DELETE CASCADE,
            set_status           text CONSTRAINT macro_set_status_check
                                     CHECK (set_status IN ('open', 'pending_requester', 'pending_third_party', 'resolved')),
            set_category         text CONSTRAINT macro_set_category_check
                                     CHECK (set_category IN ('question', 'technical', 'payment', 'dispute',
                                            'moderation_appeal', 'complaint', 'suggestion', 'spam')),
            created_by_staff_id  bigint REFERENCES staff (id),
            created_at           timestamptz NOT NULL DEFAULT now(),
            updated_at           timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT macro_one_scope CHECK ((owner_staff_id IS NULL) <> (team_id IS NULL))
        );
        CREATE INDEX macro_owner_idx ON macro (owner_staff_id) WHERE owner_staff_id IS NOT NULL;
        CREATE INDEX macro_team_idx ON macro (team_id) WHERE team_id IS NOT NULL;
        CREATE TRIGGER macro_touch BEFORE UPDATE ON macro
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at()
        """#
}
