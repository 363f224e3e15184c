public import SupportSchema

/// A recent ticket that a new report may duplicate: its requester and the stemmed words of its
/// subject and first message (`ticket.report_lexemes`, from PostgreSQL's text search).
public struct ReportSummary: Hashable, Sendable {
    public var ticketID: TicketID
    public var requesterID: RequesterID
    public var lexemes: Set<String>
    public var isIncident: Bool
    /// The incident this report already belongs to.
    public var incidentID: TicketID?
    public var priority: Priority

    public init(
        ticketID: TicketID, requesterID: RequesterID, lexemes: Set<String>, isIncident: Bool = false,
        incidentID: TicketID? = nil, priority: Priority = .normal
    ) {
        self.ticketID = ticketID
        self.requesterID = requesterID
        self.lexemes = lexemes
        self.isIncident = isIncident
        self.incidentID = incidentID
        self.priority = priority
    }
}
