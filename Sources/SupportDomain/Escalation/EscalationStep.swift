public import SupportSchema

/// One thing the escalation worker does for an alarm or a manual escalation.
public enum EscalationStep: Hashable, Sendable {
    /// Tell the assignee the deadline is near.
    case notifyAssignee(StaffID)
    /// Tell the team lead the ticket breached.
    case notifyTeamLead(StaffID)
    /// Tell everyone holding the line's role (no assignee or lead to tell, or owners must know).
    case notifyLine(Line)
    /// Give the ticket to someone available on the same line (the assignee is away or off shift).
    case reassign
    /// Move the ticket to another line; routing then picks a team and an assignee there.
    case moveTo(Line)
}
