import SupportSchema

/// What routing did with a ticket, for logs and tests.
public struct RoutingOutcome: Sendable, Hashable, CustomStringConvertible {
    public var ticketID: TicketID
    public var category: SupportSchema.Category
    public var priority: Priority
    public var line: Line
    public var assignee: StaffID?
    /// The incident the ticket joined or opened.
    public var incident: TicketID?
    public var openedIncident: Bool

    public var description: String {
        var text = "\(category.rawValue)/\(priority.rawValue) → \(line.rawValue)"
        text += assignee.map { " staff \($0)" } ?? " unassigned"
        if let incident { text += openedIncident ? ", opened incident \(incident)" : ", joined incident \(incident)" }
        return text
    }
}
