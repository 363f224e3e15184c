public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// Records a requester's rating inside the caller's transaction, whatever the channel (Telegram
/// buttons and `/rate` through intake, the mailed link, the portal): the score on the ticket, the
/// history entry, the rating attached to each agent who handled it, then the low-rating policy —
/// reopen (clocks rescheduled) and/or tell the team lead.
public struct CSATRecorder: Sendable {
    public let connection: PostgresConnection
    public let jobs: TransactionEnqueuer
    public let logger: Logger

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
    }

    public struct Recorded: Sendable, Hashable {
        public var ticketID: TicketID
        public var number: Int64
        public var score: Int
        /// The staff the rating was attached to.
        public var agents: [StaffID]
        public var reopened: Bool
        public var alerted: StaffID?
    }

    /// - Returns: nil when the ticket does not exist.
    public func record(
        _ ticket: TicketID, score: Int, comment: String?, by requester: RequesterID, data: [String: StoredJSON] = [:],
        now: Date = Date()
    ) async throws -> Recorded? {
        let rows = try await connection.query(
            "SELECT number, status, team_id, named_staff_id FROM ticket WHERE id = \(ticket.rawValue) FOR UPDATE",
            logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (number, statusText, team, named) = try row.decode((Int64, String, Int64?, Int64?).self)
        guard let status = TicketStatus(rawValue: statusText) else {
            throw TicketStoreError.unexpectedValue("ticket \(ticket) status \(statusText)")
        }
        let tickets = TicketStore(connection: connection, logger: logger)
        try await tickets.storeCSAT(ticket, score: score, comment: comment)
        let agents = try await attach(ticket, score: score)
        var event = data
        event["score"] = .int(Int64(score))
        event["comment"] = .optional(comment)
        event["agents"] = .array(agents.map { .int($0.rawValue) })
        let eventID = try await tickets.recordEvent(ticket, .csatReceived, actor: .requester(requester), data: event)

        let effect = try await CSATSettingsStore(connection: connection, logger: logger).policy().effect(score: score, status: status)
        if effect.reopen {
            try await tickets.reopen(ticket)
            try await tickets.recordEvent(ticket, .reopened, actor: .system, data: ["reason": "low_csat", "score": .int(Int64(score))])
            _ = try await SLAScheduler(connection: connection, jobs: jobs, logger: logger).reschedule(ticket, now: now)
        }
        var alerted: StaffID?
        if effect.alertLead, let team, let lead = try await lead(of: team), lead.rawValue != named {
            let note = comment.map { ": \($0)" } ?? ""
            try await StaffNotifier(connection: connection, jobs: jobs, logger: logger).notify(
                lead, template: "low_csat", text: "Ticket #\(number) was rated \(score)/5\(note)", ticket: ticket,
                key: "low-csat:\(ticket):\(eventID)", now: now)
            alerted = lead
        }
        return Recorded(ticketID: ticket, number: number, score: score, agents: agents, reopened: effect.reopen, alerted: alerted)
    }

    /// Attaches the score to the assignee and every staff member who replied; a new rating replaces the old.
    func attach(_ ticket: TicketID, score: Int) async throws -> [StaffID] {
        try await connection.query("DELETE FROM csat_agent_rating WHERE ticket_id = \(ticket.rawValue)", logger: logger)
        let rows = try await connection.query(
            """
            INSERT INTO csat_agent_rating (ticket_id, staff_id, score)
            SELECT \(ticket.rawValue), s, \(Int16(score)) FROM (
                SELECT assignee_id AS s FROM ticket WHERE id = \(ticket.rawValue) AND assignee_id IS NOT NULL
                UNION
                SELECT actor_id FROM ticket_event
                WHERE ticket_id = \(ticket.rawValue) AND type = 'reply_sent' AND actor_kind = 'staff') handlers
            RETURNING staff_id
            """, logger: logger
        ).collect()
        return try rows.map { StaffID(try $0.decode(Int64.self)) }.sorted { $0.rawValue < $1.rawValue }
    }

    func lead(of team: Int64) async throws -> StaffID? {
        let rows = try await connection.query(
            """
            SELECT s.id FROM team t JOIN staff s ON s.id = t.lead_staff_id AND s.active WHERE t.id = \(team)
            """, logger: logger
        ).collect()
        return try rows.first.map { StaffID(try $0.decode(Int64.self)) }
    }
}
