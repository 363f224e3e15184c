/// `GET /api/v1/tickets/{id}`: the ticket, its thread and (for staff) its history.
public struct TicketDetail: Sendable, Hashable, Encodable {
    public var ticket: TicketSummary
    public var messages: [TicketThreadMessage]
    /// Empty for requesters: the history is the desk's.
    public var events: [TicketHistoryEvent]

    public init(ticket: TicketSummary, messages: [TicketThreadMessage], events: [TicketHistoryEvent]) {
        self.ticket = ticket
        self.messages = messages
        self.events = events
    }
}
