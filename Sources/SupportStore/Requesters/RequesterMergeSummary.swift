import SupportSchema

/// What a requester merge moved, for the staff member's confirmation and the logs.
public struct RequesterMergeSummary: Sendable, Hashable {
    public var from: RequesterID
    public var into: RequesterID
    public var tickets: Int
    /// The tickets moved (their count is ``tickets``): the API counts only those the caller may see.
    public var ticketIDs: [TicketID] = []
    public var identities: Int
    public var deals: Int
    public var disputes: Int
    public var punishments: Int
    public var messages: Int

    public init(
        from: RequesterID, into: RequesterID, tickets: Int = 0, identities: Int = 0, deals: Int = 0, disputes: Int = 0,
        punishments: Int = 0, messages: Int = 0
    ) {
        self.from = from
        self.into = into
        self.tickets = tickets
        self.identities = identities
        self.deals = deals
        self.disputes = disputes
        self.punishments = punishments
        self.messages = messages
    }
}
