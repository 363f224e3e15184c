extension SupportMigrations {
    /// Trigger functions shared by later migrations.
    static let functions = #"""
        -- Keeps updated_at true without every UPDATE having to remember it.
        CREATE FUNCTION support_touch_updated_at() RETURNS trigger
        LANGUAGE plpgsql AS $fn$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END
        $fn$;

        -- Append-only tables (audit_log, ticket_event, dispute_evidence) refuse changes.
        -- This stops mistakes, not a superuser: the audit hash chain is what detects tampering.
        CREATE FUNCTION support_forbid_change() RETURNS trigger
        LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $fn$
        """#
}
