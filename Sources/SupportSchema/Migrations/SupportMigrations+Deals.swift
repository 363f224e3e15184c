extension SupportMigrations {
    /// Guarantor-bot deals, their disputes and immutable evidence.
    static let deals = #"""
        CREATE TABLE deal (
            id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            -- The guarantor bot's own reference for the deal.
            external_ref      text NOT NULL CONSTRAINT deal_external_ref_nonblank CHECK (btrim(external_ref) <> ''),
            buyer_id          bigint NOT NULL REFERENCES requester (id),
            seller_id         bigint NOT NULL REFERENCES requester (id),
            amount            numeric(20, 8) NOT NULL CONSTRAINT deal_amount_positive CHECK (amount > 0),
            currency          text NOT NULL CONSTRAINT deal_currency_format CHECK (currency ~ '^[A-Z0-9]{2,10}$'),
            terms             text NOT NULL DEFAULT '',
            -- The community chat the deal was made in, if any.
            chat_id           text,
            deposit_required  boolean NOT NULL DEFAULT false,
            deposit_amount    numeric(20, 8) CONSTRAINT deal_deposit_amount_positive CHECK (deposit_amount > 0),
            deposit_status    text NOT NULL DEFAULT 'not_required' CONSTRAINT deal_deposit_status_check
                                  CHECK (deposit_status IN ('not_required', 'pending', 'held', 'released', 'refunded')),
            status            text NOT NULL DEFAULT 'registered' CONSTRAINT deal_status_check
                                  CHECK (status IN ('registered', 'active', 'disputed', 'completed', 'cancelled')),
            started_at        timestamptz,
            finished_at       timestamptz,
            created_at        timestamptz NOT NULL DEFAULT now(),
            updated_at        timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT deal_external_ref_key UNIQUE (external_ref),
            CONSTRAINT deal_parties_differ CHECK (buyer_id <> seller_id),
            CONSTRAINT deal_deposit_consistent CHECK (deposit_required = (deposit_status <> 'not_required')),
            -- A deal that requires a deposit cannot start without one (the API refuses first; this is the backstop).
            CONSTRAINT deal_deposit_before_start CHECK (
                NOT deposit_required OR status IN ('registered', 'cancelled')
                OR deposit_status IN ('held', 'released', 'refunded'))
        );
        CREATE INDEX deal_buyer_idx ON deal (buyer_id);
        CREATE INDEX deal_seller_idx ON deal (seller_id);
        CREATE TRIGGER deal_touch BEFORE UPDATE ON deal
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();

        CREATE TABLE dispute (
            id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            deal_id                 bigint NOT NULL REFERENCES deal (id),
            -- The support ticket the dispute is discussed on.
            ticket_id               bigint REFERENCES ticket (id),
            state                   text NOT NULL DEFAULT 'opened' CONSTRAINT dispute_state_check
                                        CHECK (state IN ('opened', 'awaiting_response', 'negotiation', 'evidence',
                                               'info_requested', 'under_review', 'decided', 'appeal_window',
                                               'appealed', 'executing', 'closed', 'settled', 'withdrawn', 'expired')),
            opened_by_id            bigint NOT NULL REFERENCES requester (id),
            respondent_id           bigint NOT NULL REFERENCES requester (id),
            arbiter_id              bigint REFERENCES staff (id),
            -- The second review after an appeal: a different arbiter or an owner.
            appeal_arbiter_id       bigint REFERENCES staff (id),
            -- Deadline of the current waiting state; NULL when the state has none or the clock is paused.
            deadline_at             timestamptz,
            -- Remaining time of a paused deadline (info_requested), restored on resume.
            deadline_remaining      interval,
            -- Bumped on every transition, so stale `dispute` jobs do nothing.
            generation              bigint NOT NULL DEFAULT 0,
            -- Set when a default rule moved the dispute (e.g. no response from the respondent).
            flagged                 boolean NOT NULL DEFAULT false,
            -- {"outcome": release_seller|refund_buyer|split|no_ruling, "seller_percent", "reasons", ...}
            decision                jsonb,
            decided_at              timestamptz,
            appeal_decision         jsonb,
            appeal_decided_at       timestamptz,
            -- Second approval by an owner for amounts above the threshold.
            payout_approved_by_id   bigint REFERENCES staff (id),
            payout_approved_at      timestamptz,
            -- Sent with the payout command to the guarantor bot.
            execution_key           text,
            executed_at             timestamptz,
            opened_at               timestamptz NOT NULL DEFAULT now(),
            closed_at               timestamptz,
            created_at              timestamptz NOT NULL DEFAULT now(),
            updated_at              timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT dispute_parties_differ CHECK (opened_by_id <> respondent_id),
            CONSTRAINT dispute_appeal_by_other CHECK (appeal_arbiter_id <> arbiter_id),
            CONSTRAINT dispute_execution_key UNIQUE (execution_key),
            CONSTRAINT dispute_decision_object CHECK (jsonb_typeof(decision) = 'object'),
            CONSTRAINT dispute_appeal_decision_object CHECK (jsonb_typeof(appeal_decision) = 'object')
        );
        -- At most one live dispute per deal.
        CREATE UNIQUE INDEX dispute_live_per_deal ON dispute (deal_id)
            WHERE state NOT IN ('closed', 'settled', 'withdrawn', 'expired');
        CREATE INDEX dispute_deal_idx ON dispute (deal_id);
        CREATE INDEX dispute_arbiter_idx ON dispute (arbiter_id, state) WHERE arbiter_id IS NOT NULL;
        CREATE INDEX dispute_appeal_arbiter_idx ON dispute (appeal_arbiter_id) WHERE appeal_arbiter_id IS NOT NULL;
        CREATE INDEX dispute_deadline_idx ON dispute (deadline_at) WHERE deadline_at IS NOT NULL;
        CREATE INDEX dispute_opened_by_idx ON dispute (opened_by_id);
        CREATE INDEX dispute_respondent_idx ON dispute (respondent_id);
        CREATE INDEX dispute_ticket_idx ON dispute (ticket_id) WHERE ticket_id IS NOT NULL;
        CREATE TRIGGER dispute_touch BEFORE UPDATE ON dispute
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();

        -- Evidence is timestamped, content-hashed and immutable. Only `disclosed` (shown to both parties)
        -- may change after submission.
        CREATE TABLE dispute_evidence (
            id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            dispute_id              bigint NOT NULL REFERENCES dispute (id),
            party                   text NOT NULL CONSTRAINT dispute_evidence_party_check
                                        CHECK (party IN ('buyer', 'seller', 'staff')),
            submitted_by_requester_id bigint REFERENCES requester (id),
            submitted_by_staff_id   bigint REFERENCES staff (id),
            body                    text NOT NULL DEFAULT '',
            -- [{"name", "content_type", "size", "ref", "sha256"}]
            file_refs               jsonb NOT NULL DEFAULT '[]' CONSTRAINT dispute_evidence_file_refs_array
                                        CHECK (jsonb_typeof(file_refs) = 'array'),
            -- SHA-256 over the body and file hashes, recorded in the audit log too.
            content_sha256          bytea NOT NULL CONSTRAINT dispute_evidence_sha256_length
                                        CHECK (octet_length(content_sha256) = 32),
            disclosed               boolean NOT NULL DEFAULT false,
            submitted_at            timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT dispute_evidence_submitter CHECK (
                (party = 'staff' AND submitted_by_staff_id IS NOT NULL AND submitted_by_requester_id IS NULL)
                OR (party <> 'staff' AND submitted_by_requester_id IS NOT NULL AND submitted_by_staff_id IS NULL))
        );
        CREATE INDEX dispute_evidence_dispute_idx ON dispute_evidence (dispute_id, submitted_at);
        CREATE TRIGGER dispute_evidence_immutable
            BEFORE UPDATE OF id, dispute_id, party, submitted_by_requester_id, submitted_by_staff_id, body,
                file_refs, content_sha256, submitted_at
            ON dispute_evidence FOR EACH ROW EXECUTE FUNCTION support_forbid_change();
        CREATE TRIGGER dispute_evidence_no_delete BEFORE DELETE ON dispute_evidence
            FOR EACH ROW EXECUTE FUNCTION support_forbid_change()
        """#
}
