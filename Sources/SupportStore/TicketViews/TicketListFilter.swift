public import SupportSchema

/// Filters and the page of `GET /api/v1/tickets`; each set field narrows the list.
public struct TicketListFilter: Sendable, Hashable {
    public enum Assignee: Sendable, Hashable {
        case staff(StaffID)
        case unassigned
    }

    public var statuses: [TicketStatus] = []
    public var lines: [Line] = []
    public var teams: [TeamID] = []
    public var assignee: Assignee?
    public var categories: [Category] = []
    public var priorities: [Priority] = []
    /// SLA risk: only tickets whose nearest SLA deadline is at most this many seconds away
    /// (overdue ones included).
    public var slaDueWithin: Int64?
    /// Keyset cursor: only tickets with a smaller id (the list is newest first).
    public var beforeID: TicketID?
    /// Page size, 1…100.
    public var limit: Int = 50

    public init() {}
}
