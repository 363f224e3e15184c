extension SupportMigrations {
    /// Outgoing notifications, editable classification rules and SLA policies.
    static let notificationsAndRules = #"""
        CREATE TABLE notification (
            id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            -- Exactly one recipient: a requester, a staff member, or a bare address (e.g. a webhook URL).
            recipient_requester_id  bigint REFERENCES requester (id),
            recipient_staff_id      bigint REFERENCES staff (id),
            -- Where to send: telegram chat id, email address, webhook URL; NULL for in_app.
            address                 text,
            channel                 text NOT NULL CONSTRAINT notification_channel_check
                                        CHECK (channel IN ('telegram', 'email', 'webhook', 'in_app')),
            -- Template name, e.g. "ack", "reply", "sla_warning", "incident_broadcast".
            template                text NOT NULL,
            ticket_id               bigint REFERENCES ticket (id) ON DELETE SET NULL,
            -- Rendered content and template variables.
            payload                 jsonb NOT NULL DEFAULT '{}',
            -- Sent once per key, even if its job runs twice.
            idempotency_key         text NOT NULL,
            status                  text NOT NULL DEFAULT 'pending' CONSTRAINT notification_status_check
                                        CHECK (status IN ('pending', 'sent', 'failed', 'undeliverable', 'digested')),
            attempts                integer NOT NULL DEFAULT 0 CONSTRAINT notification_attempts_check CHECK (attempts >= 0),
            last_error              text,
            -- The provider's id for the sent message (telegram message_id, SMTP queue id).
            provider_message_id     text,
            sent_at                 timestamptz,
            -- In-app notifications: when the staff member read it.
            read_at                 timestamptz,
            created_at              timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT notification_idempotency_key UNIQUE (idempotency_key),
            CONSTRAINT notification_one_recipient CHECK (
                num_nonnulls(recipient_requester_id, recipient_staff_id) <= 1
                AND (recipient_requester_id IS NOT NULL OR recipient_staff_id IS NOT NULL OR address IS NOT NULL)),
            CONSTRAINT notification_sent_at CHECK (status <> 'sent' OR sent_at IS NOT NULL)
        );
        CREATE INDEX notification_ticket_idx ON notification (ticket_id) WHERE ticket_id IS NOT NULL;
        CREATE INDEX notification_staff_inbox_idx ON notification (recipient_staff_id, created_at DESC)
            WHERE recipient_staff_id IS NOT NULL;
        CREATE INDEX notification_requester_idx ON notification (recipient_requester_id, created_at DESC)
            WHERE recipient_requester_id IS NOT NULL;
        CREATE INDEX notification_unsent_idx ON notification (created_at) WHERE status IN ('pending', 'failed');

        -- Keyword/phrase rules for classification, edited by owners. `pattern` is matched with the
        -- language's text-search configuration, so inflections do not matter.
        CREATE TABLE classification_rule (
            id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            pattern             text NOT NULL CONSTRAINT classification_rule_pattern_nonblank CHECK (btrim(pattern) <> ''),
            language            text NOT NULL CONSTRAINT classification_rule_language_check CHECK (language IN ('ru', 'en')),
            category            text NOT NULL CONSTRAINT classification_rule_category_check
                                    CHECK (category IN ('question', 'technical', 'payment', 'dispute',
                                           'moderation_appeal', 'complaint', 'suggestion', 'spam')),
            -- Steps of priority to add when the rule hits (e.g. 2 for "everything is down").
            priority_boost      smallint NOT NULL DEFAULT 0 CONSTRAINT classification_rule_priority_boost_check
                                    CHECK (priority_boost BETWEEN -3 AND 3),
            weight              real NOT NULL DEFAULT 1 CONSTRAINT classification_rule_weight_check CHECK (weight > 0),
            -- Only for tickets from this channel, when set.
            channel             text CONSTRAINT classification_rule_channel_check
                                    CHECK (channel IN ('telegram', 'email', 'web', 'chat', 'phone', 'social', 'api')),
            active              boolean NOT NULL DEFAULT true,
            created_by_staff_id bigint REFERENCES staff (id),
            created_at          timestamptz NOT NULL DEFAULT now(),
            updated_at          timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT classification_rule_key UNIQUE (language, pattern, category)
        );
        CREATE INDEX classification_rule_active_idx ON classification_rule (language) WHERE active;
        CREATE TRIGGER classification_rule_touch BEFORE UPDATE ON classification_rule
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();

        -- SLA targets per channel and priority, in minutes; business_hours says whether they run on the
        -- team's business calendar or on the wall clock. The 8-hour no-answer cap applies on top.
        CREATE TABLE sla_policy (
            id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            channel                   text NOT NULL CONSTRAINT sla_policy_channel_check
                                          CHECK (channel IN ('telegram', 'email', 'web', 'chat', 'phone', 'social', 'api')),
            priority                  text NOT NULL CONSTRAINT sla_policy_priority_check
                                          CHECK (priority IN ('low', 'normal', 'high', 'critical')),
            first_response_minutes    integer NOT NULL CONSTRAINT sla_policy_first_response_check CHECK (first_response_minutes >= 0),
            next_response_minutes     integer NOT NULL CONSTRAINT sla_policy_next_response_check CHECK (next_response_minutes >= 0),
            resolution_minutes        integer NOT NULL CONSTRAINT sla_policy_resolution_check CHECK (resolution_minutes > 0),
            business_hours            boolean NOT NULL DEFAULT true,
            updated_at                timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT sla_policy_channel_priority_key UNIQUE (channel, priority)
        );
        CREATE TRIGGER sla_policy_touch BEFORE UPDATE ON sla_policy
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at()
        """#
}
