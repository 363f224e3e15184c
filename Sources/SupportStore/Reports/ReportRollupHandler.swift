public import JobQueue
public import Logging
import NIOCore
public import PostgresNIO
import SupportSchema

/// The escalation worker's `report_rollup` job: refreshes the report rollup until no week is due.
///
/// The workers' leader enqueues it once a minute (``periodicJob``). It is idempotent: a redelivered run
/// recomputes the same weeks from the same tickets or finds nothing due, and a run that finds another
/// refresh holding the lock leaves the work to it (what that one did not see stays dirty for the next).
public struct ReportRollupHandler: Sendable {
    public let rollup: ReportRollup

    public init(client: PostgresClient, logger: Logger) {
        self.rollup = ReportRollup(client: client, logger: logger)
    }

    /// Once a minute: the reports stay exact without it (they read un-refreshed weeks from `ticket`), so
    /// the period only decides how much of a long report is read from the rollup.
    public static let periodicJob = PeriodicJob(
        name: "report_rollup", every: .seconds(60),
        job: NewJob(
            queue: QueueName.reports.rawValue, kind: ReportRollupJob.kind,
            payload: ByteBuffer(string: #"{"schema_version":\#(ReportRollupJob.currentSchemaVersion)}"#), maxAttempts: 5))

    public func register(in registry: inout JobHandlerRegistry) {
        let rollup = self.rollup
        registry.register(ReportRollupJob.self) { context, _ in
            let weeks = try await rollup.refreshAll()
            if weeks > 0 { context.logger.info("report rollup refreshed", metadata: ["weeks": "\(weeks)"]) }
        }
    }
}
