/// Routing as one pure step: classify (or keep the stored classification), detect incidents,
/// choose line, team and assignee, and tell whether the desk is closed.
public struct RoutingDecider: Sendable {
    public var classifier: TicketClassifier
    public var router: TicketRouter
    public var picker: AssigneePicker
    public var detector: IncidentDetector

    public init(
        classifier: TicketClassifier = TicketClassifier(), router: TicketRouter = TicketRouter(),
        picker: AssigneePicker = AssigneePicker(), detector: IncidentDetector = IncidentDetector()
    ) {
        self.classifier = classifier
        self.router = router
        self.picker = picker
        self.detector = detector
    }

    public func decide(_ context: RoutingContext) -> RoutingPlan {
        detectIncident(in: route(context), context: context)
    }

    /// The report's own classification, line, team, assignee and hours, leaving ``RoutingContext/recent``
    /// aside: none of it depends on other reports, so the worker saves it before taking the locks that
    /// detection needs (see ``detectIncident(in:context:)``).
    public func route(_ context: RoutingContext) -> RoutingPlan {
        let classification = context.previous ?? classifier.classify(hits: context.hits, requestedCategory: context.requestedCategory)
        let target = router.route(
            classification, isIncident: context.report.isIncident, teams: context.teams, line: context.lineOverride)
        let excluded = context.conflicts.excluded
        let assignment: AssignmentDecision
        if let current = context.currentAssignee,
            let staff = context.staff.first(where: { $0.id == current }),
            staff.isActive, !staff.isAway, staff.roles.contains(target.role), excluded[current] == nil
        {
            assignment = .now(current, why: "kept the current assignee")
        } else {
            assignment = picker.pick(
                from: context.staff, role: target.role, skills: target.skills, excluded: excluded,
                previous: context.returningAssignee)
        }
        let calendar = target.teamID.flatMap { id in context.teams.first { $0.id == id } }
            .flatMap { context.calendars[$0.calendarName] } ?? .standard
        let answerFrom = calendar.isOpen(at: context.now) ? nil : calendar.nextOpening(after: context.now)

        return RoutingPlan(
            classification: classification, target: target, assignment: assignment, answerFrom: answerFrom, incident: .none)
    }

    /// `plan` with the incident decision over ``RoutingContext/recent``: join one, open one (with its
    /// priority, target and assignee), or none.
    public func detectIncident(in plan: RoutingPlan, context: RoutingContext) -> RoutingPlan {
        guard context.report.incidentID == nil, !context.report.isIncident else { return plan }
        var plan = plan
        let classification = plan.classification
        plan.incident = detector.detect(context.report, category: classification.category, recent: context.recent)
        if case .open(let reports, _) = plan.incident {
            let linked = context.recent.filter { reports.contains($0.ticketID) }
            let reporters = Set(linked.map(\.requesterID) + [context.report.requesterID]).count
            let priority = IncidentDetector.priority(
                reporters: reporters, reports: linked.map(\.priority) + [classification.priority])
            // An outage is L2's whatever the first reports were filed as.
            var incidentClassification = classification
            incidentClassification.category = .technical
            incidentClassification.priority = priority
            let incidentTarget = router.route(incidentClassification, isIncident: true, teams: context.teams)
            plan.incidentPriority = priority
            plan.incidentTarget = incidentTarget
            plan.incidentAssignment = picker.pick(from: context.staff, role: incidentTarget.role, skills: incidentTarget.skills)
        }
        return plan
    }
}
