public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportSchema

/// A staff member's reply or internal note on a ticket, with an optional status change, inside the
/// caller's transaction: the message, its history, the requester's notification on their channel (not
/// for notes), the rating request when it resolves the ticket, and the SLA clocks recomputed — a reply meets the response clocks, a status waiting on
/// the requester pauses them.
public struct StaffReply: Sendable {
    public var ticketID: TicketID
    public var staffID: StaffID
    public var body: String
    public var isInternal: Bool
    public var status: TicketStatus?
    /// `SUPPORT_PUBLIC_URL`, for the rating link mailed when this reply resolves the ticket.
    public var publicURL: String

    public init(
        ticketID: TicketID, staffID: StaffID, body: String, isInternal: Bool, status: TicketStatus?,
        publicURL: String = "http://127.0.0.1:8080"
    ) {
        self.ticketID = ticketID
        self.staffID = staffID
        self.body = body
        self.isInternal = isInternal
        self.status = status
        self.publicURL = publicURL
    }

    public struct Saved: Sendable, Hashable {
        public var messageID: MessageID
        public var status: TicketStatus
        public var previousStatus: TicketStatus
    }

    /// Statuses staff may set; `closed` follows resolution (with the CSAT request) and `escalated` the ladder.
    public static let settable: [TicketStatus] = [.open, .pendingRequester, .pendingThirdParty, .resolved]

    public func save(on connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger, now: Date = Date()) async throws -> Saved? {
        let rows = try await connection.query(
            """
            SELECT number, subject, channel, status FROM ticket
            WHERE id = \(ticketID.rawValue) AND requester_id IS NOT NULL FOR UPDATE
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (number, subject, channelText, statusText) = try row.decode((Int64, String, String, String).self)
        guard let channel = Channel(rawValue: channelText), let previous = TicketStatus(rawValue: statusText) else {
            throw TicketStoreError.unexpectedValue("ticket \(ticketID): channel \(channelText), status \(statusText)")
        }
        let messageRows = try await connection.query(
            """
            INSERT INTO message (ticket_id, author_kind, author_staff_id, channel, body, is_internal)
            VALUES (\(ticketID.rawValue), 'staff', \(staffID.rawValue), \(channel.rawValue), \(body), \(isInternal))
            RETURNING id
            """, logger: logger
        ).collect()
        guard let messageID = try messageRows.first.map({ MessageID(try $0.decode(Int64.self)) }) else {
            throw TicketStoreError.unexpectedValue("INSERT returned no message")
        }
        let tickets = TicketStore(connection: connection, logger: logger)
        let actor = TicketActor.staff(staffID)
        try await tickets.recordEvent(
            ticketID, isInternal ? .noteAdded : .replySent, actor: actor, data: ["message_id": .int(messageID.rawValue)])
        if !isInternal {
            try await connection.query(
                "UPDATE ticket SET first_response_at = coalesce(first_response_at, now()) WHERE id = \(ticketID.rawValue)",
                logger: logger)
            try await notifyRequester(number: number, subject: subject, connection: connection, jobs: jobs, logger: logger, message: messageID)
        }
        var current = previous
        if let status, status != previous {
            try await connection.query(
                """
                UPDATE ticket SET status = \(status.rawValue),
                    resolved_at = CASE WHEN \(status.rawValue) = 'resolved' THEN now() ELSE NULL END
                WHERE id = \(ticketID.rawValue)
                """, logger: logger)
            try await tickets.recordEvent(
                ticketID, .statusChanged, actor: actor,
                data: ["from": .string(previous.rawValue), "to": .string(status.rawValue), "reason": "staff"])
            current = status
            if status == .resolved {
                try await CSATRequest(ticketID: ticketID, publicURL: publicURL).send(on: connection, jobs: jobs, logger: logger)
            }
        }
        try await SLAScheduler(connection: connection, jobs: jobs, logger: logger).reschedule(ticketID, now: now)
        return Saved(messageID: messageID, status: current, previousStatus: previous)
    }

    /// The reply on the requester's channel, threaded on their last message where the channel threads.
    private func notifyRequester(
        number: Int64, subject: String, connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger, message: MessageID
    ) async throws {
        guard let route = try await RequesterRoute.of(ticketID, on: connection, logger: logger) else { return }
        var payload: [String: StoredJSON] = [
            "text": .string(body), "subject": .string("[#\(number)] \(subject)"), "ticket_number": .int(number),
        ]
        let last = try await connection.query(
            """
            SELECT external_message_id FROM message WHERE ticket_id = \(ticketID.rawValue) AND author_kind = 'requester'
              AND external_message_id IS NOT NULL AND channel = \(route.channel == .telegram ? "telegram" : "email")
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, logger: logger
        ).collect().first?.decode(String.self)
        if let last { payload["in_reply_to"] = .string(last) }
        try await NotificationOutbox(connection: connection, logger: logger).send(
            NewNotification(
                requesterID: route.requesterID, channel: route.channel, address: route.address, template: "reply",
                ticketID: ticketID, payload: payload, idempotencyKey: "reply:\(ticketID):\(message)"),
            jobs: jobs)
    }
}
