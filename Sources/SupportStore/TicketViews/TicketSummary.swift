public import Foundation
public import SupportSchema

/// One row of a ticket list. Staff-only fields are nil (and left out of the JSON) for requesters.
public struct TicketSummary: Sendable, Hashable, Encodable {
    public var id: TicketID
    public var number: Int64
    public var subject: String
    public var status: TicketStatus
    public var channel: Channel
    public var category: Category?
    public var requestedCategory: Category?
    public var priority: Priority?
    public var line: Line?
    public var teamID: TeamID?
    public var assigneeID: StaffID?
    public var requesterID: RequesterID?
    public var isIncident: Bool?
    public var isConfidential: Bool?
    public var slaDueAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, number, subject, status, channel, category, priority, line
        case requestedCategory = "requested_category"
        case teamID = "team_id"
        case assigneeID = "assignee_id"
        case requesterID = "requester_id"
        case isIncident = "is_incident"
        case isConfidential = "is_confidential"
        case slaDueAt = "sla_due_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The requester's view of their own ticket: what they asked and where it stands.
    public var forRequester: TicketSummary {
        var copy = self
        copy.category = nil
        copy.priority = nil
        copy.line = nil
        copy.teamID = nil
        copy.assigneeID = nil
        copy.requesterID = nil
        copy.isIncident = nil
        copy.isConfidential = nil
        copy.slaDueAt = nil
        return copy
    }
}
