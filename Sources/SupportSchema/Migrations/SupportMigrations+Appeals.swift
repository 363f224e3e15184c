extension SupportMigrations {
    /// Decisions on moderation appeals: one per appeal ticket, at most two rounds per punishment.
    static let appeals = #"""
        CREATE TABLE punishment_appeal_decision (
            id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            punishment_id        bigint NOT NULL REFERENCES punishment (id),
            ticket_id            bigint NOT NULL REFERENCES ticket (id),
            -- 1: a moderator other than the issuer (or an owner); 2: the final appeal, owners only.
            round                smallint NOT NULL CONSTRAINT punishment_appeal_decision_round_check CHECK (round IN (1, 2)),
            decided_by_staff_id  bigint NOT NULL REFERENCES staff (id),
            outcome              text NOT NULL CONSTRAINT punishment_appeal_decision_outcome_check
                                     CHECK (outcome IN ('uphold', 'reduce', 'lift')),
            -- The punishment's new end for `reduce`.
            new_expires_at       timestamptz,
            reasons              text NOT NULL CONSTRAINT punishment_appeal_decision_reasons_nonblank CHECK (btrim(reasons) <> ''),
            decided_at           timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT punishment_appeal_decision_ticket_key UNIQUE (ticket_id),
            CONSTRAINT punishment_appeal_decision_round_key UNIQUE (punishment_id, round),
            CONSTRAINT punishment_appeal_decision_reduce_expiry CHECK ((outcome = 'reduce') = (new_expires_at IS NOT NULL))
        );
        CREATE INDEX punishment_appeal_decision_punishment_idx ON punishment_appeal_decision (punishment_id, decided_at)
        """#
}
