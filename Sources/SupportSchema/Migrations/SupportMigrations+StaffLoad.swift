extension SupportMigrations {
    /// Each staff member's active tickets (not resolved or closed), kept by triggers on `ticket`. Routing
    /// and the SLA ladder read every candidate's load on every job; counting their tickets grew with the
    /// backlog, exactly when a desk is busiest.
    ///
    /// The triggers are deferred to commit: a load row is locked only while its transaction commits, not
    /// from an assignment to the end of a routing job (which takes duplicate detection's locks after it,
    /// so the two could wait on each other). Every staff member has a row from the start, so a change is
    /// a plain `UPDATE` (no index on the count: a HOT update). No CHECK on the count: a drifted counter
    /// must not fail the desk's transactions; Docs/OPERATIONS.md has the recount.
    static let staffLoad = #"""
        CREATE TABLE staff_load (
            staff_id        bigint PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
            active_tickets  integer NOT NULL DEFAULT 0
        );
        INSERT INTO staff_load (staff_id, active_tickets)
        SELECT s.id, count(t.id) FROM staff s
        LEFT JOIN ticket t ON t.assignee_id = s.id AND t.status NOT IN ('resolved', 'closed')
        GROUP BY s.id;

        CREATE FUNCTION support_staff_load() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            was bigint;
            now_on bigint;
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD.status NOT IN ('resolved', 'closed') THEN was := OLD.assignee_id; END IF;
            IF TG_OP <> 'DELETE' AND NEW.status NOT IN ('resolved', 'closed') THEN now_on := NEW.assignee_id; END IF;
            IF was IS NOT DISTINCT FROM now_on THEN RETURN NULL; END IF;
            UPDATE staff_load l SET active_tickets = l.active_tickets + d.delta
            FROM (VALUES (was, -1), (now_on, 1)) AS d (id, delta) WHERE l.staff_id = d.id;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER ticket_staff_load_insert AFTER INSERT ON ticket DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (NEW.assignee_id IS NOT NULL AND NEW.status NOT IN ('resolved', 'closed'))
            EXECUTE FUNCTION support_staff_load();
        CREATE CONSTRAINT TRIGGER ticket_staff_load_update AFTER UPDATE OF assignee_id, status ON ticket
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.status IS DISTINCT FROM NEW.status)
            EXECUTE FUNCTION support_staff_load();
        CREATE CONSTRAINT TRIGGER ticket_staff_load_delete AFTER DELETE ON ticket DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (OLD.assignee_id IS NOT NULL AND OLD.status NOT IN ('resolved', 'closed'))
            EXECUTE FUNCTION support_staff_load();

        CREATE FUNCTION support_staff_load_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO staff_load (staff_id) VALUES (NEW.id);
            RETURN NULL;
        END $$;
        CREATE TRIGGER staff_load_row AFTER INSERT ON staff FOR EACH ROW EXECUTE FUNCTION support_staff_load_row();

        CREATE FUNCTION support_staff_load_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE staff_load SET active_tickets = 0 WHERE active_tickets <> 0;
            RETURN NULL;
        END $$;
        CREATE TRIGGER ticket_staff_load_truncate AFTER TRUNCATE ON ticket
            FOR EACH STATEMENT EXECUTE FUNCTION support_staff_load_truncated()
        """#
}
