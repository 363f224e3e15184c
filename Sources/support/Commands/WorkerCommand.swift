import Arbitration
import ArgumentParser
import Notifications
import Foundation
import SupportRuntime
import SupportSchema

extension WorkerKind: ExpressibleByArgument {}

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run one worker process of a kind: intake, routing, escalation or arbitration.",
        discussion: """
            Queues by kind: intake → intake; routing → routing; escalation → sla, notify, reports; arbitration → dispute.
            Run N copies of the same kind to scale it: processes share nothing but PostgreSQL. Serves \
            /health and /metrics on --http-port (default $SUPPORT_HTTP_PORT or 9100). SIGTERM stops \
            claiming, lets running jobs finish, and hands unstarted ones back.
            """
    )

    @Argument(help: "intake, routing, escalation or arbitration.") var kind: WorkerKind
    @Option(help: "Jobs of each queue this process runs at once.") var concurrency = 16
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var http: HTTPOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (1...1000).contains(concurrency) else { throw ValidationError("--concurrency: must be 1…1000, got \(concurrency)") }
    }

    func run() async throws {
        let name = ProcessInfo.processInfo.environment["SUPPORT_PROCESS_NAME"] ?? "worker-\(kind.rawValue)"
        let logger = logging.makeLogger(label: name)
        let settings = try database.settings()
        var process = WorkerProcess(
            kind: kind, processName: name, concurrency: concurrency,
            httpHost: http.resolvedHost(), httpPort: try http.resolvedPort(default: 9100)
        )
        process.notifications = try NotificationsConfiguration.fromEnvironment()
        process.arbitration = try ArbitrationConfiguration.fromEnvironment()
        try await ProcessHost(settings: settings, logger: logger).run { client in
            process.services(client: client, settings: settings, logger: logger)
        }
    }
}
