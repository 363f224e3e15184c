extension SupportMigrations {
    /// What the routing worker stores: stemmed rule queries, report words for duplicate detection,
    /// and when each ticket was assigned, for round-robin.
    static let routing = #"""
        -- PostgreSQL's snowball stemmers match rules, so "не работает" also hits "не работал".
        -- The query is the pattern stemmed in its language; a pattern of stop words only is empty.
        ALTER TABLE classification_rule ADD COLUMN query tsquery GENERATED ALWAYS AS (
            CASE language WHEN 'ru' THEN phraseto_tsquery('russian', pattern)
                          ELSE phraseto_tsquery('english', pattern) END) STORED;
        ALTER TABLE classification_rule ADD CONSTRAINT classification_rule_pattern_searchable
            CHECK (numnode(query) > 0);

        -- The stemmed words of a ticket's subject and first messages ('russian' stems Latin words
        -- as English), written by routing; similar recent reports from other people form an incident.
        ALTER TABLE ticket ADD COLUMN report_lexemes tsvector;
        CREATE INDEX ticket_report_lexemes_idx ON ticket USING gin (report_lexemes) WHERE report_lexemes IS NOT NULL;

        -- An incident (the parent ticket over duplicate reports) belongs to no requester.
        ALTER TABLE ticket ALTER COLUMN requester_id DROP NOT NULL;
        ALTER TABLE ticket ADD CONSTRAINT ticket_requester_unless_incident CHECK (requester_id IS NOT NULL OR is_incident);

        -- When the current assignee got the ticket; round-robin reads each person's latest. Kept on the
        -- ticket, not the staff row, so concurrent assignments to one person do not queue on one row.
        ALTER TABLE ticket ADD COLUMN assigned_at timestamptz;
        CREATE INDEX ticket_assignee_assigned_idx ON ticket (assignee_id, assigned_at DESC) WHERE assignee_id IS NOT NULL
        """#
}
