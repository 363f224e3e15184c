extension SupportMigrations {
    /// Bearer tokens for staff and portal requesters, and the login attempts that slow brute force down.
    ///
    /// Portal accounts need no table of their own: `requester.password_hash` (0002) holds the bcrypt
    /// hash, and a requester signs in with an email of theirs (identity or contract email).
    static let auth = #"""
        -- An API token or console/portal session. Only the SHA-256 of the token is stored: a leaked
        -- table grants nothing. Exactly one subject: a staff member or a requester.
        CREATE TABLE auth_token (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            token_hash    bytea NOT NULL CONSTRAINT auth_token_hash_length CHECK (octet_length(token_hash) = 32),
            kind          text NOT NULL CONSTRAINT auth_token_kind_check CHECK (kind IN ('session', 'api')),
            staff_id      bigint REFERENCES staff (id) ON DELETE CASCADE,
            requester_id  bigint REFERENCES requester (id) ON DELETE CASCADE,
            -- Who or what the token is for, e.g. "console" or an integration's name.
            label         text NOT NULL DEFAULT '',
            created_at    timestamptz NOT NULL DEFAULT now(),
            expires_at    timestamptz NOT NULL,
            revoked_at    timestamptz,
            -- Refreshed at most once a minute, so reads do not turn into writes.
            last_used_at  timestamptz,
            CONSTRAINT auth_token_hash_key UNIQUE (token_hash),
            CONSTRAINT auth_token_one_subject CHECK ((staff_id IS NULL) <> (requester_id IS NULL)),
            CONSTRAINT auth_token_expiry_order CHECK (expires_at > created_at),
            CONSTRAINT auth_token_revoked_order CHECK (revoked_at >= created_at)
        );
        CREATE INDEX auth_token_staff_idx ON auth_token (staff_id) WHERE staff_id IS NOT NULL;
        CREATE INDEX auth_token_requester_idx ON auth_token (requester_id) WHERE requester_id IS NOT NULL;
        CREATE INDEX auth_token_expires_idx ON auth_token (expires_at);

        -- Every password login, kept for throttling (LoginThrottle counts recent failures per login,
        -- and, more leniently, per peer address) and for the security review. `login` is the lower-cased email as typed, known or not.
        CREATE TABLE login_attempt (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account       text NOT NULL CONSTRAINT login_attempt_account_check CHECK (account IN ('staff', 'requester')),
            login         text NOT NULL CONSTRAINT login_attempt_login_lower CHECK (login = lower(login)),
            -- The peer address, when known.
            remote        text,
            succeeded     boolean NOT NULL,
            at            timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX login_attempt_login_idx ON login_attempt (account, login, at DESC);
        CREATE INDEX login_attempt_remote_idx ON login_attempt (remote, at DESC) WHERE remote IS NOT NULL AND NOT succeeded;
        CREATE INDEX login_attempt_at_idx ON login_attempt (at);

        -- The audit chain's hash of one row: SHA-256 over the previous row's hash and a canonical
        -- JSON array of the row's content (time in microseconds since the epoch, so the session time
        -- zone does not matter). The writer stores it; a verifier recomputes it row by row.
        CREATE FUNCTION support_audit_hash(prev bytea, at timestamptz, actor_staff_id bigint, actor_role text,
                                           action text, target_type text, target_id bigint, before jsonb,
                                           after jsonb, reason text) RETURNS bytea
            LANGUAGE sql IMMUTABLE AS $$
            SELECT sha256(coalesce(prev, ''::bytea) || convert_to(jsonb_build_array(
                (extract(epoch FROM at) * 1000000)::bigint, actor_staff_id, actor_role, action,
                target_type, target_id, before, after, reason)::text, 'UTF8'))
            $$
        """#
}
