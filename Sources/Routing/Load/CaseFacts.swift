import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Who is involved in a ticket beyond its row: for conflicts of interest and stickiness.
enum CaseFacts {
    /// The punishment a moderation appeal is about: the one the ticket names, else the requester's
    /// latest that is not lifted; with its issuer, and whether an earlier appeal on it was decided
    /// (then this one is the second, for the owners).
    static func punishment(for ticket: RoutingTicket, on connection: PostgresConnection, logger: Logger)
        async throws -> (id: PunishmentID, issuer: StaffID?, appealedBefore: Bool)?
    {
        let rows: PostgresRowSequence
        if let id = ticket.punishmentID {
            rows = try await connection.query(
                "SELECT id, issued_by_staff_id FROM punishment WHERE id = \(id.rawValue)", logger: logger)
        } else if let requester = ticket.requesterID {
            rows = try await connection.query(
                """
                SELECT id, issued_by_staff_id FROM punishment
                WHERE requester_id = \(requester.rawValue) AND NOT lifted ORDER BY issued_at DESC, id DESC LIMIT 1
                """, logger: logger)
        } else {
            return nil
        }
        guard let row = try await rows.collect().first else { return nil }
        let (id, issuer) = try row.decode((Int64, Int64?).self)
        let before = try await connection.query(
            """
            SELECT 1 FROM punishment_appeal_decision WHERE punishment_id = \(id) AND ticket_id <> \(ticket.id.rawValue) LIMIT 1
            """, logger: logger
        ).collect()
        return (PunishmentID(id), issuer.map { StaffID($0) }, !before.isEmpty)
    }

    /// The requester's people: who had their previous ticket (among their 50 latest, for stickiness) and
    /// which staff accounts are the requester themselves (the same telegram user, or the same email address
    /// on an email or portal identity or on the contract: conflicts of interest). Routing needs them on every
    /// run, so they come with the report (``ReportText``) as two columns of its statement: ``peopleColumns``,
    /// over the CTE ``recentTickets``, with the requester and the ticket in the parameters named.
    ///
    /// The recent tickets are fenced onto the requester index: with stale statistics the planner walked the
    /// assignee index through every assigned ticket instead (7 ms at 3,000 tickets, and growing with the desk).
    static func recentTickets(requester: String) -> String {
        """
        recent AS MATERIALIZED (
            SELECT id, assignee_id, created_at FROM ticket WHERE requester_id = \(requester)
            ORDER BY created_at DESC LIMIT 50
        )
        """
    }

    static func peopleColumns(requester: String, ticket: String) -> String {
        """
        (SELECT assignee_id FROM recent
         WHERE id <> \(ticket) AND assignee_id IS NOT NULL
         ORDER BY created_at DESC, id DESC LIMIT 1),
        ARRAY(SELECT s.id FROM staff s
              WHERE EXISTS (SELECT 1 FROM requester_identity i
                            WHERE i.requester_id = \(requester)
                              AND ((i.channel = 'telegram' AND i.external_id = s.telegram_user_id::text)
                                   OR (i.channel IN ('email', 'web') AND i.external_id = s.email)))
                 OR EXISTS (SELECT 1 FROM requester r WHERE r.id = \(requester) AND r.contract_email = s.email))
        """
    }
}
