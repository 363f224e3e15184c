import Arbitration
import Foundation
import Escalation
import Intake
import JobQueue
import Logging
import Notifications
import Routing
import PostgresNIO
import SupportSchema
import SupportStore

/// The job handlers a worker process of each kind registers.
///
/// A job whose kind has no handler is moved to `job_dead` with an error naming the kind, so nothing is
/// lost: once a release registers the handler, `support jobs retry` runs it.
public enum WorkerHandlers {
    public static func registry(
        for kind: WorkerKind, client: PostgresClient, notifications: NotificationsConfiguration = NotificationsConfiguration(),
        arbitration: ArbitrationConfiguration = ArbitrationConfiguration(),
        logger: Logger
    ) -> JobHandlerRegistry {
        // The pipeline issues (intake, routing, SLA/notify, disputes) register their handlers here.
        var registry = JobHandlerRegistry()
        switch kind {
        case .intake:
            let configuration = settings(
                IntakeConfiguration(), "intake runs with its default settings (no FAQ bot, no LLM drafts)", logger: logger
            ) { try IntakeConfiguration(environment: $0) }
            IntakeHandler(queue: JobQueue(client: client, logger: logger), configuration: configuration).register(in: &registry)
        case .routing:
            let configuration = settings(RoutingConfiguration(), "routing runs with its default settings", logger: logger) {
                try RoutingConfiguration(environment: $0)
            }
            RoutingHandler(queue: JobQueue(client: client, logger: logger), configuration: configuration).register(in: &registry)
        case .escalation:
            SLAHandler(queue: JobQueue(client: client, logger: logger)).register(in: &registry)
            NotifyHandler(client: client, configuration: notifications).register(in: &registry)
            ReportRollupHandler(client: client, logger: logger).register(in: &registry)
        case .arbitration:
            DisputeHandler(queue: JobQueue(client: client, logger: logger), configuration: arbitration).register(in: &registry)
        }
        return registry
    }

    /// A worker's settings read from the environment; a bad variable is logged (`then` says what happens
    /// instead) and the worker runs with `defaults` rather than not at all.
    private static func settings<Settings>(
        _ defaults: Settings, _ then: String, logger: Logger, read: ([String: String]) throws -> Settings
    ) -> Settings {
        do {
            return try read(ProcessInfo.processInfo.environment)
        } catch {
            logger.error("\(error); \(then)")
            return defaults
        }
    }
}
