public import JobQueue
public import Logging
import PostgresNIO
public import SupportDomain
public import SupportSchema
import SupportStore

/// The escalation worker's `sla` job: a warning or breach falling due on one ticket.
///
/// In one transaction: lock the ticket; a job of an older `sla_generation` is stale and does nothing.
/// Otherwise recompute the clocks from the history; when the deadline really is due and was not yet
/// alarmed for this clock run, record `sla_warning`/`sla_breached`, carry out the ladder's plan
/// (notifications, reassignment, a move up the lines) and reschedule. Delivered twice, the second run
/// finds the alarm recorded (or the generation bumped) and does nothing.
public struct SLAHandler: Sendable {
    public let queue: JobQueue
    public var configuration: EscalationConfiguration

    public init(queue: JobQueue, configuration: EscalationConfiguration = EscalationConfiguration()) {
        self.queue = queue
        self.configuration = configuration
    }

    public func register(in registry: inout JobHandlerRegistry) {
        registry.register(SLAJob.self) { context, job in
            try await handle(job, logger: context.logger)
        }
    }

    @discardableResult
    public func handle(_ job: SLAJob, logger: Logger? = nil) async throws -> SLAOutcome {
        var logger = logger ?? queue.logger
        logger[metadataKey: "ticket_id"] = "\(job.ticketID)"
        let configuration = self.configuration
        let outcome = try await queue.transaction { [logger] connection, jobs in
            try await SLARun(job: job, configuration: configuration, connection: connection, jobs: jobs, logger: logger).run()
        }
        if case .escalated(let plan) = outcome {
            logger.info("sla alarm", metadata: ["clock": "\(job.clock.rawValue)", "deadline": "\(job.deadline.rawValue)", "why": "\(plan.why)"])
        }
        return outcome
    }
}
