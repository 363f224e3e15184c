/// Why an action was refused: the code goes into the 403 body and the `access.denied` audit entry.
public enum AccessDenial: String, Hashable, Sendable, CaseIterable {
    /// No role of the actor allows the action (the role × action table).
    case role = "role_not_allowed"
    /// A requester asking for someone else's ticket.
    case notOwner = "not_owner"
    /// The staff member is the one the complaint is about.
    case namedInComplaint = "named_in_complaint"
    /// The staff member is a party to the case or issued the punishment appealed.
    case conflictOfInterest = "conflict_of_interest"
    /// An owners-only ticket.
    case confidential
    /// A complaint, for someone without `view_complaint`.
    case complaint = "complaint_restricted"
    /// An arbiter (holding no other role that allows the action) on a ticket that is not a dispute
    /// assigned to them.
    case notAssignedArbiter = "not_assigned_arbiter"

    /// One sentence for the 403 body. Says what rule applied, never what the ticket is about.
    public var message: String {
        switch self {
        case .role: "your roles do not allow this action"
        case .notOwner: "this ticket is not yours"
        case .namedInComplaint, .conflictOfInterest: "you are excluded from this case (conflict of interest)"
        case .confidential: "this ticket is for owners only"
        case .complaint: "complaints are visible to owners only"
        case .notAssignedArbiter: "arbiters see only the disputes assigned to them"
        }
    }
}
