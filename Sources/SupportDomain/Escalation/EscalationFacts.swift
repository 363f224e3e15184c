public import SupportSchema

/// What the ladder needs to know about a ticket when an alarm fires or staff escalate by hand.
public struct EscalationFacts: Hashable, Sendable {
    public var line: Line
    public var category: Category?
    public var isIncident: Bool
    public var assigneeID: StaffID?
    /// Whether the assignee is on shift, active and not away right now.
    public var assigneeAvailable: Bool
    public var teamLeadID: StaffID?
    /// SLA breaches already recorded on this ticket (before the one being handled).
    public var earlierBreaches: Int
    /// A deal dispute in which a party complains about the handling (goes to owners like a complaint).
    public var disputeWithComplaint: Bool
    /// An owners' internal matter, visible to owners only.
    public var isConfidential: Bool

    public init(
        line: Line, category: Category?, isIncident: Bool = false, assigneeID: StaffID? = nil,
        assigneeAvailable: Bool = false, teamLeadID: StaffID? = nil, earlierBreaches: Int = 0,
        disputeWithComplaint: Bool = false, isConfidential: Bool = false
    ) {
        self.line = line
        self.category = category
        self.isIncident = isIncident
        self.assigneeID = assigneeID
        self.assigneeAvailable = assigneeAvailable
        self.teamLeadID = teamLeadID
        self.earlierBreaches = earlierBreaches
        self.disputeWithComplaint = disputeWithComplaint
        self.isConfidential = isConfidential
    }

    /// Matters only owners may handle: they never leave L3.
    public var belongsToOwners: Bool { category == .complaint || disputeWithComplaint || isConfidential }
}
