import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// One routing job inside its transaction: load what the rules need, decide, save, enqueue.
struct RoutingRun: Sendable {
    let ticket: RoutingTicket
    let reason: RoutingJob.Reason
    let configuration: RoutingConfiguration
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    func run() async throws -> RoutingOutcome {
        let now = configuration.now()
        let firstTime = !ticket.hasLexemes
        let reclassify = ticket.classification == nil || reason == .manual
        let report = try await ReportText.load(
            ticket, computeLexemes: firstTime, classifyFor: reclassify ? ticket.channel : nil, on: connection, logger: logger)
        let hits = report.hits
        let previous = reclassify ? nil : ticket.classification
        let category = previous?.category
            ?? configuration.decider.classifier.classify(hits: hits, requestedCategory: ticket.requestedCategory).category

        var named = ticket.namedStaffID
        if named == nil, category == .complaint,
            let found = try await NamedStaff.find(in: report.text, lexemes: report.lexemes, on: connection, logger: logger)
        {
            try await NamedStaff.record(found, on: ticket.id, connection: connection, logger: logger)
            named = found
        }
        let punishment = category == .moderationAppeal
            ? try await CaseFacts.punishment(for: ticket, on: connection, logger: logger) : nil
        let desk = try await configuration.desk.settings(at: ticket.deskVersion, on: connection, logger: logger)
        let staff = try await StaffRoster.load(at: now, shifts: desk.shifts, on: connection, logger: logger)
        var context = RoutingContext(
            report: ReportSummary(
                ticketID: ticket.id, requesterID: ticket.requesterID ?? RequesterID(0), lexemes: report.lexemes,
                isIncident: ticket.isIncident, incidentID: ticket.incidentID),
            hits: hits, requestedCategory: ticket.requestedCategory, previous: previous,
            currentAssignee: ticket.assigneeID,
            returningAssignee: report.returningAssignee,
            teams: desk.teams, staff: staff,
            conflicts: ConflictOfInterest(
                parties: report.staffWhoAreThem,
                punishingModerator: punishment?.issuer, namedInComplaint: named),
            calendars: desk.calendars, now: now,
            // A second appeal on a decided punishment is the final one: the owners' (L3).
            lineOverride: ticket.lineOverride ?? (punishment?.appealedBefore == true ? .l3 : nil))
        var plan = configuration.decider.route(context)
        let sla = SLAScheduler(connection: connection, jobs: jobs, logger: logger, desk: desk)
        let deadlines = try await slaDeadlines(after: plan, desk: desk, now: now)
        let generation = try await RoutingWriter(connection: connection, jobs: jobs, logger: logger).save(
            plan, for: ticket, punishment: punishment?.id, lexemes: firstTime ? report.lexemes : nil, slaDueAt: deadlines.nearestBreach)
        try sla.schedule(deadlines, of: ticket.id, generation: generation)

        var incident = ticket.incidentID
        var opened = false
        if firstTime, !ticket.isIncident, ticket.incidentID == nil, IncidentDetector.categories.contains(plan.classification.category) {
            (incident, opened) = try await detectIncident(&plan, context: &context, lexemes: report.lexemes, staff: staff, sla: sla)
        }
        return RoutingOutcome(
            ticketID: ticket.id, category: plan.classification.category, priority: plan.classification.priority,
            line: plan.target.line, assignee: plan.assigneeChanged(from: ticket.assigneeID) ? plan.assignment.staffID : ticket.assigneeID,
            incident: incident, openedIncident: opened)
    }

    /// The SLA deadlines as they will be once `plan` is saved (its priority and team calendar, and the
    /// `classified` entry a first routing records), so the routing `UPDATE` also writes `sla_due_at`.
    private func slaDeadlines(after plan: RoutingPlan, desk: DeskSettings, now: Date) async throws -> SLADeadlines {
        guard let history = try await TicketSLAHistory.load(ticket.id, on: connection, logger: logger) else {
            throw RoutingError.unexpectedValue("ticket \(ticket.id) has no SLA history")
        }
        let calendar = plan.target.teamID.flatMap { id in desk.teams.first { $0.id == id } }?.calendarName ?? "default"
        let after = history.routed(
            priority: plan.classification.priority, calendarName: calendar, classifying: ticket.classification == nil)
        return SLAScheduler.deadlines(of: TicketSLAState(after, calendars: desk.calendars, policies: desk.policies, now: now))
    }

    /// Last in the transaction. Joining an open incident needs no lock: the incident is committed and
    /// a report in it is no one's candidate. Otherwise (a report that may open one or stay alone) the
    /// detection runs again under the word locks, which serialise similar reports until this commits, so
    /// they are held over as few statements as possible. Returns the incident joined or opened.
    private func detectIncident(
        _ plan: inout RoutingPlan, context: inout RoutingContext, lexemes: Set<String>, staff: [StaffCandidate], sla: SLAScheduler
    ) async throws -> (incident: TicketID?, opened: Bool) {
        let (decider, window, undecided) = (configuration.decider, configuration.incidentWindowMinutes, plan)
        context.recent = try await RecentReports.load(like: ticket.id, words: lexemes, windowMinutes: window, on: connection, logger: logger)
        plan = decider.detectIncident(in: undecided, context: context)
        if !plan.incident.joinsExisting {
            let exclusive = decider.detector.exclusiveLockWords(of: lexemes, uses: RecentReports.uses(in: context.recent))
            try await RecentReports.lock(words: lexemes, exclusive: exclusive, on: connection, logger: logger)
            context.recent = try await RecentReports.load(
                like: ticket.id, words: lexemes, windowMinutes: window, on: connection, logger: logger)
            plan = decider.detectIncident(in: undecided, context: context)
        }
        let incidents = IncidentWriter(connection: connection, jobs: jobs, logger: logger)
        switch plan.incident {
        case .none:
            return (nil, false)
        case .join(let id, let similarity):
            try await incidents.join(ticket.id, incident: id, similarity: similarity)
            return (id, false)
        case .open(let reports, let similarity):
            let id = try await incidents.open(over: reports, for: ticket, plan: plan, staff: staff, similarity: similarity)
            try await sla.reschedule(id, now: context.now)
            return (id, true)
        }
    }
}
