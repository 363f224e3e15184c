import PostgresNIO
import SupportSchema

extension TicketStore {
    /// Appends a requester's message and writes the history entries around it, in one statement (they
    /// were two round trips for every message): `events` in their order, where the entry at `received`
    /// (the `message_received` one) gets the new message's id as `message_id` in its data, or is left out
    /// when a previous delivery of the inbound item stored the message already.
    /// - Returns: The new message's id, or nil when it was stored before.
    @discardableResult
    public func append(_ message: NewMessage, recording events: [NewTicketEvent], received: Int) async throws -> MessageID? {
        precondition(events.indices.contains(received), "the message_received entry is one of the events")
        var bindings = PostgresBindings(capacity: 12)
        try Self.bindMessage(message, to: &bindings)
        try Self.appendEvents(events, to: &bindings)
        bindings.append(Int64(received + 1))
        let rows = try await connection.rows(of: ReceivedSQL.self, bindings, logger: logger)
        guard let row = rows.first else { throw TicketStoreError.unexpectedValue("the message statement returned no row") }
        let (id, recorded) = try row.decode((Int64?, Int64).self)
        let expected = events.count - (id == nil ? 1 : 0)
        guard recorded == expected else {
            throw TicketStoreError.unexpectedValue("INSERT wrote \(recorded) of \(expected) ticket_event rows")
        }
        return id.map { MessageID($0) }
    }

    private enum ReceivedSQL: RepeatedStatement {
        static let sql = """
            WITH m AS (\(TicketStore.messageInsert)),
            recorded AS (
                INSERT INTO ticket_event (ticket_id, type, actor_kind, actor_id, data)
                SELECT $1, e.type, e.actor_kind, nullif(e.actor_id, 0),
                       CASE WHEN e.n = $12 THEN e.data::jsonb || jsonb_build_object('message_id', m.id) ELSE e.data::jsonb END
                FROM unnest($8::text[], $9::text[], $10::int8[], $11::text[])
                     WITH ORDINALITY AS e (type, actor_kind, actor_id, data, n)
                LEFT JOIN m ON e.n = $12
                WHERE e.n <> $12 OR m.id IS NOT NULL
                ORDER BY e.n
                RETURNING 1)
            SELECT (SELECT id FROM m), (SELECT count(*) FROM recorded)
            """
        static let parameterTypes = TicketStore.messageParameterTypes + [.textArray, .textArray, .int8Array, .textArray, .int8]
    }
}
