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

    /// Loads and locks the rows (`FOR UPDATE`, in id order, so that two transactions sharing items
    /// cannot deadlock): a second delivery of the same job waits here, then sees the status the first one
    /// committed. Items that do not exist are missing from the answer.
    static func lock(_ ids: [InboundItemID], on connection: PostgresConnection, logger: Logger) async throws
        -> [InboundItemID: InboundItemRow]
    {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(ids.map(\.rawValue))
        var rows: [InboundItemID: InboundItemRow] = [:]
        for row in try await connection.rows(of: LockSQL.self, bindings, logger: logger) {
            let (id, channel, raw, status, receivedAt) = try row.decode((Int64, String, ByteBuffer, String, Date).self)
            guard let channel = SupportChannel(rawValue: channel), let status = InboundStatus(rawValue: status) else {
                throw IntakeStoreError("inbound item \(id) has channel \(channel), status \(status)")
            }
            rows[InboundItemID(id)] = InboundItemRow(
                id: InboundItemID(id), channel: channel, raw: Array(raw.readableBytesView), status: status, receivedAt: receivedAt)
        }
        return rows
    }

    /// Records each result: `processed` with the ticket, or `failed`/`ignored` with the reason in `error`;
    /// outcomes that leave the item as it is (``IntakeOutcome/mark``) are skipped. The last statement of
    /// intake's transaction, so `processed_at` (the statement clock) is about when the tickets became
    /// visible; `support bench intake` measures time to ticket with it. Arrays carry no NULLs here: an
    /// empty error and ticket id 0 (ids start at 1) stand for none.
    static func mark(_ outcomes: [(InboundItemID, IntakeOutcome)], on connection: PostgresConnection, logger: Logger) async throws {
        let marked = outcomes.compactMap { id, outcome in outcome.mark.map { (id, $0.status, $0.error, outcome.ticketID) } }
        guard !marked.isEmpty else { return }
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(marked.map(\.0.rawValue))
        bindings.append(marked.map(\.1.rawValue))
        bindings.append(marked.map { $0.2 ?? "" })
        bindings.append(marked.map { $0.3?.rawValue ?? 0 })
        _ = try await connection.rows(of: MarkSQL.self, bindings, logger: logger)
    }

    private enum LockSQL: RepeatedStatement {
        static let sql = """
            SELECT id, channel, raw, status, received_at FROM inbound_item WHERE id = ANY((SELECT $1)::int8[]) ORDER BY id FOR UPDATE
            """
        static let parameterTypes: [PostgresDataType] = [.int8Array]
    }

    private enum MarkSQL: RepeatedStatement {
        static let sql = """
            UPDATE inbound_item i SET status = m.status, error = nullif(m.error, ''), ticket_id = nullif(m.ticket_id, 0),
                processed_at = clock_timestamp()
            FROM unnest((SELECT $1::int8[]), (SELECT $2::text[]), (SELECT $3::text[]), (SELECT $4::int8[])) AS m(id, status, error, ticket_id)
            WHERE i.id = m.id
            """
        static let parameterTypes: [PostgresDataType] = [.int8Array, .textArray, .textArray, .int8Array]
    }
}

/// Data intake found in the database that breaks its assumptions (a bug, not bad input); the job retries
/// and finally dead-letters with this message.
struct IntakeStoreError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
