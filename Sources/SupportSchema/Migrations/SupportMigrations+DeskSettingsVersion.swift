extension SupportMigrations {
    /// A version of the desk's slow-changing settings (teams, calendars, holidays, shifts, SLA policies),
    /// so a worker can keep them between jobs and still see every change at once (SupportStore's
    /// `DeskSettingsCache`). Any committed change to those tables moves it.
    ///
    /// The bump is a deferred trigger: it takes the one row's lock at commit, after the transaction's
    /// other statements, so two transactions editing settings in different orders cannot deadlock on it.
    /// `instance` tells two databases apart, so the same numbers on another one are never taken for these.
    static let deskSettingsVersion = """
        CREATE TABLE desk_settings_version (
            singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT desk_settings_version_singleton CHECK (singleton),
            instance  uuid NOT NULL DEFAULT gen_random_uuid(),
            version   bigint NOT NULL DEFAULT 1
        );
        INSERT INTO desk_settings_version DEFAULT VALUES;
        CREATE FUNCTION support_desk_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE desk_settings_version SET version = version + 1;
            RETURN NULL;
        END $$;
        DO $$
        DECLARE t text;
        BEGIN
            FOREACH t IN ARRAY ARRAY['team', 'business_calendar', 'business_calendar_hours', 'calendar_holiday',
                                     'staff_shift', 'sla_policy'] LOOP
                EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION support_desk_settings_changed()',
                               t || '_desk_settings', t);
                EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
                                FOR EACH STATEMENT EXECUTE FUNCTION support_desk_settings_changed()',
                               t || '_desk_settings_truncate', t);
            END LOOP;
        END $$
        """
}
