extension SupportMigrations {
    /// A change to a ticket of the running week logs no dirty row unless that week ends within a day. The
    /// running week is never rolled up (reports read it from `ticket`), and a refresh rolls up only ended
    /// weeks, so such a row said nothing; it cost every new ticket and every routing an insert, and the
    /// refresh a delete. The day covers a transaction that starts before the week ends and commits after
    /// the first refresh of it: the rows of that last day are still logged.
    static let rollupRunningWeek = #"""
        CREATE OR REPLACE FUNCTION support_report_rollup_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            running date := support_report_week(now() + interval '1 day');
        BEGIN
            IF TG_OP <> 'INSERT' AND support_report_week(OLD.created_at) < running THEN
                INSERT INTO report_rollup_dirty (week) VALUES (support_report_week(OLD.created_at));
            END IF;
            IF (TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND support_report_week(NEW.created_at) <> support_report_week(OLD.created_at)))
               AND support_report_week(NEW.created_at) < running THEN
                INSERT INTO report_rollup_dirty (week) VALUES (support_report_week(NEW.created_at));
            END IF;
            RETURN NULL;
        END $$
        """#
}
