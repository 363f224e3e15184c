extension SupportMigrations {
    /// One-time links that let a portal requester set (or reset) their password from their mailbox.
    static let passwordLinks = #"""
        -- Only the SHA-256 of the link's token is stored. A link works once, for one hour.
        CREATE TABLE password_link (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            token_hash    bytea NOT NULL CONSTRAINT password_link_hash_length CHECK (octet_length(token_hash) = 32),
            requester_id  bigint NOT NULL REFERENCES requester (id) ON DELETE CASCADE,
            -- The address it was mailed to.
            email         text NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now(),
            expires_at    timestamptz NOT NULL,
            used_at       timestamptz,
            CONSTRAINT password_link_hash_key UNIQUE (token_hash),
            CONSTRAINT password_link_expiry_order CHECK (expires_at > created_at)
        );
        CREATE INDEX password_link_requester_idx ON password_link (requester_id, created_at DESC)
        """#
}
