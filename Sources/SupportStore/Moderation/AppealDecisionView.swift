public import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// A recorded appeal decision as the API shows it.
public struct AppealDecisionView: Sendable, Hashable, Encodable {
    public var id: Int64
    public var punishmentID: Int64
    public var ticketID: Int64
    public var round: Int
    public var outcome: String
    public var newExpiresAt: Date?
    public var reasons: String
    public var decidedBy: Int64
    public var decidedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, round, outcome, reasons
        case punishmentID = "punishment_id", ticketID = "ticket_id", newExpiresAt = "new_expires_at"
        case decidedBy = "decided_by", decidedAt = "decided_at"
    }

    static func load(ticket: TicketID, on connection: PostgresConnection, logger: Logger) async throws -> AppealDecisionView? {
        let rows = try await connection.query(
            """
            SELECT id, punishment_id, ticket_id, round, outcome, new_expires_at, reasons, decided_by_staff_id, decided_at
            FROM punishment_appeal_decision WHERE ticket_id = \(ticket.rawValue)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (id, punishment, ticketID, round, outcome, expires, reasons, by, at) = try row.decode(
            (Int64, Int64, Int64, Int16, String, Date?, String, Int64, Date).self)
        return AppealDecisionView(
            id: id, punishmentID: punishment, ticketID: ticketID, round: Int(round), outcome: outcome, newExpiresAt: expires,
            reasons: reasons, decidedBy: by, decidedAt: at)
    }
}
