import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// One routing job inside its transaction, which other tickets' jobs may share: load what the rules
/// need, decide, save, enqueue. Incident detection comes after, for every ticket of the transaction
/// at once (``IncidentDetection``).
struct RoutingRun: Sendable {
    let ticket: RoutingTicket
    let reason: RoutingJob.Reason
    let configuration: RoutingConfiguration
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger
    let now: Date

    /// Routes the ticket over `staff`, the roster as this transaction has left it. `history`: the ticket's
    /// SLA history, loaded with the others of the transaction.
    func route(desk: DeskSettings, staff: [StaffCandidate], history: TicketSLAHistory?) async throws -> RoutedTicket {
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
        let context = RoutingContext(
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
        let plan = configuration.decider.route(context)
        let sla = SLAScheduler(connection: connection, jobs: jobs, logger: logger, desk: desk)
        let deadlines = try slaDeadlines(after: plan, desk: desk, history: history)
        let generation = try await RoutingWriter(connection: connection, jobs: jobs, logger: logger).save(
            plan, for: ticket, punishment: punishment?.id, lexemes: firstTime ? report.lexemes : nil, slaDueAt: deadlines.nearestBreach)
        try sla.schedule(deadlines, of: ticket.id, generation: generation)
        let detects = firstTime && !ticket.isIncident && ticket.incidentID == nil
            && IncidentDetector.categories.contains(plan.classification.category)
        return RoutedTicket(ticket: ticket, plan: plan, context: context, sla: sla, detectsIncident: detects)
    }

    /// The SLA deadlines as they will be once `plan` is saved (its priority and team calendar, and the
    /// `classified` entry a first routing records), so the routing `UPDATE` also writes `sla_due_at`.
    private func slaDeadlines(after plan: RoutingPlan, desk: DeskSettings, history: TicketSLAHistory?) throws -> SLADeadlines {
        guard let history else {
            throw RoutingError.unexpectedValue("ticket \(ticket.id) has no SLA history")
        }
        let calendar = plan.target.teamID.flatMap { id in desk.teams.first { $0.id == id } }?.calendarName ?? "default"
        let after = history.routed(
            priority: plan.classification.priority, calendarName: calendar, classifying: ticket.classification == nil)
        return SLAScheduler.deadlines(of: TicketSLAState(after, calendars: desk.calendars, policies: desk.policies, now: now))
    }
}
