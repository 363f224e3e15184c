public import SupportSchema

/// What ``IncidentDetector`` found for a new report.
public enum IncidentDecision: Hashable, Sendable {
    /// Not a duplicate of anything recent from someone else.
    case none
    /// Joins an open incident.
    case join(incident: TicketID, similarity: Double)
    /// Opens an incident over these earlier reports (other requesters) and the new one.
    case open(reports: [TicketID], similarity: Double)
}
