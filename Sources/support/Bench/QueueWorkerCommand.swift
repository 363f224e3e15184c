import ArgumentParser
import Foundation
import JobQueue
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// `support bench queue-worker`: one worker process for `bench queue` and the queue's process tests.
///
/// Handlers: `noop` (counts), `latency` (payload `{"t": epoch}`; records now − t), `hold` (payload
/// `{"ms": n}`; sleeps), `record` (inserts a row into `--record-table`).
/// Protocol on stdout: `ready` once connected and LISTENing; in drain mode it then waits for `go` on stdin
/// and prints `done handled=… end=… rss_before_kb=… rss_after_kb=…`; in latency mode it prints
/// `latencies ms=a,b,…` after `--expect` jobs; serve mode runs until SIGTERM.
struct QueueWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-worker",
        abstract: "One queue worker process for benchmarks and tests.",
        shouldDisplay: false
    )

    enum Mode: String, ExpressibleByArgument { case drain, latency, serve }

    @Option(help: "drain, latency or serve.") var mode: Mode = .serve
    @Option(help: "Schema to work in (search_path); empty for the connection's default.") var schema: String = ""
    @Option(help: "Queue to consume.") var queue: String = "bench"
    @Option(help: "Jobs run at once.") var concurrency: Int = 256
    @Option(help: "Latency mode: samples to collect before exiting.") var expect: Int = 500
    @Option(help: "Table the `record` handler inserts (job_id, kind, worker, attempt) into.") var recordTable: String?
    @Option(help: "Periodic job NAME:SECONDS enqueuing kind `record` on --queue (repeatable).") var periodic: [String] = []
    @Option(help: "Fallback poll interval, ms.") var pollMs: Int = 1000
    @Option(help: "Worker id (default host-pid-random).") var workerId: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive, got \(concurrency)") }
        if let recordTable, !recordTable.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) {
            throw ValidationError("--record-table must be a lower-case identifier, got \"\(recordTable)\"")
        }
        for spec in periodic where Self.parsePeriodic(spec) == nil {
            throw ValidationError("--periodic must be NAME:SECONDS, got \"\(spec)\"")
        }
    }

    static func parsePeriodic(_ spec: String) -> (String, Int)? {
        let parts = spec.split(separator: ":")
        guard parts.count == 2, let seconds = Int(parts[1]), seconds > 0 else { return nil }
        return (String(parts[0]), seconds)
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "support.bench.worker")
        let settings = try database.settings()
        var clientConfiguration = settings.clientConfiguration
        var connectionConfiguration = settings.connectionConfiguration
        if !schema.isEmpty {
            clientConfiguration.options.additionalStartupParameters.append(("search_path", schema))
            connectionConfiguration.options.additionalStartupParameters.append(("search_path", schema))
        }
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)

        let handled = Atomic<Int>(0)
        let samples = Mutex<[Double]>([])
        let expect = self.expect
        let (allSampled, sampledContinuation) = AsyncStream.makeStream(of: Void.self)
        var handlers = JobHandlerRegistry()
        handlers.register("noop") { _, _ in handled.add(1, ordering: .relaxed) }
        handlers.register("latency") { _, payload in
            let now = Date().timeIntervalSince1970
            let t = (try? JSONDecoder().decode(Stamp.self, from: Data(payload.readableBytesView)))?.t ?? now
            let count = samples.withLock { samples in
                samples.append((now - t) * 1000)
                return samples.count
            }
            if count == expect { sampledContinuation.yield() }
        }
        handlers.register("hold") { _, payload in
            let ms = (try? JSONDecoder().decode(Hold.self, from: Data(payload.readableBytesView)))?.ms ?? 1000
            try await Task.sleep(for: .milliseconds(ms))
        }
        let table = recordTable
        let workerLabel = workerId ?? "worker"
        handlers.register("record") { context, _ in
            guard let table else { return }
            try await client.query(
                "INSERT INTO \(unescaped: table) (job_id, kind, worker, attempt) VALUES (\(context.id.rawValue), \(context.kind), \(workerLabel), \(Int32(context.attempt)))",
                logger: context.logger
            )
        }

        var configuration = JobWorkerConfiguration(queues: [queue: concurrency], workerID: workerId)
        configuration.pollInterval = .milliseconds(pollMs)
        if mode == .drain {
            configuration.stopWhenIdle = true
            configuration.startGate = {
                writeLine("ready")
                await readLineOffPool()
            }
        } else {
            configuration.startGate = {
                writeLine("ready")
            }
        }
        let periodicJobs = periodic.compactMap(Self.parsePeriodic).map { name, seconds in
            PeriodicJob(name: name, every: .seconds(seconds), job: NewJob(queue: queue, kind: "record", bytes: "{}".utf8))
        }
        let worker = JobWorker(
            client: client, connection: connectionConfiguration, configuration: configuration, handlers: handlers,
            periodic: periodicJobs, logger: logger
        )

        switch mode {
        case .drain:
            let before = residentKiB()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                try await worker.run()
                let end = Date().timeIntervalSince1970
                writeLine("done handled=\(handled.load(ordering: .relaxed)) end=\(end) rss_before_kb=\(before) rss_after_kb=\(residentKiB())")
                group.cancelAll()
            }
        case .latency:
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                group.addTask { try await worker.run() }
                var iterator = allSampled.makeAsyncIterator()
                _ = await iterator.next()
                let values = samples.withLock { $0 }
                writeLine("latencies ms=" + values.map { String(format: "%.3f", $0) }.joined(separator: ","))
                group.cancelAll()
            }
        case .serve:
            let group = ServiceGroup(
                configuration: .init(
                    services: [
                        .init(service: client),
                        .init(service: worker, successTerminationBehavior: .gracefullyShutdownGroup),
                    ],
                    gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger
                )
            )
            try await group.run()
        }
    }

    private struct Stamp: Decodable { var t: Double }
    private struct Hold: Decodable { var ms: Int }
}

/// Waits for one line on stdin without blocking a cooperative-pool thread.
func readLineOffPool() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let thread = Thread {
            _ = readLine()
            continuation.resume()
        }
        thread.start()
    }
}
