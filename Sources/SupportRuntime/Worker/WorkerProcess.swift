import Arbitration
import JobQueue
import Notifications
import Logging
import PostgresNIO
import ServiceLifecycle
import SupportSchema
import SupportStore

/// The services of one `support worker KIND` process: the job worker for the kind's queues and the
/// `/health` + `/metrics` server.
public struct WorkerProcess: Sendable {
    public var kind: WorkerKind
    public var processName: String
    /// Jobs of each queue this process runs at once.
    public var concurrency: Int
    public var httpHost: String
    public var httpPort: Int
    /// Where the escalation worker's notifications go out.
    public var notifications = NotificationsConfiguration()
    /// Where the arbitration worker sends payouts.
    public var arbitration = ArbitrationConfiguration()

    public init(kind: WorkerKind, processName: String, concurrency: Int, httpHost: String, httpPort: Int) {
        self.kind = kind
        self.processName = processName
        self.concurrency = concurrency
        self.httpHost = httpHost
        self.httpPort = httpPort
    }

    public func services(client: PostgresClient, settings: DatabaseSettings, logger: Logger) -> [any Service] {
        MetricsSetup.bootstrap()
        var configuration = JobWorkerConfiguration(
            queues: Dictionary(uniqueKeysWithValues: kind.queues.map { ($0.rawValue, concurrency) })
        )
        configuration.workerID = "\(processName)-\(configuration.workerID)"
        // No handler of the platform legitimately runs this long; one that does is stuck (seen after a
        // PostgreSQL restart) and its job is better retried than held.
        configuration.handlerTimeout = .seconds(120)
        let worker = JobWorker(
            client: client, connection: settings.connectionConfiguration, configuration: configuration,
            handlers: WorkerHandlers.registry(
                for: kind, client: client, notifications: notifications, arbitration: arbitration, logger: logger),
            periodic: Self.periodicJobs(for: kind),
            logger: logger
        )
        let health = HealthCheck(
            process: processName, client: client, migrator: SchemaCatalog.migrator,
            listenState: { worker.isListening }
        )
        let name = processName
        let server = OpsServer.build(health: health, host: httpHost, port: httpPort, logger: logger) { port in
            logger.info("worker serving /health and /metrics", metadata: ["process": "\(name)", "port": "\(port)"])
        }
        // The SLA scaling signal comes from the processes that run the SLA queue.
        return kind == .escalation ? [worker, server, SLARiskSampler(client: client, logger: logger)] : [worker, server]
    }

    /// The periodic jobs whose queue the kind consumes (its leader enqueues them): the report rollup's
    /// refresh for the escalation workers.
    public static func periodicJobs(for kind: WorkerKind) -> [PeriodicJob] {
        [ReportRollupHandler.periodicJob].filter { kind.queues.map(\.rawValue).contains($0.job.queue) }
    }
}
