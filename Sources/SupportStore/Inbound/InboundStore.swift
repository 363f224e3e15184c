import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportSchema

/// Stores raw inbound items durably and queues their parsing in the same statement, so the API can
/// answer at once and nothing received is lost: either both the item and its `intake` job commit, or
/// neither does and the channel retries.
///
/// ```swift
/// let receipt = try await InboundStore(queue: queue).receive(item)
/// ```
public struct InboundStore: Sendable {
    public let queue: JobQueue

    public init(queue: JobQueue) { self.queue = queue }

    public func receive(_ item: NewInboundItem) async throws -> InboundReceipt {
        let logger = queue.logger
        let meta = String(decoding: try JSONEncoder().encode(item.meta), as: UTF8.self)
        // The item and its job in one statement: they commit together without a transaction.
        var bindings = PostgresBindings(capacity: 5)
        bindings.append(item.channel.rawValue)
        bindings.append(item.dedupeKey)
        bindings.append(ByteBuffer(bytes: item.raw))
        bindings.append(item.contentType)
        bindings.append(meta)
        let inserted = try await queue.enqueue(
            IntakeJob.queue.rawValue, kind: IntakeJob.kind, forRowsOf: ItemInsert(bindings: bindings)).first
        if let inserted { return InboundReceipt(id: InboundItemID(inserted), isNew: true) }
        let existing = try await queue.client.query(
            "SELECT id FROM inbound_item WHERE channel = \(item.channel.rawValue) AND dedupe_key = \(item.dedupeKey)",
            logger: logger
        ).collect().first?.decode(Int64.self)
        guard let existing else { throw InboundStoreError.vanished }
        return InboundReceipt(id: InboundItemID(existing), isNew: false)
    }

    /// Keeps an item that could not even be read as the channel's format, marked failed with the reason,
    /// for people to inspect; no job is queued.
    public func receiveUnreadable(_ item: NewInboundItem, error: String) async throws -> InboundItemID {
        let logger = queue.logger
        let meta = String(decoding: try JSONEncoder().encode(item.meta), as: UTF8.self)
        let id = try await queue.client.query(
            """
            INSERT INTO inbound_item (channel, dedupe_key, raw, content_type, meta, status, error)
            VALUES (\(item.channel.rawValue), NULL, \(ByteBuffer(bytes: item.raw)), \(item.contentType), \(meta)::jsonb, 'failed', \(error))
            RETURNING id
            """,
            logger: logger
        ).collect().first?.decode(Int64.self)
        guard let id else { throw InboundStoreError.vanished }
        return InboundItemID(id)
    }
}

/// The item's insert, returning the columns its `intake` job is made of.
private struct ItemInsert: RowJobSource {
    static let name = "inbound_item_v1"
    static let sql = """
        INSERT INTO inbound_item (channel, dedupe_key, raw, content_type, meta) VALUES ($1, $2, $3, $4, $5::jsonb)
        ON CONFLICT (channel, dedupe_key) DO NOTHING
        RETURNING id AS key, \(IntakeJob.sqlColumns(itemID: "id"))
        """
    static let parameterTypes: [PostgresDataType] = [.text, .text, .bytea, .text, .text]
    let bindings: PostgresBindings
}

enum InboundStoreError: Error, CustomStringConvertible {
    /// A conflicting row disappeared between the insert and the lookup (items are never deleted).
    case vanished

    var description: String { "inbound item conflicted but could not be found" }
}
