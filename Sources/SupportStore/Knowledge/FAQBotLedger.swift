import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// The FAQ bot's state on a ticket and its counts, read from `ticket_event` alone.
///
/// A ticket waits on the bot from its `bot_answered` event until `handed_over` (button, `/operator`,
/// a further message) or `deflected` ("this helped") follows it.
public struct FAQBotLedger: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Whether the bot answered the ticket and nobody has taken it over since.
    public func awaitsRequester(_ ticket: TicketID) async throws -> Bool {
        let rows = try await connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM ticket_event WHERE ticket_id = \(ticket.rawValue) AND type = 'bot_answered')
               AND NOT EXISTS (SELECT 1 FROM ticket_event WHERE ticket_id = \(ticket.rawValue) AND type IN ('handed_over', 'deflected'))
            """, logger: logger
        ).collect()
        return try rows.first?.decode(Bool.self) ?? false
    }

    /// Resolves a ticket the bot answered; false when it no longer waits (someone took it over).
    public func resolveDeflected(_ ticket: TicketID) async throws -> Bool {
        let rows = try await connection.query(
            """
            UPDATE ticket SET status = 'resolved', resolved_at = now()
            WHERE id = \(ticket.rawValue) AND status = 'pending_requester'
            RETURNING id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    /// Bot answers, deflections and hand-overs of tickets created in `[from, to)` (see `Docs/KNOWLEDGE.md`).
    public func report(from: Date, to: Date) async throws -> FAQBotReport {
        let rows = try await connection.query(
            """
            SELECT count(*) FILTER (WHERE answered)::int8, count(*) FILTER (WHERE deflected)::int8,
                   count(*) FILTER (WHERE handed_over)::int8, count(*)::int8
            FROM kb_bot_outcome WHERE created_at >= \(from) AND created_at < \(to)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return FAQBotReport(tickets: 0, answered: 0, deflected: 0, handedOver: 0) }
        let (answered, deflected, handedOver, tickets) = try row.decode((Int64, Int64, Int64, Int64).self)
        return FAQBotReport(tickets: Int(tickets), answered: Int(answered), deflected: Int(deflected), handedOver: Int(handedOver))
    }
}

/// The FAQ bot's counts over a period.
public struct FAQBotReport: Sendable, Hashable, Codable {
    /// Tickets created in the period.
    public var tickets: Int
    /// Tickets the bot answered.
    public var answered: Int
    /// Answered tickets the requester marked as helped: resolved without a person.
    public var deflected: Int
    /// Answered tickets handed to a person afterwards.
    public var handedOver: Int

    public init(tickets: Int, answered: Int, deflected: Int, handedOver: Int) {
        self.tickets = tickets
        self.answered = answered
        self.deflected = deflected
        self.handedOver = handedOver
    }

    /// Deflected tickets over all tickets created, 0…1.
    public var deflectionRate: Double { tickets == 0 ? 0 : Double(deflected) / Double(tickets) }

    enum CodingKeys: String, CodingKey {
        case tickets, answered, deflected
        case handedOver = "handed_over"
    }
}
