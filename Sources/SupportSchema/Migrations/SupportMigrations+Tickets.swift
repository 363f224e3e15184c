extension SupportMigrations {
    /// Punishments, tickets, their event history, raw inbound items and messages.
    static let tickets = #"""
        -- A ban, mute or warning in a community chat; the subject of moderation appeals.
        CREATE TABLE punishment (
            id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            requester_id        bigint NOT NULL REFERENCES requester (id),
            -- The community chat, e.g. a telegram chat id, and its title at the time.
            chat_id             text NOT NULL,
            chat_title          text,
            kind                text NOT NULL CONSTRAINT punishment_kind_check CHECK (kind IN ('ban', 'mute', 'warning')),
            -- The issuing moderator: never the one who decides the appeal. NULL for automatic moderation.
            issued_by_staff_id  bigint REFERENCES staff (id),
            reason              text NOT NULL DEFAULT '',
            issued_at           timestamptz NOT NULL DEFAULT now(),
            -- NULL: permanent (bans) or not applicable (warnings).
            expires_at          timestamptz,
            lifted              boolean NOT NULL DEFAULT false,
            lifted_at           timestamptz,
            lifted_by_staff_id  bigint REFERENCES staff (id),
            lift_reason         text,
            created_at          timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT punishment_expiry_order CHECK (expires_at > issued_at),
            CONSTRAINT punishment_lifted_consistent CHECK (lifted = (lifted_at IS NOT NULL))
        );
        CREATE INDEX punishment_requester_idx ON punishment (requester_id, issued_at DESC);
        CREATE INDEX punishment_issued_by_idx ON punishment (issued_by_staff_id) WHERE issued_by_staff_id IS NOT NULL;

        -- The number people see and quote ("#1042"); the id stays internal.
        CREATE SEQUENCE ticket_number_seq START WITH 1001;

        CREATE TABLE ticket (
            id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            number                bigint NOT NULL DEFAULT nextval('ticket_number_seq'),
            requester_id          bigint NOT NULL REFERENCES requester (id),
            channel               text NOT NULL CONSTRAINT ticket_channel_check
                                      CHECK (channel IN ('telegram', 'email', 'web', 'chat', 'phone', 'social', 'api')),
            subject               text NOT NULL DEFAULT '',
            -- NULL until routing classifies the ticket.
            category              text CONSTRAINT ticket_category_check
                                      CHECK (category IN ('question', 'technical', 'payment', 'dispute',
                                             'moderation_appeal', 'complaint', 'suggestion', 'spam')),
            -- The requester's own choice (bot menu, portal form), an input to classification.
            requested_category    text CONSTRAINT ticket_requested_category_check
                                      CHECK (requested_category IN ('question', 'technical', 'payment', 'dispute',
                                             'moderation_appeal', 'complaint', 'suggestion', 'spam')),
            priority              text NOT NULL DEFAULT 'normal' CONSTRAINT ticket_priority_check
                                      CHECK (priority IN ('low', 'normal', 'high', 'critical')),
            status                text NOT NULL DEFAULT 'new' CONSTRAINT ticket_status_check
                                      CHECK (status IN ('new', 'open', 'pending_requester', 'pending_third_party',
                                             'escalated', 'resolved', 'closed')),
            line                  text NOT NULL DEFAULT 'l1' CONSTRAINT ticket_line_check CHECK (line IN ('l1', 'l2', 'l3')),
            team_id               bigint REFERENCES team (id),
            assignee_id           bigint REFERENCES staff (id),
            -- Duplicate reports point at their incident (a parent ticket with is_incident).
            parent_incident_id    bigint REFERENCES ticket (id),
            is_incident           boolean NOT NULL DEFAULT false,
            -- Owners' internal matters: visible to owners only.
            is_confidential       boolean NOT NULL DEFAULT false,
            -- For complaints: the staff member complained about, who must never see the ticket.
            named_staff_id        bigint REFERENCES staff (id),
            -- For moderation appeals: the punishment appealed (its issuer is excluded from routing).
            punishment_id         bigint REFERENCES punishment (id),
            -- Why routing decided as it did: rules hit, scores, overrides. Shown to staff.
            classification        jsonb NOT NULL DEFAULT '{}',
            -- Bumped whenever the SLA clocks are recomputed, so stale `sla` jobs do nothing.
            sla_generation        bigint NOT NULL DEFAULT 0,
            -- Cache of the nearest running SLA deadline, for queue sorting and "likely to breach" filters.
            -- The truth is derived from ticket_event.
            sla_due_at            timestamptz,
            first_response_at     timestamptz,
            last_requester_message_at timestamptz,
            resolved_at           timestamptz,
            closed_at             timestamptz,
            reopen_count          integer NOT NULL DEFAULT 0 CONSTRAINT ticket_reopen_count_check CHECK (reopen_count >= 0),
            csat_score            smallint CONSTRAINT ticket_csat_score_check CHECK (csat_score BETWEEN 1 AND 5),
            csat_comment          text,
            csat_at               timestamptz,
            created_at            timestamptz NOT NULL DEFAULT now(),
            updated_at            timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ticket_number_key UNIQUE (number),
            CONSTRAINT ticket_not_own_parent CHECK (parent_incident_id <> id),
            CONSTRAINT ticket_incident_has_no_parent CHECK (NOT (is_incident AND parent_incident_id IS NOT NULL)),
            CONSTRAINT ticket_resolved_at CHECK (status <> 'resolved' OR resolved_at IS NOT NULL),
            CONSTRAINT ticket_closed_at CHECK (status <> 'closed' OR closed_at IS NOT NULL),
            CONSTRAINT ticket_csat_at CHECK ((csat_score IS NULL) = (csat_at IS NULL))
        );
        ALTER SEQUENCE ticket_number_seq OWNED BY ticket.number;
        CREATE TRIGGER ticket_touch BEFORE UPDATE ON ticket
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();
        -- A requester's tickets, newest first; "find my open ticket" during intake.
        CREATE INDEX ticket_requester_idx ON ticket (requester_id, created_at DESC);
        -- Queues: mine, my team's, unassigned; active tickets only.
        CREATE INDEX ticket_assignee_active_idx ON ticket (assignee_id, status)
            WHERE status NOT IN ('resolved', 'closed');
        CREATE INDEX ticket_team_active_idx ON ticket (team_id, status)
            WHERE status NOT IN ('resolved', 'closed');
        CREATE INDEX ticket_queue_idx ON ticket (line, priority, created_at)
            WHERE status NOT IN ('resolved', 'closed');
        CREATE INDEX ticket_sla_due_idx ON ticket (sla_due_at)
            WHERE sla_due_at IS NOT NULL AND status IN ('new', 'open', 'escalated');
        CREATE INDEX ticket_parent_incident_idx ON ticket (parent_incident_id) WHERE parent_incident_id IS NOT NULL;
        CREATE INDEX ticket_open_incident_idx ON ticket (created_at) WHERE is_incident AND status NOT IN ('resolved', 'closed');
        CREATE INDEX ticket_named_staff_idx ON ticket (named_staff_id) WHERE named_staff_id IS NOT NULL;
        CREATE INDEX ticket_punishment_idx ON ticket (punishment_id) WHERE punishment_id IS NOT NULL;
        -- Reports over periods.
        CREATE INDEX ticket_created_idx ON ticket (created_at);
        CREATE INDEX ticket_category_created_idx ON ticket (category, created_at);

        -- A ticket's append-only history; SLA state and reports are derived from it.
        CREATE TABLE ticket_event (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            ticket_id   bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
            -- Open-ended (TicketEventType in Swift), so only the format is checked.
            type        text NOT NULL CONSTRAINT ticket_event_type_format CHECK (type ~ '^[a-z][a-z0-9_.]*$'),
            actor_kind  text NOT NULL CONSTRAINT ticket_event_actor_kind_check
                            CHECK (actor_kind IN ('requester', 'staff', 'system', 'bot')),
            -- requester.id or staff.id according to actor_kind; NULL for system and bot.
            actor_id    bigint,
            data        jsonb NOT NULL DEFAULT '{}' CONSTRAINT ticket_event_data_object CHECK (jsonb_typeof(data) = 'object'),
            at          timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ticket_event_actor CHECK ((actor_kind IN ('requester', 'staff')) = (actor_id IS NOT NULL))
        );
        CREATE INDEX ticket_event_ticket_idx ON ticket_event (ticket_id, at, id);
        CREATE INDEX ticket_event_type_at_idx ON ticket_event (type, at);
        CREATE TRIGGER ticket_event_append_only BEFORE UPDATE ON ticket_event
            FOR EACH ROW EXECUTE FUNCTION support_forbid_change();

        -- A raw item as received by the API, stored before any parsing (and kept when parsing fails).
        CREATE TABLE inbound_item (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            channel       text NOT NULL CONSTRAINT inbound_item_channel_check
                              CHECK (channel IN ('telegram', 'email', 'web', 'chat', 'phone', 'social', 'api')),
            -- The channel's own id for deduplication: telegram update_id, email Message-ID, a client key.
            dedupe_key    text,
            raw           bytea NOT NULL,
            content_type  text NOT NULL DEFAULT 'application/octet-stream',
            -- Request metadata worth keeping (remote address, selected headers); never secrets.
            meta          jsonb NOT NULL DEFAULT '{}',
            received_at   timestamptz NOT NULL DEFAULT now(),
            status        text NOT NULL DEFAULT 'received' CONSTRAINT inbound_item_status_check
                              CHECK (status IN ('received', 'processed', 'failed', 'ignored')),
            error         text,
            processed_at  timestamptz,
            ticket_id     bigint REFERENCES ticket (id),
            CONSTRAINT inbound_item_dedupe_key UNIQUE (channel, dedupe_key),
            CONSTRAINT inbound_item_failed_has_error CHECK (status <> 'failed' OR error IS NOT NULL)
        );
        CREATE INDEX inbound_item_pending_idx ON inbound_item (received_at) WHERE status IN ('received', 'failed');
        CREATE INDEX inbound_item_ticket_idx ON inbound_item (ticket_id) WHERE ticket_id IS NOT NULL;

        CREATE TABLE message (
            id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            ticket_id            bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
            author_kind          text NOT NULL CONSTRAINT message_author_kind_check
                                     CHECK (author_kind IN ('requester', 'staff', 'system', 'bot')),
            author_requester_id  bigint REFERENCES requester (id),
            author_staff_id      bigint REFERENCES staff (id),
            channel              text NOT NULL CONSTRAINT message_channel_check
                                     CHECK (channel IN ('telegram', 'email', 'web', 'chat', 'phone', 'social', 'api')),
            body                 text NOT NULL DEFAULT '',
            body_html            text,
            -- Staff-only note, never sent to the requester.
            is_internal          boolean NOT NULL DEFAULT false,
            -- [{"name", "content_type", "size", "ref"}]: telegram file ids, stored mail parts.
            attachments          jsonb NOT NULL DEFAULT '[]' CONSTRAINT message_attachments_array
                                     CHECK (jsonb_typeof(attachments) = 'array'),
            -- Email Message-ID or telegram "chat_id:message_id", for threading replies.
            external_message_id  text,
            -- The inbound item this message was parsed from: at most one message per item.
            inbound_item_id      bigint REFERENCES inbound_item (id),
            created_at           timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT message_author CHECK (
                (author_kind = 'requester' AND author_requester_id IS NOT NULL AND author_staff_id IS NULL)
                OR (author_kind = 'staff' AND author_staff_id IS NOT NULL AND author_requester_id IS NULL)
                OR (author_kind IN ('system', 'bot') AND author_requester_id IS NULL AND author_staff_id IS NULL)),
            CONSTRAINT message_internal_not_requester CHECK (NOT (is_internal AND author_kind = 'requester'))
        );
        CREATE INDEX message_ticket_idx ON message (ticket_id, created_at, id);
        CREATE INDEX message_external_idx ON message (external_message_id) WHERE external_message_id IS NOT NULL;
        CREATE UNIQUE INDEX message_inbound_item_key ON message (inbound_item_id) WHERE inbound_item_id IS NOT NULL
        """#
}
