public import Foundation
public import SupportSchema

/// Everything the routing worker loads for one ticket before ``RoutingDecider`` decides.
public struct RoutingContext: Sendable {
    public var report: ReportSummary
    /// The rules the ticket's text hits.
    public var hits: [ClassificationRule]
    public var requestedCategory: Category?
    /// The stored classification, when the ticket was routed before (replies keep it).
    public var previous: ClassificationDecision?
    public var currentAssignee: StaffID?
    /// The assignee of the requester's previous ticket, for stickiness.
    public var returningAssignee: StaffID?
    /// Recent similar-looking tickets and open incidents (already filtered by time window).
    public var recent: [ReportSummary]
    public var teams: [TeamProfile]
    public var staff: [StaffCandidate]
    public var conflicts: ConflictOfInterest
    /// Team calendars by name; a missing name falls back to ``BusinessCalendar/standard``.
    public var calendars: [String: BusinessCalendar]
    public var now: Date
    /// A line set by escalation (the ladder or staff by hand), kept over the category's line.
    public var lineOverride: Line?

    public init(
        report: ReportSummary, hits: [ClassificationRule], requestedCategory: Category? = nil,
        previous: ClassificationDecision? = nil, currentAssignee: StaffID? = nil, returningAssignee: StaffID? = nil,
        recent: [ReportSummary] = [], teams: [TeamProfile], staff: [StaffCandidate],
        conflicts: ConflictOfInterest = ConflictOfInterest(), calendars: [String: BusinessCalendar] = [:], now: Date,
        lineOverride: Line? = nil
    ) {
        self.report = report
        self.hits = hits
        self.requestedCategory = requestedCategory
        self.previous = previous
        self.currentAssignee = currentAssignee
        self.returningAssignee = returningAssignee
        self.recent = recent
        self.teams = teams
        self.staff = staff
        self.conflicts = conflicts
        self.calendars = calendars
        self.now = now
        self.lineOverride = lineOverride
    }
}
