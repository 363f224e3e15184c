import Logging
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Routing writes its history entries in one statement; they must land in order, with their actors.
struct TicketEventsTests {
    @Test func severalEntriesLandInOrderWithTheirActors() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.withConnection { connection in
                    let requester = try await connection.query(
                        "INSERT INTO requester (display_name, locale) VALUES ('Ann', 'en') RETURNING id", logger: db.logger
                    ).collect()[0].decode(Int64.self)
                    let store = TicketStore(connection: connection, logger: db.logger)
                    let ticket = try await store.create(NewTicket(requesterID: RequesterID(requester), channel: .web, subject: "Payout"))
                    let ids = try await store.recordEvents(ticket.id, [
                        NewTicketEvent(.classified, actor: .system, data: ["category": "payment"]),
                        NewTicketEvent(.messageReceived, actor: .requester(RequesterID(requester))),
                        NewTicketEvent(.routed, actor: .system, data: ["line": "l1", "team_id": .null]),
                    ])
                    #expect(ids.count == 3 && ids == ids.sorted())
                    let single = try await store.recordEvent(ticket.id, .assigned, actor: .system)
                    #expect(single.rawValue > ids[2].rawValue)
                    #expect(try await store.recordEvents(ticket.id, []).isEmpty)
                    let rows = try await connection.query(
                        "SELECT type, actor_kind, actor_id, data::text FROM ticket_event WHERE ticket_id = \(ticket.id.rawValue) ORDER BY id",
                        logger: db.logger
                    ).collect().map { try $0.decode((String, String, Int64?, String).self) }
                    #expect(rows.map(\.0) == ["classified", "message_received", "routed", "assigned"])
                    #expect(rows.map(\.1) == ["system", "requester", "system", "system"])
                    #expect(rows.map(\.2) == [nil, requester, nil, nil])
                    #expect(rows[0].3 == #"{"category": "payment"}"#)
                    #expect(rows[2].3 == #"{"line": "l1", "team_id": null}"#)
                }
            }
        }
    }

    /// Intake stores a message with its history in one statement; a second delivery of the same inbound item
    /// stores no second message and no second `message_received` entry, but the entries around it.
    @Test func aMessageAndItsEntriesLandTogetherOnce() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.withConnection { connection in
                    let requester = RequesterID(try await connection.query(
                        "INSERT INTO requester (display_name, locale) VALUES ('Ann', 'en') RETURNING id", logger: db.logger
                    ).collect()[0].decode(Int64.self))
                    let item = try await connection.query(
                        "INSERT INTO inbound_item (channel, dedupe_key, raw, content_type) VALUES ('web', 'k', '\\x7b7d', 'application/json') RETURNING id",
                        logger: db.logger
                    ).collect()[0].decode(Int64.self)
                    let store = TicketStore(connection: connection, logger: db.logger)
                    let ticket = try await store.create(NewTicket(requesterID: requester, channel: .web, subject: "Payout"))
                    let message = NewMessage(
                        ticketID: ticket.id, requesterID: requester, channel: .web, body: "Where is my payout?",
                        inboundItemID: InboundItemID(item))
                    let events = [
                        NewTicketEvent(.created, actor: .requester(requester)),
                        NewTicketEvent(.messageReceived, actor: .requester(requester), data: ["inbound_item_id": .int(item)]),
                        NewTicketEvent(.handedOver, actor: .requester(requester)),
                    ]
                    let first = try #require(try await store.append(message, recording: events, received: 1))
                    #expect(try await store.append(message, recording: events, received: 1) == nil)
                    let rows = try await connection.query(
                        "SELECT type, data::text FROM ticket_event WHERE ticket_id = \(ticket.id.rawValue) ORDER BY id", logger: db.logger
                    ).collect().map { try $0.decode((String, String).self) }
                    #expect(rows.map(\.0) == ["created", "message_received", "handed_over", "created", "handed_over"])
                    #expect(rows[1].1 == #"{"message_id": \#(first.rawValue), "inbound_item_id": \#(item)}"#)
                    #expect(try await connection.query("SELECT count(*)::int FROM message", logger: db.logger).collect()[0].decode(Int.self) == 1)
                }
            }
        }
    }
}
