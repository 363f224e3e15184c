import Foundation
import Logging
import PostgresNIO
import SupportSchema

/// The `inbound_item` row the intake job is about: locked for the transaction, then marked with its result.
struct InboundItemRow: Sendable {
    var id: InboundItemID
    var channel: SupportChannel
    var raw: [UInt8]
    var status: InboundStatus
    var receivedAt: Date

    /// Loads and locks the row (`FOR UPDATE`): a second delivery of the same job waits here, then sees the
    /// status the first one committed.
    static func lock(_ id: InboundItemID, on connection: PostgresConnection, logger: Logger) async throws -> InboundItemRow? {
        let row = try await connection.query(
            "SELECT channel, raw, status, received_at FROM inbound_item WHERE id = \(id.rawValue) FOR UPDATE",
            logger: logger
        ).collect().first
        guard let (channel, raw, status, receivedAt) = try row?.decode((String, ByteBuffer, String, Date).self) else {
            return nil
        }
        guard let channel = SupportChannel(rawValue: channel), let status = InboundStatus(rawValue: status) else {
            throw IntakeStoreError("inbound item \(id) has channel \(channel), status \(status)")
        }
        return InboundItemRow(id: id, channel: channel, raw: Array(raw.readableBytesView), status: status, receivedAt: receivedAt)
    }

    /// Records the result: `processed` with the ticket, or `failed`/`ignored` with the reason in `error`.
    /// The last statement of intake's transaction, so `processed_at` (the statement clock) is about when
    /// the ticket became visible; `support bench intake` measures time to ticket with it.
    static func mark(
        _ id: InboundItemID, _ status: InboundStatus, error: String? = nil, ticketID: TicketID? = nil,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            UPDATE inbound_item SET status = \(status.rawValue), error = \(error), ticket_id = \(ticketID?.rawValue),
                   processed_at = clock_timestamp()
            WHERE id = \(id.rawValue)
            """,
            logger: logger)
    }
}

/// Data intake found in the database that breaks its assumptions (a bug, not bad input); the job retries
/// and finally dead-letters with this message.
struct IntakeStoreError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
