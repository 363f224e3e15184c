public import Foundation
public import SupportSchema

/// What the reports know of one ticket: the columns `SupportStore`'s report queries read. The pure
/// ``ReportMetrics/compute(_:period:now:fastWithin:)`` defines each metric over these; the SQL does
/// the same at scale, and the tests hold the two to each other.
public struct ReportTicket: Sendable, Hashable {
    public var createdAt: Date
    public var teamID: Int64?
    public var line: Line
    public var channel: Channel
    public var category: Category?
    public var assigneeID: Int64?
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var reopenCount: Int
    public var staffReplyCount: Int
    public var slaBreachedAt: Date?
    public var repeatContact: Bool
    public var csatScore: Int?

    public init(
        createdAt: Date, teamID: Int64? = nil, line: Line = .l1, channel: Channel = .telegram, category: Category? = nil,
        assigneeID: Int64? = nil, firstResponseAt: Date? = nil, resolvedAt: Date? = nil, closedAt: Date? = nil,
        reopenCount: Int = 0, staffReplyCount: Int = 0, slaBreachedAt: Date? = nil, repeatContact: Bool = false,
        csatScore: Int? = nil
    ) {
        self.createdAt = createdAt
        self.teamID = teamID
        self.line = line
        self.channel = channel
        self.category = category
        self.assigneeID = assigneeID
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.reopenCount = reopenCount
        self.staffReplyCount = staffReplyCount
        self.slaBreachedAt = slaBreachedAt
        self.repeatContact = repeatContact
        self.csatScore = csatScore
    }

    /// When the ticket left the queue: resolved, or closed without resolution (a merged duplicate).
    public var finishedAt: Date? { resolvedAt ?? closedAt }

    /// The group key under `dimension`; nil is the "none" group (no team, unclassified, unassigned).
    public func key(_ dimension: ReportDimension) -> String? {
        switch dimension {
        case .total: "all"
        case .team: teamID.map(String.init)
        case .line: line.rawValue
        case .channel: channel.rawValue
        case .category: category?.rawValue
        case .agent: assigneeID.map(String.init)
        }
    }
}
