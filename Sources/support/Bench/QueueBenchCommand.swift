import ArgumentParser
import Foundation
import JobQueue
import Logging
import PostgresMigrations
import PostgresNIO
import SupportStore

/// `support bench queue`: the peer harness's workload (../shared/bench/peers/README.md) for this queue.
///
/// 1. Enqueue `--jobs` no-op jobs (`{"i": n}`) in batches of `--batch` from one connection.
/// 2. Drain them with `--procs` worker processes, each connected and LISTENing before the clock starts
///    and released at once; each stops when the queue is empty. Clock: release → the last worker's end.
/// 3. Latency: one idle worker process; `--latency-jobs` single enqueues `--gap-ms` apart from a producer
///    process (`bench queue-producer`), each carrying the wall-clock time taken just before the enqueue
///    call; the handler's first statement measures.
struct QueueBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Benchmark the job queue: bulk enqueue, multi-process drain, enqueue→start latency."
    )

    @Option(help: "Jobs to enqueue and drain.") var jobs: Int = 100_000
    @Option(help: "Worker processes for the drain.") var procs: Int = 2
    @Option(help: "Jobs per enqueue call.") var batch: Int = 1000
    @Option(help: "Jobs each worker process runs at once (it claims up to twice that ahead).") var concurrency: Int = 512
    @Option(help: "Single jobs for the latency phase (0 skips it).") var latencyJobs: Int = 500
    @Option(help: "Pause after each latency enqueue, ms.") var gapMs: Int = 5
    @Flag(help: "Skip the enqueue and drain phases.") var skipDrain = false
    @OptionGroup var schema: BenchSchemaOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    static let peer = "swift-jobqueue"

    func validate() throws {
        guard jobs > 0 else { throw ValidationError("--jobs must be positive, got \(jobs)") }
        guard procs > 0 else { throw ValidationError("--procs must be positive, got \(procs)") }
        guard batch > 0 else { throw ValidationError("--batch must be positive, got \(batch)") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive, got \(concurrency)") }
        guard latencyJobs >= 0, gapMs >= 0 else { throw ValidationError("--latency-jobs and --gap-ms must be ≥ 0") }
    }

    func run() async throws {
        var logger = logging.makeLogger(label: "support.bench")
        logger.logLevel = .error  // only the result lines matter here
        let settings = try database.settings()
        let schemaName = schema.schema
        var configuration = settings.clientConfiguration
        configuration.options.additionalStartupParameters.append(("search_path", schemaName))
        let childEnvironment = ["DATABASE_URL": settings.url]

        writeLine("# support bench queue: \(settings.redactedURL) schema=\(schemaName) jobs=\(jobs) procs=\(procs) concurrency=\(concurrency)")
        if !skipDrain {
            try await resetSchema(settings: settings, configuration: configuration, logger: logger)
            try await enqueueAndDrain(configuration: configuration, environment: childEnvironment, logger: logger)
        }
        if latencyJobs > 0 {
            try await resetSchema(settings: settings, configuration: configuration, logger: logger)
            try await latency(environment: childEnvironment)
        }
    }

    private func resetSchema(settings: DatabaseSettings, configuration: PostgresClient.Configuration, logger: Logger) async throws {
        let name = schema.schema
        try await settings.withClient(logger: logger) { client in
            try await settings.checkReachable(client: client, logger: logger)
            try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(name) CASCADE"), logger: logger)
            try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(name)"), logger: logger)
        }
        try await withClient(configuration, logger: logger) { client in
            let migrations = JobQueueSchema.migrations.map { Migration(id: $0.id, sql: $0.sql) }
            try await Migrator(migrations: migrations).migrate(client: client, logger: logger)
        }
    }

    private func enqueueAndDrain(configuration: PostgresClient.Configuration, environment: [String: String],
                                 logger: Logger) async throws {
        let total = jobs
        let batchSize = batch
        let batches: [[NewJob]] = stride(from: 0, to: total, by: batchSize).map { start in
            (start..<min(start + batchSize, total)).map { i in
                NewJob(queue: "bench", kind: "noop", bytes: "{\"i\": \(i)}".utf8)
            }
        }
        let enqueueSeconds = try await withClient(configuration, logger: logger) { client in
            try await client.withConnection { connection in
                let started = ContinuousClock.now
                for jobs in batches {
                    try await JobQueue.enqueue(batch: jobs, on: connection, logger: logger)
                }
                return (ContinuousClock.now - started).seconds
            }
        }
        emit("enqueue_jobs_per_s", Double(total) / enqueueSeconds,
             ["jobs": "\(total)", "enqueue_batch": "\(batchSize)", "seconds": fmt3(enqueueSeconds)])
        try await withClient(configuration, logger: logger) { client in
            try await client.query("VACUUM ANALYZE job", logger: logger)
        }

        let children = try (0..<procs).map { _ in try spawnWorker(mode: "drain", environment: environment) }
        defer { children.forEach { $0.terminate() } }
        var iterators = children.map { $0.lines.makeAsyncIterator() }
        for index in children.indices {
            guard await children[index].line(startingWith: "ready", iterator: &iterators[index]) != nil else {
                throw ValidationError("drain worker \(index) exited before it was ready")
            }
        }
        let release = Date().timeIntervalSince1970
        for child in children { child.send("go") }
        var handled = 0
        var end = release
        var rss: [String] = []
        for index in children.indices {
            guard let line = await children[index].line(startingWith: "done", iterator: &iterators[index]) else {
                throw ValidationError("drain worker \(index) exited without reporting")
            }
            let f = fields(line)
            handled += Int(f["handled"] ?? "0") ?? 0
            end = max(end, Double(f["end"] ?? "0") ?? 0)
            rss.append("\(f["rss_before_kb"] ?? "?")->\(f["rss_after_kb"] ?? "?")")
        }
        for child in children { await child.waitUntilExit() }
        let seconds = end - release
        emit("drain_jobs_per_s", Double(handled) / seconds,
             ["jobs": "\(handled)", "workers": "\(procs)procxconc\(concurrency)", "seconds": fmt3(seconds)])
        writeLine("# drain worker RSS KiB (before->after): \(rss.joined(separator: " "))")
        let left = try await withClient(configuration, logger: logger) { client in
            let rows = try await client.query("SELECT count(*) FROM job", logger: logger)
            var count: Int64 = 0
            for try await value in rows.decode(Int64.self) { count = value }
            return count
        }
        if handled != total || left != 0 {
            FileHandle.standardError.write(Data("# WARNING \(Self.peer): handled \(handled) of \(total) jobs, \(left) left in the table\n".utf8))
        }
    }

    private func latency(environment: [String: String]) async throws {
        let child = try spawnWorker(mode: "latency", environment: environment, extra: ["--expect", "\(latencyJobs)"])
        defer { child.terminate() }
        var iterator = child.lines.makeAsyncIterator()
        guard await child.line(startingWith: "ready", iterator: &iterator) != nil else {
            throw ValidationError("latency worker exited before it was ready")
        }
        try await Task.sleep(for: .seconds(1))
        let producer = try ChildProcess(
            executable: SelfExecutable.url,
            arguments: ["bench", "queue-producer", "--schema", schema.schema, "--count", "\(latencyJobs)",
                        "--gap-ms", "\(gapMs)", "--log-level", "warning"],
            environment: environment
        )
        defer { producer.terminate() }
        var sent = producer.lines.makeAsyncIterator()
        guard await producer.line(startingWith: "sent", iterator: &sent) != nil else {
            throw ValidationError("latency producer exited before it sent its jobs")
        }
        guard let line = await child.line(startingWith: "latencies", iterator: &iterator) else {
            throw ValidationError("latency worker exited without reporting")
        }
        let samples = (fields(line)["ms"] ?? "").split(separator: ",").compactMap { Double($0) }
        for p in [50, 95, 99] {
            emit("latency_p\(p)_ms", percentile(samples, p),
                 ["samples": "\(samples.count)", "gap_ms": "\(gapMs)", "workers": "1procxconc\(concurrency)"])
        }
        await child.waitUntilExit()
    }

    private func spawnWorker(mode: String, environment: [String: String], extra: [String] = []) throws -> ChildProcess {
        try ChildProcess(
            executable: SelfExecutable.url,
            arguments: ["bench", "queue-worker", "--mode", mode, "--schema", schema.schema,
                        "--concurrency", "\(concurrency)", "--log-level", "warning"] + extra,
            environment: environment
        )
    }

    private func emit(_ metric: String, _ value: Double, _ extra: KeyValuePairs<String, String>) {
        emitBenchLine(peer: Self.peer, metric, value, extra)
    }

    private func fmt3(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// Runs `body` with a PostgresClient for `configuration`, shutting it down afterwards.
func withClient<T: Sendable>(
    _ configuration: PostgresClient.Configuration, logger: Logger, _ body: @Sendable (PostgresClient) async throws -> T
) async throws -> T {
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        return try await body(client)
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
