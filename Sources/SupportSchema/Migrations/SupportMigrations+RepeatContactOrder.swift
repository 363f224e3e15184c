extension SupportMigrations {
    /// Tickets that intake opens in one shared transaction get the same `created_at` (the transaction's
    /// clock), so "opened before" is decided by the id when the times are equal: the second of two such
    /// tickets from one requester is still a repeat contact.
    static let repeatContactOrder = #"""
        CREATE OR REPLACE FUNCTION support_ticket_repeat_contact() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.repeat_contact := NEW.category IS NOT NULL AND EXISTS (
                SELECT 1 FROM ticket p
                WHERE p.requester_id = NEW.requester_id AND p.category = NEW.category AND p.id <> NEW.id
                  AND p.created_at >= NEW.created_at - interval '7 days' AND p.created_at <= NEW.created_at
                  AND (p.created_at < NEW.created_at OR p.id < NEW.id));
            RETURN NEW;
        END $$
        """#
}
