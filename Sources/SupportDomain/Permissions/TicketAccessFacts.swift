public import SupportSchema

/// What the row-level rules need to know about one ticket, loaded by the store in one query.
///
/// Viewer-independent on purpose: the same facts decide for everyone, so the list and detail
/// endpoints cannot disagree about who sees a ticket.
public struct TicketAccessFacts: Hashable, Sendable {
    public var ticketID: TicketID
    /// The requester who owns the ticket; nil for incidents (parent tickets of many reports).
    public var requesterID: RequesterID?
    /// Routing's classification; nil before routing ran.
    public var category: Category?
    /// The requester's own choice on the form or bot menu, before classification.
    public var requestedCategory: Category?
    /// Owners' internal matter.
    public var isConfidential: Bool
    /// For complaints: the staff member complained about.
    public var namedStaffID: StaffID?
    /// Arbiters assigned to a dispute discussed on this ticket (first review and appeal).
    public var assignedArbiters: Set<StaffID>
    /// Staff excluded from the case: parties to it, the moderator whose punishment is appealed.
    public var conflicts: ConflictOfInterest

    public init(
        ticketID: TicketID, requesterID: RequesterID?, category: Category? = nil, requestedCategory: Category? = nil,
        isConfidential: Bool = false, namedStaffID: StaffID? = nil, assignedArbiters: Set<StaffID> = [],
        conflicts: ConflictOfInterest = .init()
    ) {
        self.ticketID = ticketID
        self.requesterID = requesterID
        self.category = category
        self.requestedCategory = requestedCategory
        self.isConfidential = isConfidential
        self.namedStaffID = namedStaffID
        self.assignedArbiters = assignedArbiters
        self.conflicts = conflicts
    }

    /// A complaint about the administration, however it became one: classified, chosen by the
    /// requester, or naming a staff member. Erring towards "complaint" hides, never leaks.
    public var isComplaint: Bool {
        category == .complaint || requestedCategory == .complaint || namedStaffID != nil
    }

    /// A ticket a dispute is discussed on, or one that is about a dispute.
    public var isDispute: Bool {
        category == .dispute || requestedCategory == .dispute || !assignedArbiters.isEmpty
    }
}
