import Foundation
import Logging
import PostgresNIO
import SupportSchema
import SupportStore

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
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id.rawValue)
        let row = try await connection.rows(of: LockSQL.self, bindings, logger: logger).first
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
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(status.rawValue)
        bindings.append(error)
        bindings.append(ticketID?.rawValue)
        bindings.append(id.rawValue)
        _ = try await connection.rows(of: MarkSQL.self, bindings, logger: logger)
    }

    private enum LockSQL: RepeatedStatement {
        static let sql = "SELECT channel, raw, status, received_at FROM inbound_item WHERE id = $1 FOR UPDATE"
        static let parameterTypes: [PostgresDataType] = [.int8]
    }

    private enum MarkSQL: RepeatedStatement {
        static let sql = """
            UPDATE inbound_item SET status = $1, error = $2, ticket_id = $3, processed_at = clock_timestamp()
            WHERE id = $4
            """
        static let parameterTypes: [PostgresDataType] = [.text, .text, .int8, .int8]
    }
}

/// Data intake found in the database that breaks its assumptions (a bug, not bad input); the job retries
/// and finally dead-letters with this message.
struct IntakeStoreError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
