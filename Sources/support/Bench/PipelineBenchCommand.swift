import ArgumentParser
import Foundation
import JobQueue
import Logging
import PostgresMigrations
import PostgresNIO
import Synchronization
import SupportStore

/// `support bench pipeline`: intake→assigned latency at a sustained arrival rate, through real
/// `support worker intake` and `support worker routing` processes.
///
/// 1. Recreates the database `--bench-database` on the server, migrates it, loads the demo desk, puts
///    every staff member on shift with room for every ticket, and adds `--history` past requesters with
///    their tickets, so that PostgreSQL plans against tables of a desk in service.
/// 2. Arrivals are open-loop: request k is stored at start + k/rate the way the API stores it (raw item +
///    `intake` job), each from a new requester, with texts of every category (outages among them, so
///    incidents form as in life). The first `--warmup` seconds of them are not measured.
/// 3. The clock stops when the bench sees the assignee's notification: it LISTENs on the queue's wake-up
///    channel and reads new `assigned` notifications after each commit.
struct PipelineBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Benchmark intake→assigned latency at a sustained arrival rate with real worker processes."
    )

    @Option(help: "Arrivals per second.") var rate: Int = 200
    @Option(help: "Seconds of arrivals.") var seconds: Int = 20
    @Option(help: "Seconds of arrivals at the same rate before them, not measured (freshly started workers warm up).")
    var warmup: Int = 3
    @Option(help: "Intake worker processes.") var intakeProcs: Int = 1
    @Option(help: "Routing worker processes.") var routingProcs: Int = 1
    @Option(help: "Jobs each worker process runs at once.") var concurrency: Int = 16
    @Option(help: "Past requesters, each with one earlier ticket (2% still open), loaded before the run (0 for an empty desk).")
    var history: Int = 20_000
    @Option(help: "Database the benchmark drops, recreates and works in (on the server of DATABASE_URL).")
    var benchDatabase: String = "support_bench_pipeline"
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    static let peer = "support"

    func validate() throws {
        guard rate > 0 else { throw ValidationError("--rate must be positive, got \(rate)") }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive, got \(seconds)") }
        guard warmup >= 0 else { throw ValidationError("--warmup must not be negative, got \(warmup)") }
        guard intakeProcs > 0, routingProcs > 0 else { throw ValidationError("--intake-procs and --routing-procs must be positive") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive, got \(concurrency)") }
        guard history >= 0 else { throw ValidationError("--history must not be negative, got \(history)") }
        try ScratchDatabase.validate(benchDatabase, option: "--bench-database")
    }

    func run() async throws {
        var quiet = logging.makeLogger(label: "support.bench")
        quiet.logLevel = .error  // only the result lines matter here
        let logger = quiet
        let server = try database.settings()
        var settings = try ScratchDatabase.settings(benchDatabase, option: "--bench-database", server: server)
        settings.maxConnections = 40
        writeLine("# support bench pipeline: \(settings.redactedURL) rate=\(rate)/s seconds=\(seconds) warmup=\(warmup) history=\(history) intake=\(intakeProcs) routing=\(routingProcs) concurrency=\(concurrency)")
        try await PipelineBenchSetup(server: server, bench: settings, logger: logger, history: history).prepare()

        let environment = ["DATABASE_URL": settings.url, "SUPPORT_LOG_LEVEL": "warning"]
        let children = try (Array(repeating: "intake", count: intakeProcs) + Array(repeating: "routing", count: routingProcs)).map { kind in
            try ChildProcess(
                executable: SelfExecutable.url,
                arguments: ["worker", kind, "--http-port", "0", "--concurrency", "\(concurrency)"], environment: environment)
        }
        defer { children.forEach { $0.terminate() } }

        let result = try await settings.withClient(logger: logger) { client in
            try await PipelineBenchSetup.waitForWorkers(intakeProcs + routingProcs, client: client, logger: logger)
            return try await PipelineBenchRun(client: client, rate: rate, seconds: seconds, warmup: warmup, logger: logger).run()
        }
        let latencies = result.latencies
        for p in [50, 95, 99] {
            emit("intake_to_assigned_p\(p)_ms", percentile(latencies, p),
                 ["tickets": "\(latencies.count)", "rate": "\(rate)/s", "workers": "intake\(intakeProcs)+routing\(routingProcs)xconc\(concurrency)"])
        }
        emit("arrival_rate_per_s", result.achievedRate, ["sent": "\(result.sent)", "seconds": String(format: "%.3f", result.sendSeconds)])
        emit("assigned_ratio", Double(latencies.count) / Double(max(1, result.sent)),
             ["assigned": "\(latencies.count)", "sent": "\(result.sent)", "incidents": "\(result.incidents)"])
    }

    private func emit(_ metric: String, _ value: Double, _ extra: KeyValuePairs<String, String>) {
        emitBenchLine(peer: Self.peer, metric, value, extra)
    }
}
