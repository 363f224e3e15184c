import SupportSchema

/// A requester's message to append to a ticket.
public struct NewMessage: Sendable, Hashable {
    public var ticketID: TicketID
    public var requesterID: RequesterID
    public var channel: SupportChannel
    public var body: String
    public var attachments: [MessageAttachment]
    /// Email Message-ID or telegram `chat_id:message_id`, for threading replies.
    public var externalMessageID: String?
    /// The raw item it was parsed from; its unique index makes a retried intake insert nothing.
    public var inboundItemID: InboundItemID?

    public init(
        ticketID: TicketID, requesterID: RequesterID, channel: SupportChannel, body: String,
        attachments: [MessageAttachment] = [], externalMessageID: String? = nil, inboundItemID: InboundItemID? = nil
    ) {
        self.ticketID = ticketID
        self.requesterID = requesterID
        self.channel = channel
        self.body = body
        self.attachments = attachments
        self.externalMessageID = externalMessageID
        self.inboundItemID = inboundItemID
    }
}
