import ArgumentParser
import AsyncHTTPClient
import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportRuntime
import SupportSchema
import SupportStore

/// `support chaos`: the platform as separate processes under a supervisor, tickets through the real
/// Telegram webhook, and meanwhile kill -9 of workers, cut LISTEN connections and one PostgreSQL
/// restart. Then it checks that nothing was lost or done twice and prints the longest rescue time.
struct ChaosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaos",
        abstract: "Feed tickets through the platform while killing its processes; check nothing is lost or duplicated.",
        discussion: """
            Recreates the database --chaos-database on the server of DATABASE_URL (migrated, demo desk, \
            everyone on shift), starts the API and --processes-per-kind workers of each kind as child \
            processes (restarted when they die), and a local stand-in for the Telegram Bot API that counts \
            deliveries. It posts --tickets Telegram updates to the API's webhook at --rate per second \
            (re-sending until accepted), kills a random worker with SIGKILL every --kill-every seconds, \
            terminates the workers' LISTEN backends every --listen-cut-every seconds and runs \
            --postgres-restart-command once when half the tickets are in. Once every ticket is in and the \
            queues are idle it prints the checks; the exit code is 1 if any fails.

            The default restart command restarts the local cluster (Deploy/local/pg.sh): run it from the \
            repository, against that cluster, and with nobody else using it. Pass "" to skip the restart.

            Example: support chaos --tickets 2000 --rate 100
            """
    )

    @Option(help: "Tickets to feed (one Telegram update from a new user each).") var tickets = 10_000
    @Option(help: "Updates per second.") var rate = 200
    @Option(help: "Seconds between SIGKILLs of a random worker process (0: none).") var killEvery = 2.0
    @Option(help: "Seconds between terminations of the workers' LISTEN backends (0: none).") var listenCutEvery = 5.0
    @Option(help: "Shell command run once, when half the tickets are in, to restart PostgreSQL (\"\": none).")
    var postgresRestartCommand = "Deploy/local/pg.sh restart"
    @Option(help: "Worker processes of each kind.") var processesPerKind = 2
    @Option(help: "Port for the API process.") var apiPort = 18_091
    @Option(help: "Seconds to wait, after the last ticket is in, for the queues to go idle.") var settleTimeout = 300
    @Option(help: "Database the run drops, recreates and works in (on the server of DATABASE_URL).")
    var chaosDatabase = "support_chaos"
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    static let secret = "chaos-webhook-secret"

    func validate() throws {
        guard tickets > 0 else { throw ValidationError("--tickets must be positive, got \(tickets)") }
        guard rate > 0 else { throw ValidationError("--rate must be positive, got \(rate)") }
        guard killEvery >= 0, listenCutEvery >= 0 else { throw ValidationError("--kill-every and --listen-cut-every must be 0 or more") }
        guard (1...8).contains(processesPerKind) else { throw ValidationError("--processes-per-kind must be 1…8, got \(processesPerKind)") }
        guard (1...65535).contains(apiPort) else { throw ValidationError("--api-port must be a TCP port, got \(apiPort)") }
        guard settleTimeout > 0 else { throw ValidationError("--settle-timeout must be positive, got \(settleTimeout)") }
        try ScratchDatabase.validate(chaosDatabase, option: "--chaos-database")
    }

    func run() async throws {
        var quiet = logging.makeLogger(label: "support.chaos")
        quiet.logLevel = .critical  // the database goes away on purpose; the result lines say what matters
        let logger = quiet
        let server = try database.settings()
        let settings = try ScratchDatabase.settings(chaosDatabase, option: "--chaos-database", server: server)
        writeLine("# support chaos: \(settings.redactedURL) tickets=\(tickets) rate=\(rate)/s kill-every=\(killEvery)s listen-cut-every=\(listenCutEvery)s processes-per-kind=\(processesPerKind)")
        try await PipelineBenchSetup(server: server, bench: settings, logger: logger).prepare()

        let sink = ChaosTelegramSink()
        let report = try await sink.run { telegram in
            try await settings.withClient(logger: logger) { client in
                try await runPlatform(settings: settings, telegram: telegram, client: client, sink: sink, logger: logger)
            }
        }
        report.lines.forEach(writeLine)
        if !report.passed { throw ExitCode(1) }
    }

    private func runPlatform(
        settings: DatabaseSettings, telegram: String, client: PostgresClient, sink: ChaosTelegramSink, logger: Logger
    ) async throws -> ChaosReport {
        var supervisor = Supervisor(executable: SelfExecutable.url, children: children(settings: settings, telegram: telegram), logger: logger)
        // Restart at once: a worker killed every few seconds must not back off for half a minute.
        supervisor.restartPolicy.maximum = .seconds(1)
        supervisor.stopTimeout = .seconds(10)
        let platform = supervisor
        return try await withThrowingTaskGroup(of: ChaosReport?.self) { group in
            group.addTask { try await platform.run(); return nil }
            let report = try await drive(client: client, sink: sink, logger: logger)
            group.cancelAll()  // SIGTERM to every child; the group waits for them to exit
            return report
        }
    }

    private func children(settings: DatabaseSettings, telegram: String) -> [ChildSpec] {
        let environment = [
            "DATABASE_URL": settings.url, "SUPPORT_LOG_LEVEL": ProcessInfo.processInfo.environment["SUPPORT_CHAOS_CHILD_LOG_LEVEL"] ?? "error", "TELEGRAM_WEBHOOK_SECRET": Self.secret,
            "TELEGRAM_BOT_TOKEN": "chaos", "TELEGRAM_API_BASE_URL": telegram,
        ]
        var specs = [ChildSpec(name: "api", arguments: ["api", "--http-port", "\(apiPort)"], environment: environment)]
        for kind in WorkerKind.allCases {
            for index in 1...processesPerKind {
                specs.append(ChildSpec(
                    name: "worker-\(kind.rawValue)-\(index)", arguments: ["worker", kind.rawValue, "--http-port", "0"], environment: environment))
            }
        }
        return specs
    }

    /// Feeds the tickets under chaos, waits for the platform to settle, and collects the checks.
    private func drive(client: PostgresClient, sink: ChaosTelegramSink, logger: Logger) async throws -> ChaosReport {
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: {
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
            return configuration
        }())
        do {
            let report = try await drive(client: client, http: http, sink: sink, logger: logger)
            try await http.shutdown()
            return report
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    private func drive(client: PostgresClient, http: HTTPClient, sink: ChaosTelegramSink, logger: Logger) async throws -> ChaosReport {
        let base = "http://127.0.0.1:\(apiPort)"
        try await PipelineBenchSetup.waitForWorkers(WorkerKind.allCases.count * processesPerKind, client: client, logger: logger)
        try await IntakeBenchCommand.waitForAPI(base, client: http)
        writeLine("chaos: platform up; feeding \(tickets) tickets")

        let feeder = ChaosFeeder(http: http, base: base, secret: Self.secret, tickets: tickets, rate: rate)
        let monkey = ChaosMonkey(
            client: client, killEvery: .milliseconds(Int(killEvery * 1000)), listenCutEvery: .milliseconds(Int(listenCutEvery * 1000)),
            restartCommand: postgresRestartCommand, logger: logger)
        let half = tickets / 2
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await monkey.run { feeder.accepted.load(ordering: .relaxed) >= half } }
            try await feeder.run()
            writeLine("chaos: all tickets accepted after \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s; waiting for the queues")
            // The chaos goes on until the last ticket is through intake, then stops so the rest can settle.
            try await waitUntil(timeout: .seconds(settleTimeout)) {
                try await client.query("SELECT count(*)::int FROM inbound_item WHERE status = 'received'", logger: logger)
                    .collect().first?.decode(Int.self) == 0
            }
            group.cancelAll()
        }
        writeLine("chaos: intake done after \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s; chaos stopped")
        // The last kills' rescues are timed while the queues settle, not after: timed after, a kill just
        // before the stop counted the whole settling as its rescue (21 s in a CI run whose rescue took 5).
        async let rescues = monkey.finishRescues(timeout: .seconds(settleTimeout + 30))
        let settled = try await waitUntil(timeout: .seconds(settleTimeout)) { try await ChaosReport.settled(client: client, logger: logger) }
        if !settled { writeLine("chaos: the queues did not go idle within \(settleTimeout) s") }
        let unrescued = await rescues
        writeLine("chaos: settled after \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s")

        var report = try await ChaosReport.collect(client: client, sink: sink.deliveries.withLock { $0 }, logger: logger)
        report.tickets = tickets
        report.notAccepted = tickets - feeder.accepted.load(ordering: .relaxed)
        report.resends = feeder.resends.load(ordering: .relaxed)
        report.unrescued = unrescued
        monkey.tally.withLock { tally in
            report.kills = tally.kills
            report.killsHoldingJobs = tally.killsHoldingJobs
            let seconds = tally.rescues.map(\.seconds).sorted()
            report.longestRescue = seconds.last ?? 0
            report.medianRescue = seconds.isEmpty ? 0 : seconds[seconds.count / 2]
            report.slowestRescues = tally.rescues.sorted { $0.seconds > $1.seconds }.prefix(3).map { ($0.seconds, $0.killedAt) }
            report.restartAt = tally.restartAt
            report.listenCuts = tally.listenCuts
            report.restarts = tally.restarts
            report.restartSeconds = tally.restartSeconds
        }
        return report
    }

    /// Polls `condition` (errors count as "not yet": the database may be restarting) until it holds or time runs out.
    /// Each poll is given up after 20 s: right after a restart a pooled query can go unanswered for good
    /// (``AbandonableCall``), and once that stopped the driver with every queue empty.
    @discardableResult
    private func waitUntil(timeout: Duration, _ condition: @escaping @Sendable () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await AbandonableCall.run(limit: .seconds(20), condition)) == true { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return false
    }
}
