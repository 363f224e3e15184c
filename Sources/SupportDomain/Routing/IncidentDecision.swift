public import SupportSchema

/// What ``IncidentDetector`` found for a new report.
public enum IncidentDecision: Hashable, Sendable {
    /// Not a duplicate of anything recent from someone else.
    case none
    /// Joins an open incident.
    case join(incident: TicketID, similarity: Double)
    /// Opens an incident over these earlier reports (other requesters) and the new one.
    case open(reports: [TicketID], similarity: Double)

    /// Joins an incident that exists (committed), which a report can decide without the detection locks.
    public var joinsExisting: Bool {
        if case .join = self { return true }
        return false
    }
}
