public import AsyncHTTPClient
public import JobQueue
public import Logging
import Foundation
import PostgresNIO
import SupportDomain
public import SupportSchema
import SupportStore

/// The arbitration worker's `dispute` jobs. Each names the dispute's generation when it was queued;
/// a dispute that moved on since makes the job a no-op, which is also what makes redelivery harmless.
///
/// - `open`: ask the respondent (`request_response`).
/// - `deadline`: apply the state's default rule (`deadline_missed`).
/// - `assign_arbiter`: draw among eligible arbiters, or flag and tell the owners when none is.
/// - `delivered`: a ruling was queued to both parties: open the appeal window or execute.
/// - `execute`: send the payout (outside any transaction), then record the answer.
public struct DisputeHandler: Sendable {
    public let queue: JobQueue
    public let http: HTTPClient
    public var configuration: ArbitrationConfiguration

    public init(queue: JobQueue, http: HTTPClient = .shared, configuration: ArbitrationConfiguration = ArbitrationConfiguration()) {
        self.queue = queue
        self.http = http
        self.configuration = configuration
    }

    public func register(in registry: inout JobHandlerRegistry) {
        registry.register(DisputeJob.self) { context, job in
            try await handle(job, logger: context.logger)
        }
    }

    /// A command the machine refuses although the generation matched: retrying cannot help, so the
    /// job is dead-lettered with the reason for ops.
    struct Refused: JobPermanentError, CustomStringConvertible {
        var error: DisputeTransitionError
        var description: String { "dispute job refused: \(error)" }
    }

    public func handle(_ job: DisputeJob, logger: Logger? = nil) async throws {
        var logger = logger ?? queue.logger
        logger[metadataKey: "dispute_id"] = "\(job.disputeID)"
        do {
            switch job.event {
            case .open: try await system(.requestResponse, job, logger: logger)
            case .deadline: try await system(.deadlineMissed, job, logger: logger)
            case .delivered: try await system(.decisionDelivered, job, logger: logger)
            case .assignArbiter: try await draw(job, logger: logger)
            case .execute: try await execute(job, logger: logger)
            }
        } catch let error as DisputeTransitionError {
            if error.code == .deadlineNotReached {
                throw JobSnooze(for: .seconds(60), reason: "dispute deadline not reached yet")
            }
            throw Refused(error: error)
        } catch DisputeDesk.Failure.notFound(let id) {
            logger.warning("dispute job for a missing dispute", metadata: ["dispute_id": "\(id)"])
        }
    }

    private func system(_ command: DisputeCommand, _ job: DisputeJob, logger: Logger) async throws {
        let step = try await queue.transaction { connection, jobs in
            try await DisputeDesk(connection: connection, jobs: jobs, logger: logger)
                .apply(command, by: .system, role: nil, to: job.disputeID, expect: job.generation)
        }
        if let step { logger.info("dispute moved", metadata: ["from": "\(step.before.state)", "to": "\(step.after.state)"]) }
    }

    private func draw(_ job: DisputeJob, logger: Logger) async throws {
        try await queue.transaction { connection, jobs in
            guard let row = try await DisputeRow.load(job.disputeID, lock: true, on: connection, logger: logger),
                row.record.generation == job.generation, row.record.seat == nil, !row.record.state.isTerminal
            else { return }
            let settings = try await DisputeSettingsStore.load(on: connection, logger: logger)
            let record = row.record
            let candidates = try await ArbiterCandidates.load(
                parties: record.parties.union(record.deal.parties), excludingTicket: row.ticketID, on: connection, logger: logger)
            let drawing = ArbiterDraw(
                candidates: candidates, parties: record.parties.union(record.deal.parties), recused: record.recused,
                firstArbiter: record.isAppeal ? record.arbiter : nil, conflictWindowDays: settings.conflictWindowDays, now: Date())
            var generator = SystemRandomNumberGenerator()
            let decision = drawing.draw(using: &generator)
            logger.info("arbiter draw", metadata: ["why": "\(decision.why)"])
            let desk = DisputeDesk(connection: connection, jobs: jobs, logger: logger)
            guard let chosen = decision.arbiter, let roles = candidates.first(where: { $0.id == chosen })?.roles else {
                try await desk.escalateToOwners(job.disputeID, reason: decision.why, generation: job.generation)
                return
            }
            try await desk.apply(.assignArbiter(chosen, roles: roles), by: .system, role: nil, to: job.disputeID, expect: job.generation)
        }
    }

    private func execute(_ job: DisputeJob, logger: Logger) async throws {
        let loaded = try await queue.client.withConnection { connection in
            try await DisputeRow.load(job.disputeID, lock: false, on: connection, logger: logger)
        }
        guard let row = loaded, row.record.generation == job.generation, row.record.state == .executing,
            let outcome = row.record.effectiveDecision?.outcome
        else { return }
        let result = await PayoutSender(http: http, configuration: configuration).send(outcome, dispute: row.record, dealRef: row.dealRef)
        try await queue.transaction { connection, jobs in
            let desk = DisputeDesk(connection: connection, jobs: jobs, logger: logger)
            switch result {
            case .confirmed:
                // The bot confirmed the one payout (one key): it counts even if a deadline moved the
                // generation meanwhile, as long as the dispute still waits for it.
                guard let now = try await DisputeRow.load(job.disputeID, lock: true, on: connection, logger: logger),
                    now.record.state == .executing
                else { return }
                try await desk.apply(.executionConfirmed, by: .system, role: nil, to: job.disputeID)
            case .failed(let reason):
                logger.warning("payout failed", metadata: ["reason": "\(reason)"])
                try await connection.query(
                    """
                    UPDATE dispute SET execution_attempts = execution_attempts + 1, last_execution_error = \(reason)
                    WHERE id = \(job.disputeID.rawValue) AND generation = \(job.generation)
                    """, logger: logger)
                try await desk.apply(.executionFailed(reason: reason), by: .system, role: nil, to: job.disputeID, expect: job.generation)
            }
        }
    }
}
