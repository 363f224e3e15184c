public import Foundation

/// One staff member's figures for attestation and bonuses over a period.
public struct AgentRating: Codable, Sendable, Hashable {
    public var staffID: Int64
    public var name: String
    /// Tickets created in the period and assigned to them now.
    public var tickets: Int
    public var resolved: Int
    /// Ratings attached to them (as assignee or replier) given in the period.
    public var csatCount: Int
    public var csatAvg: Double?
    /// Of their tickets, the share that never breached an SLA deadline.
    public var slaCompliancePct: Double?
    /// Of their tickets ever resolved, the share reopened at least once.
    public var reopenPct: Double?

    enum CodingKeys: String, CodingKey {
        case name, tickets, resolved
        case staffID = "staff_id"
        case csatCount = "csat_count"
        case csatAvg = "csat_avg"
        case slaCompliancePct = "sla_compliance_pct"
        case reopenPct = "reopen_pct"
    }
}
