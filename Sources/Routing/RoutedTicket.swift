import Foundation
import SupportDomain
import SupportSchema
import SupportStore

/// A ticket routed in this transaction, waiting for incident detection (``IncidentDetection``).
struct RoutedTicket: Sendable {
    let ticket: RoutingTicket
    var plan: RoutingPlan
    var context: RoutingContext
    let sla: SLAScheduler
    /// A first routing of a report in a category incidents come from.
    let detectsIncident: Bool
    /// The incident joined or opened.
    var incident: TicketID?
    var openedIncident = false

    init(ticket: RoutingTicket, plan: RoutingPlan, context: RoutingContext, sla: SLAScheduler, detectsIncident: Bool) {
        self.ticket = ticket
        self.plan = plan
        self.context = context
        self.sla = sla
        self.detectsIncident = detectsIncident
        self.incident = ticket.incidentID
    }

    /// Who the ticket went to in this transaction (nil: it kept its assignee, or has none).
    var newAssignee: StaffID? { plan.assigneeChanged(from: ticket.assigneeID) ? plan.assignment.staffID : nil }

    /// Whether the ticket counts towards its assignee's load.
    var isActive: Bool { ticket.status != .resolved && ticket.status != .closed }

    var outcome: RoutingOutcome {
        RoutingOutcome(
            ticketID: ticket.id, category: plan.classification.category, priority: plan.classification.priority,
            line: plan.target.line, assignee: newAssignee ?? ticket.assigneeID, incident: incident, openedIncident: openedIncident)
    }
}
