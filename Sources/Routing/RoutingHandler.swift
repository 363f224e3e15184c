import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The routing worker's job: classify, prioritise, detect incidents, choose line, team and assignee,
/// all in one transaction with the `notify` jobs it queues.
///
/// Idempotent under at-least-once delivery: the ticket row is locked; a second run keeps the stored
/// classification and the current assignee (who is not told twice), and incident links are only made
/// for reports not yet linked.
///
/// Under load, jobs that arrive while the worker's routing transactions are busy share the next one
/// (``GroupCommitGate``), as intake's do.
///
/// ```swift
/// var handlers = JobHandlerRegistry()
/// RoutingHandler(queue: JobQueue(client: client, logger: logger)).register(in: &handlers)
/// ```
public struct RoutingHandler: Sendable {
    public let queue: JobQueue
    public let configuration: RoutingConfiguration
    /// Shared by the handler's concurrent `routing` jobs.
    private let gate: GroupCommitGate<Request, RoutingOutcome?>

    struct Request: Sendable {
        let ticketID: TicketID
        let reason: RoutingJob.Reason
    }

    public init(queue: JobQueue, configuration: RoutingConfiguration = RoutingConfiguration()) {
        self.queue = queue
        self.configuration = configuration
        self.gate = configuration.groupCommit.gate()
    }

    public func register(in registry: inout JobHandlerRegistry) {
        registry.register(RoutingJob.self) { context, job in
            try await process(ticketID: job.ticketID, reason: job.reason, logger: context.logger)
        }
    }

    /// Routes one ticket; nil when it does not exist (deleted: nothing to do).
    @discardableResult
    public func process(ticketID: TicketID, reason: RoutingJob.Reason, logger: Logger? = nil) async throws -> RoutingOutcome? {
        var logger = logger ?? queue.logger
        logger[metadataKey: "ticket_id"] = "\(ticketID)"
        let outcome = try await gate.submit(Request(ticketID: ticketID, reason: reason)) { [logger] requests in
            try await route(together: requests, logger: logger)
        }
        if let outcome {
            logger.info("ticket routed", metadata: ["outcome": "\(outcome)", "reason": "\(reason.rawValue)"])
        } else {
            logger.warning("ticket to route not found")
        }
        return outcome
    }

    /// Jobs waiting to share the next transaction (tests watch it).
    var jobsWaiting: Int { gate.waitingCount }

    /// Routes the tickets one after another in one transaction, in the order given. Each sees the
    /// assignments the ones before it made (``StaffCandidate`` loads are kept in memory: `staff_load`
    /// moves at commit); a ticket listed twice is routed again on its row as the first routing left it.
    private func route(together requests: [Request], logger: Logger) async throws -> [RoutingOutcome?] {
        let (configuration, base) = (self.configuration, queue.logger)
        return try await queue.transaction { connection, jobs in
            let locked = try await RoutingTicket.lock(requests.map(\.ticketID), on: connection, logger: logger)
            let now = configuration.now()
            var roster: [StaffCandidate]?
            var routed: [RoutedTicket?] = []
            var seen: Set<TicketID> = []
            for request in requests {
                // A shared run logs each ticket without the leading job's metadata.
                var ticketLogger = requests.count == 1 ? logger : base
                ticketLogger[metadataKey: "ticket_id"] = "\(request.ticketID)"
                let ticket = seen.insert(request.ticketID).inserted
                    ? locked[request.ticketID]
                    : try await RoutingTicket.lock([request.ticketID], on: connection, logger: ticketLogger)[request.ticketID]
                guard let ticket else {
                    routed.append(nil)
                    continue
                }
                let desk = try await configuration.desk.settings(at: ticket.deskVersion, on: connection, logger: ticketLogger)
                let staff: [StaffCandidate]
                if let roster {
                    staff = roster
                } else {
                    staff = try await StaffRoster.load(at: now, shifts: desk.shifts, on: connection, logger: ticketLogger)
                }
                let done = try await RoutingRun(
                    ticket: ticket, reason: request.reason, configuration: configuration, connection: connection, jobs: jobs,
                    logger: ticketLogger, now: now
                ).route(desk: desk, staff: staff)
                roster = staff.assigning(done.newAssignee, replacing: ticket.assigneeID, active: done.isActive, at: now)
                routed.append(done)
            }
            var staff = roster ?? []
            try await IncidentDetection(configuration: configuration, connection: connection, jobs: jobs, logger: logger)
                .run(&routed, staff: &staff)
            if requests.count > 1 {
                try await StaffLoadLock.take(for: routed.compactMap { $0 }, on: connection, logger: logger)
            }
            return routed.map { $0?.outcome }
        }
    }
}
