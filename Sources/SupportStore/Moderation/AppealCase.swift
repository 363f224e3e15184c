public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// A moderation appeal ticket with the punishment it is about (the one the ticket names, else the
/// requester's latest that is not lifted), locked for the decision, and what was decided before.
public struct AppealCase: Sendable {
    public var ticketID: TicketID
    public var punishmentID: PunishmentID
    public var punishment: AppealDecisionRule.Punishment
    /// Decisions on the same punishment from other appeal tickets.
    public var previousDecisions: Int
    /// This ticket's own decision, if it was already made.
    public var decision: AppealDecisionView?

    /// - Returns: nil when the ticket is not a moderation appeal or no punishment can be found.
    public static func load(_ ticket: TicketID, on connection: PostgresConnection, logger: Logger) async throws -> AppealCase? {
        let rows = try await connection.query(
            """
            SELECT p.id, p.kind, p.issued_by_staff_id, p.expires_at, p.lifted FROM ticket t
            JOIN punishment p ON p.id = coalesce(t.punishment_id,
                (SELECT q.id FROM punishment q WHERE q.requester_id = t.requester_id AND NOT q.lifted
                 ORDER BY q.issued_at DESC, q.id DESC LIMIT 1))
            WHERE t.id = \(ticket.rawValue) AND t.category = 'moderation_appeal'
            FOR UPDATE OF p
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (id, kind, issuer, expires, lifted) = try row.decode((Int64, String, Int64?, Date?, Bool).self)
        guard let kind = PunishmentKind(rawValue: kind) else { throw TicketStoreError.unexpectedValue("punishment \(id) kind \(kind)") }
        let previous = try await connection.query(
            "SELECT count(*)::int FROM punishment_appeal_decision WHERE punishment_id = \(id) AND ticket_id <> \(ticket.rawValue)",
            logger: logger
        ).collect().first?.decode(Int.self) ?? 0
        return AppealCase(
            ticketID: ticket, punishmentID: PunishmentID(id),
            punishment: AppealDecisionRule.Punishment(kind: kind, issuer: issuer.map { StaffID($0) }, expiresAt: expires, lifted: lifted),
            previousDecisions: previous, decision: try await AppealDecisionView.load(ticket: ticket, on: connection, logger: logger))
    }

    /// Applies `change` to the punishment and records the decision, in the caller's transaction.
    public func record(
        _ outcome: AppealOutcome, change: AppealDecisionRule.Change, reasons: String, round: Int, by staff: StaffID,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> AppealDecisionView {
        switch change {
        case .none:
            break
        case .expires(let end):
            try await connection.query(
                "UPDATE punishment SET expires_at = \(end) WHERE id = \(punishmentID.rawValue)", logger: logger)
        case .lift:
            try await connection.query(
                """
                UPDATE punishment SET lifted = true, lifted_at = now(), lifted_by_staff_id = \(staff.rawValue), lift_reason = \(reasons)
                WHERE id = \(punishmentID.rawValue)
                """, logger: logger)
        }
        var newExpiry: Date?
        if case .expires(let end) = change { newExpiry = end }
        try await connection.query(
            """
            INSERT INTO punishment_appeal_decision (punishment_id, ticket_id, round, decided_by_staff_id, outcome, new_expires_at, reasons)
            VALUES (\(punishmentID.rawValue), \(ticketID.rawValue), \(Int16(round)), \(staff.rawValue), \(outcome.rawValue), \(newExpiry), \(reasons))
            """, logger: logger)
        try await connection.query(
            "UPDATE ticket SET punishment_id = \(punishmentID.rawValue) WHERE id = \(ticketID.rawValue) AND punishment_id IS NULL",
            logger: logger)
        guard let view = try await AppealDecisionView.load(ticket: ticketID, on: connection, logger: logger) else {
            throw TicketStoreError.unexpectedValue("appeal decision of ticket \(ticketID) vanished")
        }
        return view
    }
}
