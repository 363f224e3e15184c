import Foundation
import Logging
import PostgresNIO
import SupportSchema

/// Tickets, their messages and history, on a connection the caller holds (usually inside the transaction
/// that also enqueues the follow-up jobs).
///
/// ```swift
/// try await queue.transaction { connection, jobs in
///     let tickets = TicketStore(connection: connection, logger: logger)
///     let ticket = try await tickets.create(NewTicket(requesterID: requester, channel: .telegram, subject: "Payout"))
///     try await tickets.recordEvent(ticket.id, .created, actor: .requester(requester))
/// }
/// ```
public struct TicketStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static let columns = "id, number, requester_id, channel, subject, status, resolved_at, closed_at, created_at"

    private func records(_ query: PostgresQuery) async throws -> [TicketRecord] {
        try Self.records(try await connection.query(query, logger: logger).collect())
    }

    private static func records(_ rows: [PostgresRow]) throws -> [TicketRecord] {
        try rows.map { row in
            let (id, number, requester, channel, subject, status, resolvedAt, closedAt, createdAt) = try row.decode(
                (Int64, Int64, Int64, String, String, String, Date?, Date?, Date).self)
            guard let channel = SupportChannel(rawValue: channel), let status = TicketStatus(rawValue: status) else {
                throw TicketStoreError.unexpectedValue("ticket \(id): channel \(channel), status \(status)")
            }
            return TicketRecord(
                id: TicketID(id), number: number, requesterID: RequesterID(requester), channel: channel,
                subject: subject, status: status, resolvedAt: resolvedAt, closedAt: closedAt, createdAt: createdAt)
        }
    }

    /// A requester's ticket by id; nil for incidents, which belong to no requester.
    public func ticket(_ id: TicketID) async throws -> TicketRecord? {
        try await records(
            "SELECT \(unescaped: Self.columns) FROM ticket WHERE id = \(id.rawValue) AND requester_id IS NOT NULL"
        ).first
    }

    /// The requester's ticket with this number (a `[#N]` tag or a `ticket_number` field); nil for other people's.
    public func ticket(number: Int64, requester: RequesterID) async throws -> TicketRecord? {
        try await records(
            "SELECT \(unescaped: Self.columns) FROM ticket WHERE number = \(number) AND requester_id = \(requester.rawValue)"
        ).first
    }

    /// The requester's most recent ticket holding a message with one of these external ids (email
    /// In-Reply-To/References, a telegram message replied to), or one we wrote to them: a reply to our
    /// mail names its Message-ID, a Telegram reply names `chat:message_id` of our message.
    public func ticket(referencing externalIDs: [String], requester: RequesterID) async throws -> TicketRecord? {
        guard !externalIDs.isEmpty else { return nil }
        return try await records(
            """
            SELECT \(unescaped: Self.columns) FROM ticket
            WHERE requester_id = \(requester.rawValue)
              AND (id IN (SELECT ticket_id FROM message WHERE external_message_id = ANY(\(externalIDs)))
                   OR id IN (SELECT ticket_id FROM notification
                             WHERE recipient_requester_id = \(requester.rawValue) AND ticket_id IS NOT NULL
                               AND provider_message_id IS NOT NULL
                               AND (provider_message_id = ANY(\(externalIDs))
                                    OR address || ':' || provider_message_id = ANY(\(externalIDs)))))
            ORDER BY created_at DESC, id DESC LIMIT 1
            """
        ).first
    }

    /// The requester's most recent active ticket (new, open, pending_*, escalated) on `channel`.
    public func latestActiveTicket(requester: RequesterID, channel: SupportChannel) async throws -> TicketRecord? {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(requester.rawValue)
        bindings.append(channel.rawValue)
        bindings.append(TicketStatus.active.map(\.rawValue))
        return try Self.records(try await connection.rows(of: LatestActiveSQL.self, bindings, logger: logger)).first
    }

    /// The requester's active tickets on every channel, newest first.
    public func activeTickets(requester: RequesterID, limit: Int = 20) async throws -> [TicketRecord] {
        try await records(
            """
            SELECT \(unescaped: Self.columns) FROM ticket
            WHERE requester_id = \(requester.rawValue) AND status = ANY(\(TicketStatus.active.map(\.rawValue)))
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """
        )
    }

    /// The requester's most recently finished (resolved or closed) ticket: what a CSAT rating is about.
    public func latestFinishedTicket(requester: RequesterID) async throws -> TicketRecord? {
        try await records(
            """
            SELECT \(unescaped: Self.columns) FROM ticket
            WHERE requester_id = \(requester.rawValue) AND status IN ('resolved', 'closed')
            ORDER BY coalesce(closed_at, resolved_at) DESC NULLS LAST, id DESC LIMIT 1
            """
        ).first
    }

    /// Creates a ticket with the next number, status `new`.
    public func create(_ ticket: NewTicket) async throws -> TicketRecord {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(ticket.requesterID.rawValue)
        bindings.append(ticket.channel.rawValue)
        bindings.append(ticket.subject)
        bindings.append(ticket.requestedCategory?.rawValue)
        let created = try Self.records(try await connection.rows(of: CreateSQL.self, bindings, logger: logger))
        guard let record = created.first else { throw TicketStoreError.unexpectedValue("INSERT returned no ticket") }
        return record
    }

    /// Sets the status of an active ticket (e.g. `pending_requester` back to `open` on the requester's reply).
    public func setStatus(_ id: TicketID, to status: TicketStatus) async throws {
        try await connection.query(
            "UPDATE ticket SET status = \(status.rawValue) WHERE id = \(id.rawValue)", logger: logger)
    }

    /// Reopens a resolved or closed ticket: status `open`, `reopen_count` + 1, resolution times cleared
    /// (the history keeps them in `ticket_event`).
    public func reopen(_ id: TicketID) async throws {
        try await connection.query(
            """
            UPDATE ticket SET status = 'open', reopen_count = reopen_count + 1, resolved_at = NULL, closed_at = NULL
            WHERE id = \(id.rawValue)
            """,
            logger: logger)
    }

    /// Records that the requester wrote now (reports and the "last requester message" column).
    public func touchRequesterMessage(_ id: TicketID) async throws {
        try await connection.query(
            "UPDATE ticket SET last_requester_message_at = now() WHERE id = \(id.rawValue)", logger: logger)
    }

    /// Appends a requester's message.
    /// - Returns: The new id, or nil when a message from the same inbound item already exists (a retried job).
    @discardableResult
    public func append(_ message: NewMessage) async throws -> MessageID? {
        var bindings = PostgresBindings(capacity: 7)
        try Self.bindMessage(message, to: &bindings)
        let rows = try await connection.rows(of: MessageInsertSQL.self, bindings, logger: logger)
        return try rows.first.map { MessageID(try $0.decode(Int64.self)) }
    }

    /// Appends an entry to the ticket's history.
    @discardableResult
    public func recordEvent(
        _ ticket: TicketID, _ type: TicketEventType, actor: TicketActor, data: [String: StoredJSON] = [:]
    ) async throws -> TicketEventID {
        let ids = try await recordEvents(ticket, [NewTicketEvent(type, actor: actor, data: data)])
        return ids[0]
    }

    /// Appends several entries in one statement, in this order; returns their ids in the same order.
    public func recordEvents(_ ticket: TicketID, _ events: [NewTicketEvent]) async throws -> [TicketEventID] {
        guard !events.isEmpty else { return [] }
        var bindings = PostgresBindings(capacity: 5)
        bindings.append(ticket.rawValue)
        try Self.appendEvents(events, to: &bindings)
        return try Self.eventIDs(try await connection.rows(of: EventsInsertSQL.self, bindings, logger: logger), of: events)
    }

    /// `INSERT INTO ticket_event … RETURNING id` for the ticket in parameter `$ticket` and the four arrays
    /// ``appendEvents(_:to:)`` binds from `$first` on, for a statement that writes history with other rows.
    public static func eventsInsert(ticket: Int, first: Int) -> String {
        """
        INSERT INTO ticket_event (ticket_id, type, actor_kind, actor_id, data)
        SELECT $\(ticket), e.type, e.actor_kind, nullif(e.actor_id, 0), e.data::jsonb
        FROM unnest($\(first)::text[], $\(first + 1)::text[], $\(first + 2)::int8[], $\(first + 3)::text[])
             WITH ORDINALITY AS e (type, actor_kind, actor_id, data, n)
        ORDER BY e.n
        RETURNING id
        """
    }

    /// The events as ``eventsInsert(ticket:first:)`` binds them. An actor id of 0 stands for none (ids start at
    /// 1): arrays cannot carry NULLs here.
    public static func appendEvents(_ events: [NewTicketEvent], to bindings: inout PostgresBindings) throws {
        bindings.append(events.map(\.type.rawValue))
        bindings.append(events.map(\.actor.kind.rawValue))
        bindings.append(events.map { $0.actor.id ?? 0 })
        bindings.append(try events.map { try StoredJSON.text($0.data) })
    }

    /// The ids of inserted `events`, in their order (ids come from the identity in insertion order).
    public static func eventIDs(_ rows: [PostgresRow], of events: [NewTicketEvent]) throws -> [TicketEventID] {
        let ids = try rows.map { TicketEventID(try $0.decode(Int64.self)) }.sorted { $0.rawValue < $1.rawValue }
        guard ids.count == events.count else {
            throw TicketStoreError.unexpectedValue("INSERT returned \(ids.count) of \(events.count) ticket_event rows")
        }
        return ids
    }

    /// Stores a CSAT score (1–5, checked by the table too) and comment on a ticket.
    public func storeCSAT(_ id: TicketID, score: Int, comment: String?) async throws {
        guard (1...5).contains(score) else { throw TicketStoreError.invalidCSAT(score) }
        try await connection.query(
            """
            UPDATE ticket SET csat_score = \(Int16(score)), csat_comment = \(comment), csat_at = now()
            WHERE id = \(id.rawValue)
            """,
            logger: logger)
    }
    private enum MessageInsertSQL: RepeatedStatement {
        static let sql = TicketStore.messageInsert
        static let parameterTypes = TicketStore.messageParameterTypes
    }

    /// A requester's message as ``bindMessage(_:to:)`` binds it in `$1`–`$7`; nothing when a previous
    /// delivery of its inbound item stored it.
    static let messageInsert = """
        INSERT INTO message (ticket_id, author_kind, author_requester_id, channel, body, attachments,
                             external_message_id, inbound_item_id)
        VALUES ($1, 'requester', $2, $3, $4, $5::jsonb, $6, $7)
        ON CONFLICT (inbound_item_id) WHERE inbound_item_id IS NOT NULL DO NOTHING
        RETURNING id
        """
    static let messageParameterTypes: [PostgresDataType] = [.int8, .int8, .text, .text, .text, .text, .int8]

    static func bindMessage(_ message: NewMessage, to bindings: inout PostgresBindings) throws {
        bindings.append(message.ticketID.rawValue)
        bindings.append(message.requesterID.rawValue)
        bindings.append(message.channel.rawValue)
        bindings.append(message.body)
        bindings.append(try StoredJSON.text(of: .array(message.attachments.map(\.json))))
        bindings.append(message.externalMessageID)
        bindings.append(message.inboundItemID?.rawValue)
    }

    private enum CreateSQL: RepeatedStatement {
        static let sql = """
            INSERT INTO ticket (requester_id, channel, subject, requested_category, last_requester_message_at)
            VALUES ($1, $2, $3, $4, now())
            RETURNING \(TicketStore.columns)
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .text, .text, .text]
    }

    private enum LatestActiveSQL: RepeatedStatement {
        static let sql = """
            SELECT \(TicketStore.columns) FROM ticket
            WHERE requester_id = $1 AND channel = $2 AND status = ANY($3)
            ORDER BY created_at DESC, id DESC LIMIT 1
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .text, .textArray]
    }

    private enum EventsInsertSQL: RepeatedStatement {
        static let sql = TicketStore.eventsInsert(ticket: 1, first: 2)
        static let parameterTypes: [PostgresDataType] = [.int8, .textArray, .textArray, .int8Array, .textArray]
    }
}
