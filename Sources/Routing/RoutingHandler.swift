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
    private let gate: GroupCommitGate<RoutingRequest, RoutingOutcome?>

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
        let outcome = try await gate.submit(RoutingRequest(ticketID: ticketID, reason: reason)) { [logger] requests in
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

    private func route(together requests: [RoutingRequest], logger: Logger) async throws -> [RoutingOutcome?] {
        let (configuration, base) = (self.configuration, queue.logger)
        return try await queue.transaction { connection, jobs in
            try await RoutingTransaction(
                configuration: configuration, connection: connection, jobs: jobs, logger: logger, base: base
            ).run(requests)
        }
    }
}
