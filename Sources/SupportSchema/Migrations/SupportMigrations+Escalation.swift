extension SupportMigrations {
    /// Escalation: a line chosen by the ladder or by hand, which routing then keeps; staff quiet hours
    /// (notifications in them wait for a digest).
    static let escalation = #"""
        -- Set when a ticket is escalated or de-escalated; routing honours it over the category's line.
        ALTER TABLE ticket ADD COLUMN line_override text
            CONSTRAINT ticket_line_override_check CHECK (line_override IN ('l1', 'l2', 'l3'));
        -- Daily quiet hours in the staff member's time zone (may wrap past midnight); both or neither.
        ALTER TABLE staff ADD COLUMN quiet_from time, ADD COLUMN quiet_until time,
            ADD CONSTRAINT staff_quiet_hours_pair CHECK ((quiet_from IS NULL) = (quiet_until IS NULL)),
            ADD CONSTRAINT staff_quiet_hours_nonempty CHECK (quiet_from <> quiet_until);
        -- SLA alarms already handled for a clock run: the escalation worker looks them up by ticket and type.
        -- Recent sends per channel, for the delivery rate limits.
        CREATE INDEX notification_sent_idx ON notification (channel, sent_at) WHERE status = 'sent';
        CREATE INDEX ticket_event_sla_idx ON ticket_event (ticket_id, type) WHERE type IN ('sla_warning', 'sla_breached')
        """#
}
