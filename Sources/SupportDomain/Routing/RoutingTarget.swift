public import SupportSchema

/// Where a classified ticket goes: the line, the team, and who in it may take it.
public struct RoutingTarget: Hashable, Sendable, Codable {
    public var line: Line
    public var teamID: TeamID?
    /// The role the assignee must hold.
    public var role: Role
    /// Skills the assignee should have (ignored when nobody in the role has them).
    public var skills: Set<String>
    /// Lines that see the ticket in their queues without owning it (L2 on a technical L1 ticket).
    public var watchers: [Line]
    /// Disputes continue in the arbitration worker.
    public var viaArbitration: Bool
    public var why: String
}
