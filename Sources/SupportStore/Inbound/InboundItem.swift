import Foundation
import SupportSchema

/// One raw item as a channel delivered it, before any parsing.
public struct NewInboundItem: Sendable {
    public var channel: SupportChannel
    /// The channel's own id for de-duplication (telegram `update_id`, email `Message-ID`, a client key);
    /// nil when the channel has none.
    public var dedupeKey: String?
    public var raw: [UInt8]
    public var contentType: String
    /// Request facts worth keeping (remote address, selected headers); never secrets.
    public var meta: [String: String]

    public init(channel: SupportChannel, dedupeKey: String?, raw: [UInt8], contentType: String, meta: [String: String] = [:]) {
        self.channel = channel
        self.dedupeKey = dedupeKey
        self.raw = raw
        self.contentType = contentType
        self.meta = meta
    }
}

/// What storing an inbound item did.
public struct InboundReceipt: Sendable, Equatable {
    public var id: InboundItemID
    /// False when the channel re-delivered an item already stored (same dedupe key): nothing new was queued.
    public var isNew: Bool

    public init(id: InboundItemID, isNew: Bool) {
        self.id = id
        self.isNew = isNew
    }
}
