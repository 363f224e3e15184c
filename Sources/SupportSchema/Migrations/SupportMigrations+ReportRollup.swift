extension SupportMigrations {
    /// The report rollup (Docs/REPORTS.md, "The rollup"): per ISO week (Monday, UTC) and group, the
    /// additive figures and duration histograms of the tickets created that week, and per day the
    /// tickets per topic. A leader-run periodic job fills it; `ticket` stays the truth: every change to a
    /// column the reports read logs its week in `report_rollup_dirty` in the same transaction, and a week
    /// with a log row is read from `ticket` until a refresh that saw the change removes the row.
    static let reportRollup = #"""
        -- The ISO week (its Monday, UTC) a ticket created at `at` belongs to.
        CREATE FUNCTION support_report_week(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT date_trunc('week', at AT TIME ZONE 'UTC')::date $$;

        -- Weeks rolled up, and when. A week not listed is read from `ticket`.
        CREATE TABLE report_rollup_week (
            week          date PRIMARY KEY CONSTRAINT report_rollup_week_monday CHECK (extract(isodow FROM week) = 1),
            refreshed_at  timestamptz NOT NULL DEFAULT now()
        );

        -- One row per week × dimension × group key ('all' for the total, 'none' for no team, category or
        -- assignee). Histograms: bigint[] of bucket × 2^32 + count, buckets of Swift's DurationBuckets.
        CREATE TABLE report_rollup_tally (
            week                   date NOT NULL REFERENCES report_rollup_week (week) ON DELETE CASCADE,
            dimension              text NOT NULL CONSTRAINT report_rollup_tally_dimension_check
                                       CHECK (dimension IN ('total', 'team', 'line', 'channel', 'category', 'agent')),
            key                    text NOT NULL,
            tickets                integer NOT NULL,
            answered               integer NOT NULL,
            first_response_sum     float8 NOT NULL,
            resolved               integer NOT NULL,
            resolution_sum         float8 NOT NULL,
            first_contact_resolved integer NOT NULL,
            csat_count             integer NOT NULL,
            csat_sum               integer NOT NULL,
            csat_satisfied         integer NOT NULL,
            repeat_contacts        integer NOT NULL,
            sla_met                integer NOT NULL,
            reopened               integer NOT NULL,
            ever_resolved          integer NOT NULL,
            first_response_hist    bigint[] NOT NULL DEFAULT '{}',
            resolution_hist        bigint[] NOT NULL DEFAULT '{}',
            PRIMARY KEY (week, dimension, key)
        );
        CREATE INDEX report_rollup_tally_dimension_idx ON report_rollup_tally (dimension, week);

        -- Tickets created per UTC day and topic (the category, 'unclassified' for none), for topic trends.
        CREATE TABLE report_rollup_topic (
            week     date NOT NULL REFERENCES report_rollup_week (week) ON DELETE CASCADE,
            day      date NOT NULL,
            topic    text NOT NULL,
            tickets  integer NOT NULL,
            PRIMARY KEY (week, day, topic)
        );

        -- Weeks whose tickets changed since the refresh that last rolled them up: an append-only log (no
        -- unique key, so concurrent ticket writers never wait on each other here). A refresh deletes the
        -- rows its snapshot saw; rows committed after it stay and keep the week dirty.
        CREATE TABLE report_rollup_dirty (
            id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            week  date NOT NULL
        );
        CREATE INDEX report_rollup_dirty_week_idx ON report_rollup_dirty (week);

        CREATE FUNCTION support_report_rollup_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                INSERT INTO report_rollup_dirty (week) VALUES (support_report_week(OLD.created_at));
            END IF;
            IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND support_report_week(NEW.created_at) <> support_report_week(OLD.created_at)) THEN
                INSERT INTO report_rollup_dirty (week) VALUES (support_report_week(NEW.created_at));
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER ticket_report_rollup_insert_delete AFTER INSERT OR DELETE ON ticket
            FOR EACH ROW EXECUTE FUNCTION support_report_rollup_dirty();
        -- Only the columns the rolled-up figures read: an assignment or a reply counter changes them, a
        -- new SLA deadline or a subject edit does not.
        CREATE TRIGGER ticket_report_rollup_update AFTER UPDATE ON ticket
            FOR EACH ROW WHEN (
                (OLD.created_at, OLD.team_id, OLD.line, OLD.channel, OLD.category, OLD.assignee_id, OLD.first_response_at,
                 OLD.resolved_at, OLD.reopen_count, OLD.staff_reply_count, OLD.sla_breached_at, OLD.repeat_contact, OLD.csat_score)
                IS DISTINCT FROM
                (NEW.created_at, NEW.team_id, NEW.line, NEW.channel, NEW.category, NEW.assignee_id, NEW.first_response_at,
                 NEW.resolved_at, NEW.reopen_count, NEW.staff_reply_count, NEW.sla_breached_at, NEW.repeat_contact, NEW.csat_score))
            EXECUTE FUNCTION support_report_rollup_dirty()
        """#
}
