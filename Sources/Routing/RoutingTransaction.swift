import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// One routing transaction: the tickets of one job, or of several that shared it (``GroupCommitGate``),
/// routed one after another in the order given.
///
/// Each ticket sees the assignments the ones before it made: the roster is loaded once and kept current
/// in memory, because `staff_load` moves only at commit. A ticket listed twice is routed again on its row
/// as the first routing left it.
struct RoutingTransaction: Sendable {
    let configuration: RoutingConfiguration
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    /// The leading job's logger; a shared transaction logs each ticket with `base` and its own id.
    let logger: Logger
    let base: Logger

    func run(_ requests: [RoutingRequest]) async throws -> [RoutingOutcome?] {
        let shared = requests.count > 1
        let locked = try await RoutingTicket.lock(requests.map(\.ticketID), on: connection, logger: logger)
        let histories = locked.isEmpty
            ? [:] : try await TicketSLAHistory.load(locked.keys.sorted { $0.rawValue < $1.rawValue }, on: connection, logger: logger)
        let now = configuration.now()
        var roster: [StaffCandidate]?
        var routed: [RoutedTicket?] = []
        var seen: Set<TicketID> = []
        for request in requests {
            var logger = shared ? base : logger
            logger[metadataKey: "ticket_id"] = "\(request.ticketID)"
            let first = seen.insert(request.ticketID).inserted
            let ticket = first
                ? locked[request.ticketID] : try await RoutingTicket.lock([request.ticketID], on: connection, logger: logger)[request.ticketID]
            guard let ticket else {
                routed.append(nil)
                continue
            }
            let history = first ? histories[ticket.id] : try await TicketSLAHistory.load(ticket.id, on: connection, logger: logger)
            let desk = try await configuration.desk.settings(at: ticket.deskVersion, on: connection, logger: logger)
            let staff: [StaffCandidate]
            if let roster {
                staff = roster
            } else {
                staff = try await StaffRoster.load(at: now, shifts: desk.shifts, on: connection, logger: logger)
            }
            let done = try await RoutingRun(
                ticket: ticket, reason: request.reason, configuration: configuration, connection: connection, jobs: jobs,
                logger: logger, now: now
            ).route(desk: desk, staff: staff, history: history)
            roster = staff.assigning(done.newAssignee, replacing: ticket.assigneeID, active: done.isActive, at: now)
            routed.append(done)
        }
        var staff = roster ?? []
        try await IncidentDetection(configuration: configuration, connection: connection, jobs: jobs, logger: shared ? base : logger)
            .run(&routed, staff: &staff)
        if shared {
            try await StaffLoadLock.take(for: routed.compactMap { $0 }, on: connection, logger: base)
        }
        return routed.map { $0?.outcome }
    }
}

/// A routing job's ticket and why it is routed.
struct RoutingRequest: Sendable {
    let ticketID: TicketID
    let reason: RoutingJob.Reason
}
