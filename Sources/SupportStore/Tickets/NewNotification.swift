import SupportSchema

/// A message to deliver to a requester: written by the sender's transaction, delivered by the `notify` job
/// queued with it (the escalation worker renders nothing: `payload.text` is ready to send).
public struct NewNotification: Sendable, Hashable {
    public var requesterID: RequesterID
    public var channel: NotificationChannel
    /// Telegram chat id or email address; nil for `in_app`.
    public var address: String?
    /// `ack`, `status`, `welcome`, `rated`, `rate_invalid`, …
    public var template: String
    public var ticketID: TicketID?
    public var payload: [String: StoredJSON]
    /// Unique: a second insert with the same key inserts nothing.
    public var idempotencyKey: String

    public init(
        requesterID: RequesterID, channel: NotificationChannel, address: String?, template: String, ticketID: TicketID?,
        payload: [String: StoredJSON], idempotencyKey: String
    ) {
        self.requesterID = requesterID
        self.channel = channel
        self.address = address
        self.template = template
        self.ticketID = ticketID
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }
}
