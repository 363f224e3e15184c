import SupportSchema

/// A message to deliver to a requester or a staff member: written by the sender's transaction, delivered
/// by the `notify` job queued with it (the escalation worker renders nothing: `payload.text` is ready to send).
public struct NewNotification: Sendable, Hashable {
    public enum Recipient: Sendable, Hashable {
        case requester(RequesterID)
        case staff(StaffID)
    }

    public var recipient: Recipient
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
        self.init(
            recipient: .requester(requesterID), channel: channel, address: address, template: template,
            ticketID: ticketID, payload: payload, idempotencyKey: idempotencyKey)
    }

    public init(
        recipient: Recipient, channel: NotificationChannel, address: String?, template: String, ticketID: TicketID?,
        payload: [String: StoredJSON], idempotencyKey: String
    ) {
        self.recipient = recipient
        self.channel = channel
        self.address = address
        self.template = template
        self.ticketID = ticketID
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }
}
