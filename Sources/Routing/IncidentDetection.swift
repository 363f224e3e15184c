import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema

/// Duplicate-report detection for the tickets a routing transaction routed, last in the transaction.
///
/// Joining an open incident needs no lock: the incident is committed and a report in it is no one's
/// candidate. Otherwise (a report that may open one or stay alone) detection runs again under the word
/// locks, which serialise similar reports until this commits, so they are held over as few statements
/// as possible. A transaction shared by several tickets takes the words of all of them in one statement,
/// in key order, so two such transactions never wait on each other's words in opposite order.
struct IncidentDetection: Sendable {
    let configuration: RoutingConfiguration
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    /// Detects for every ticket in `routed` that needs it, in order. Each sees the reports routed with it
    /// (the first of two similar reports opens the incident over both) and the incidents opened before it.
    /// `staff`: the roster as the transaction has left it; an incident's assignee is counted in it.
    func run(_ routed: inout [RoutedTicket?], staff: inout [StaffCandidate]) async throws {
        let pending = routed.indices.filter { routed[$0]?.detectsIncident == true }
        guard !pending.isEmpty else { return }
        let (decider, window) = (configuration.decider, configuration.incidentWindowMinutes)
        var undecided: [Int: RoutingPlan] = [:]
        var words: Set<String> = []
        var exclusive: Set<String> = []
        for index in pending {
            guard var ticket = routed[index] else { continue }
            let lexemes = ticket.context.report.lexemes
            ticket.context.recent = try await RecentReports.load(
                like: ticket.ticket.id, words: lexemes, windowMinutes: window, on: connection, logger: logger)
            let plan = decider.detectIncident(in: ticket.plan, context: ticket.context)
            if plan.incident.joinsExisting {
                ticket.plan = plan
            } else {
                undecided[index] = ticket.plan
                words.formUnion(lexemes)
                exclusive.formUnion(decider.detector.exclusiveLockWords(of: lexemes, uses: RecentReports.uses(in: ticket.context.recent)))
            }
            routed[index] = ticket
        }
        try await RecentReports.lock(words: words, exclusive: exclusive, on: connection, logger: logger)
        var linked: [TicketID: TicketID] = [:]
        for index in pending {
            guard var ticket = routed[index] else { continue }
            // An incident opened earlier in this transaction took this report in.
            if let incident = linked[ticket.ticket.id] {
                ticket.incident = incident
                routed[index] = ticket
                continue
            }
            if let plan = undecided[index] {
                ticket.context.staff = staff
                ticket.context.recent = try await RecentReports.load(
                    like: ticket.ticket.id, words: ticket.context.report.lexemes, windowMinutes: window, on: connection, logger: logger)
                ticket.plan = decider.detectIncident(in: plan, context: ticket.context)
            }
            for member in try await act(on: &ticket, staff: &staff) { linked[member] = ticket.incident }
            routed[index] = ticket
        }
        // A report that found nothing can still be taken in by one detected after it.
        for index in pending where routed[index]?.incident == nil {
            if let id = routed[index]?.ticket.id, let incident = linked[id] { routed[index]?.incident = incident }
        }
    }

    /// Joins or opens the incident the plan says; returns the reports an opened incident linked.
    private func act(on routed: inout RoutedTicket, staff: inout [StaffCandidate]) async throws -> [TicketID] {
        let incidents = IncidentWriter(connection: connection, jobs: jobs, logger: logger)
        switch routed.plan.incident {
        case .none:
            return []
        case .join(let id, let similarity):
            // The incident's priority as detection read it: the one a join may raise.
            let seen = routed.context.recent.first { $0.ticketID == id }?.priority ?? .high
            try await incidents.join(routed.ticket.id, incident: id, seen: seen, similarity: similarity)
            routed.incident = id
            return []
        case .open(let reports, let similarity):
            let id = try await incidents.open(over: reports, for: routed.ticket, plan: routed.plan, staff: staff, similarity: similarity)
            try await routed.sla.reschedule(id, now: routed.context.now)
            staff = staff.assigning(routed.plan.incidentAssignment?.staffID, replacing: nil, active: true, at: routed.context.now)
            (routed.incident, routed.openedIncident) = (id, true)
            return reports
        }
    }
}
