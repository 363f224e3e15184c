import ArgumentParser
import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// `support bench stages`: the throughput of each worker kind on its own, at `--procs` processes.
///
/// It stores `--tickets` web requests the way the API does (raw item + `intake` job), then runs the
/// stages one after the other: `--procs` intake workers drain the intake queue (which fills the routing
/// and notify queues), then routing workers drain routing, then escalation workers drain notify. Each
/// stage's clock starts once all its processes have registered with the queue and stops when its
/// queues have nothing ready, running or due; the figure is the jobs left at the start over that time.
struct StagesBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "Benchmark the throughput of each worker kind (intake, routing, escalation) at N processes."
    )

    @Option(help: "Requests to store before the stages run.") var tickets = 3000
    @Option(help: "Worker processes per stage.") var procs = 1
    @Option(help: "Jobs each worker process runs at once.") var concurrency = 16
    @Option(help: "Database the benchmark drops, recreates and works in (on the server of DATABASE_URL).")
    var benchDatabase = "support_bench_stages"
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    /// The stages in pipeline order, with the queues each drains (SLA jobs are timers, not load).
    static let stages: [(kind: WorkerKind, queues: [String])] = [(.intake, ["intake"]), (.routing, ["routing"]), (.escalation, ["notify"])]

    func validate() throws {
        guard tickets > 0 else { throw ValidationError("--tickets must be positive, got \(tickets)") }
        guard (1...16).contains(procs) else { throw ValidationError("--procs must be 1…16, got \(procs)") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive, got \(concurrency)") }
        try ScratchDatabase.validate(benchDatabase, option: "--bench-database")
    }

    func run() async throws {
        var quiet = logging.makeLogger(label: "support.bench")
        quiet.logLevel = .error
        let logger = quiet
        let server = try database.settings()
        let settings = try ScratchDatabase.settings(benchDatabase, option: "--bench-database", server: server)
        writeLine("# support bench stages: \(settings.redactedURL) tickets=\(tickets) procs=\(procs) concurrency=\(concurrency)")
        try await PipelineBenchSetup(server: server, bench: settings, logger: logger).prepare()
        try await settings.withClient(logger: logger) { client in
            try await store(client: client, logger: logger)
            for stage in Self.stages {
                try await measure(stage.kind, queues: stage.queues, settings: settings, client: client, logger: logger)
            }
        }
    }

    /// The requests, 32 at a time, through `InboundStore` as the API stores them.
    private func store(client: PostgresClient, logger: Logger) async throws {
        let queue = JobQueue(client: client, logger: logger, wakeLocalWorkers: false)
        for start in stride(from: 0, to: tickets, by: 32) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in start..<min(start + 32, tickets) {
                    group.addTask {
                        let form = ["email": "stage\(k)@example.com", "name": "Stage \(k)", "body": PipelineBenchRun.texts[k % PipelineBenchRun.texts.count]]
                        _ = try await InboundStore(queue: queue).receive(NewInboundItem(
                            channel: .web, dedupeKey: "stage-\(k)", raw: Array(try JSONSerialization.data(withJSONObject: form)),
                            contentType: "application/json"))
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    private func measure(_ kind: WorkerKind, queues: [String], settings: DatabaseSettings, client: PostgresClient, logger: Logger) async throws {
        func count(_ sql: PostgresQuery) async throws -> Int {
            try await client.query(sql, logger: logger).collect().first?.decode(Int.self) ?? 0
        }
        // A desk in service has statistics (autovacuum); one filled within seconds has none yet, and the
        // planner then picks plans no running desk would see.
        _ = try await client.query("ANALYZE", logger: logger).collect()
        let environment = ["DATABASE_URL": settings.url, "SUPPORT_LOG_LEVEL": "error"]
        let children = try (0..<procs).map { _ in
            try ChildProcess(executable: SelfExecutable.url, arguments: ["worker", kind.rawValue, "--http-port", "0", "--concurrency", "\(concurrency)"],
                             environment: environment)
        }
        let registered = ContinuousClock.now + .seconds(60)
        while try await count("SELECT count(*)::int FROM job_worker WHERE queues && \(queues)::text[]") < procs {
            guard ContinuousClock.now < registered else { throw ValidationError("the \(kind) workers did not register within 60 s") }
            try await Task.sleep(for: .milliseconds(10))
        }
        let left: PostgresQuery = "SELECT count(*)::int FROM job WHERE queue = ANY(\(queues)) AND (state IN (0, 1) OR (state = 2 AND run_at <= now()))"
        // Polled every 100 ms, and only "any left?": counting every 20 ms took a third of a core from the workers.
        let anyLeft: PostgresQuery = """
            SELECT count(*)::int FROM (SELECT 1 FROM job WHERE queue = ANY(\(queues))
                AND (state IN (0, 1) OR (state = 2 AND run_at <= now())) LIMIT 1) AS j
            """
        let started = ContinuousClock.now
        let backlog = try await count(left)
        while try await count(anyLeft) > 0 { try await Task.sleep(for: .milliseconds(100)) }
        let seconds = (ContinuousClock.now - started).seconds
        children.forEach { $0.terminate() }
        for child in children { await child.waitUntilExit() }
        emitBenchLine(peer: "support", "\(kind.rawValue)_jobs_per_s", Double(backlog) / max(seconds, 0.001),
                      ["jobs": "\(backlog)", "seconds": String(format: "%.2f", seconds), "procs": "\(procs)", "concurrency": "\(concurrency)"])
    }
}
