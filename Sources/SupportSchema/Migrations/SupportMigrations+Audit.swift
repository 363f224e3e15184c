extension SupportMigrations {
    /// The append-only, hash-chained audit log.
    static let audit = #"""
        -- Every staff action and dispute transition. Each row's hash covers its content and the previous
        -- row's hash (computed by the writer), so `support audit verify` detects a changed or removed row.
        -- The unique prev_hash keeps the chain linear: two writers racing on the same tail cannot both commit.
        CREATE TABLE audit_log (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at              timestamptz NOT NULL DEFAULT now(),
            -- NULL for the platform itself (workers, default rules).
            actor_staff_id  bigint REFERENCES staff (id),
            actor_role      text NOT NULL CONSTRAINT audit_log_actor_role_check
                                CHECK (actor_role IN ('agent', 'moderator', 'arbiter', 'coder', 'owner', 'requester', 'system')),
            -- e.g. "ticket.reassign", "dispute.decide", "access.denied".
            action          text NOT NULL CONSTRAINT audit_log_action_format CHECK (action ~ '^[a-z][a-z0-9_.]*$'),
            target_type     text NOT NULL,
            target_id       bigint,
            before          jsonb,
            after           jsonb,
            reason          text,
            prev_hash       bytea CONSTRAINT audit_log_prev_hash_length CHECK (octet_length(prev_hash) = 32),
            hash            bytea NOT NULL CONSTRAINT audit_log_hash_length CHECK (octet_length(hash) = 32),
            CONSTRAINT audit_log_prev_hash_key UNIQUE NULLS NOT DISTINCT (prev_hash),
            CONSTRAINT audit_log_hash_key UNIQUE (hash)
        );
        CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, id);
        CREATE INDEX audit_log_actor_idx ON audit_log (actor_staff_id, id) WHERE actor_staff_id IS NOT NULL;
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION support_forbid_change();
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION support_forbid_change()
        """#
}
