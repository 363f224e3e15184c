public import Foundation
public import SupportSchema

/// What routing does with a ticket; the worker saves it in one transaction.
public struct RoutingPlan: Sendable {
    public var classification: ClassificationDecision
    public var target: RoutingTarget
    public var assignment: AssignmentDecision
    /// The team's desk is closed: the requester is told the answer comes from this time.
    public var answerFrom: Date?
    public var incident: IncidentDecision
    /// For ``IncidentDecision/open(reports:similarity:)``: the incident's priority and assignee.
    public var incidentPriority: Priority?
    public var incidentAssignment: AssignmentDecision?
    public var incidentTarget: RoutingTarget?

    /// The assignee changes (and is told).
    public func assigneeChanged(from current: StaffID?) -> Bool {
        assignment.staffID != nil && assignment.staffID != current
    }
}
