import SupportSchema

/// What creating a ticket needs; the number comes from `ticket_number_seq`, status starts `new`.
public struct NewTicket: Sendable, Hashable {
    public var requesterID: RequesterID
    public var channel: SupportChannel
    public var subject: String
    /// The requester's own choice (portal form, bot menu), an input to classification.
    public var requestedCategory: Category?

    public init(requesterID: RequesterID, channel: SupportChannel, subject: String, requestedCategory: Category? = nil) {
        self.requesterID = requesterID
        self.channel = channel
        self.subject = subject
        self.requestedCategory = requestedCategory
    }
}
