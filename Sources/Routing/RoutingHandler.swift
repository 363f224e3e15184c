import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportSchema

/// The routing worker's job: classify, prioritise, detect incidents, choose line, team and assignee,
/// all in one transaction with the `notify` jobs it queues.
///
/// Idempotent under at-least-once delivery: the ticket row is locked; a second run keeps the stored
/// classification and the current assignee (who is not told twice), and incident links are only made
/// for reports not yet linked.
///
/// ```swift
/// var handlers = JobHandlerRegistry()
/// RoutingHandler(queue: JobQueue(client: client, logger: logger)).register(in: &handlers)
/// ```
public struct RoutingHandler: Sendable {
    public let queue: JobQueue
    public var configuration: RoutingConfiguration

    public init(queue: JobQueue, configuration: RoutingConfiguration = RoutingConfiguration()) {
        self.queue = queue
        self.configuration = configuration
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
        let configuration = self.configuration
        let outcome = try await queue.transaction { [logger] connection, jobs in
            guard let ticket = try await RoutingTicket.lock(ticketID, on: connection, logger: logger) else {
                return RoutingOutcome?.none
            }
            return try await RoutingRun(
                ticket: ticket, reason: reason, configuration: configuration, connection: connection, jobs: jobs,
                logger: logger
            ).run()
        }
        if let outcome {
            logger.info("ticket routed", metadata: ["outcome": "\(outcome)", "reason": "\(reason.rawValue)"])
        } else {
            logger.warning("ticket to route not found")
        }
        return outcome
    }
}
