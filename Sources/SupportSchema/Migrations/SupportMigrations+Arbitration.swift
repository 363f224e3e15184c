extension SupportMigrations {
    /// What the arbitration worker keeps on a dispute beyond migration 0004, and the desk's dispute settings.
    static let arbitration = #"""
        ALTER TABLE dispute
            -- The claimant's statement when opening the dispute.
            ADD COLUMN reason text NOT NULL DEFAULT '',
            -- Staff who recused themselves; no draw picks them again.
            ADD COLUMN recused_ids bigint[] NOT NULL DEFAULT '{}',
            -- The standing settlement offer: {"proposed_by", "terms", "proposed_at"}.
            ADD COLUMN settlement jsonb CONSTRAINT dispute_settlement_object CHECK (jsonb_typeof(settlement) = 'object'),
            ADD COLUMN appealed_by_id bigint REFERENCES requester (id),
            ADD COLUMN flag_reason text,
            -- Payout attempts sent to the guarantor bot, and the last failure.
            ADD COLUMN execution_attempts integer NOT NULL DEFAULT 0 CONSTRAINT dispute_execution_attempts_check
                CHECK (execution_attempts >= 0),
            ADD COLUMN last_execution_error text,
            -- The L2 incident opened when a payout failed; later failures are noted on it.
            ADD COLUMN incident_ticket_id bigint REFERENCES ticket (id);

        -- One row: the desk's dispute rules, read by the API and the arbitration workers alike.
        CREATE TABLE dispute_settings (
            id                          boolean PRIMARY KEY DEFAULT true CONSTRAINT dispute_settings_single CHECK (id),
            -- Deal amounts strictly above the threshold of their currency ("*": any other) need an
            -- owner's second approval before the payout.
            payout_approval_thresholds  jsonb NOT NULL DEFAULT '{"*": 1000}'
                                            CONSTRAINT dispute_settings_thresholds_object
                                            CHECK (jsonb_typeof(payout_approval_thresholds) = 'object'),
            -- Business minutes per waiting state, e.g. {"awaiting_response": 1440}; missing states use the defaults.
            business_minutes            jsonb NOT NULL DEFAULT '{}' CONSTRAINT dispute_settings_minutes_object
                                            CHECK (jsonb_typeof(business_minutes) = 'object'),
            -- Handling either party's ticket or punishment within this many days excludes an arbiter.
            conflict_window_days        integer NOT NULL DEFAULT 90 CONSTRAINT dispute_settings_window_check
                                            CHECK (conflict_window_days >= 0),
            updated_at                  timestamptz NOT NULL DEFAULT now()
        );
        INSERT INTO dispute_settings DEFAULT VALUES;
        CREATE TRIGGER dispute_settings_touch BEFORE UPDATE ON dispute_settings
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at()
        """#
}
