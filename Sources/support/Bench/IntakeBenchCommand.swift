import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization
import SupportStore

/// `support bench intake`: sustained inbound items per second through a real `support api` process
/// and real `support worker intake` processes, with the time from receipt to ticket.
///
/// Arrivals are open-loop Telegram updates (`POST /telegram/webhook`), each from a new user, at
/// `--rate` per second. Time to ticket is `inbound_item.processed_at − received_at`, both on the
/// database clock: from the API's insert to the end of intake's transaction that made the ticket.
struct IntakeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Benchmark inbound items per second and time to ticket through the API and intake worker processes."
    )

    @Option(help: "Arrivals per second.") var rate: Int = 200
    @Option(help: "Seconds of arrivals.") var seconds: Int = 20
    @Option(help: "Intake worker processes.") var intakeProcs: Int = 1
    @Option(help: "Jobs each worker process runs at once.") var concurrency: Int = 16
    @Option(help: "Port for the benchmark's API process.") var apiPort: Int = 18_090
    @Option(help: "Database the benchmark drops, recreates and works in (on the server of DATABASE_URL).")
    var benchDatabase: String = "support_bench_intake"
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    static let secret = "bench-webhook-secret"

    func validate() throws {
        guard rate > 0 else { throw ValidationError("--rate must be positive, got \(rate)") }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive, got \(seconds)") }
        guard intakeProcs > 0 else { throw ValidationError("--intake-procs must be positive, got \(intakeProcs)") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive, got \(concurrency)") }
        guard (1...65535).contains(apiPort) else { throw ValidationError("--api-port must be a TCP port, got \(apiPort)") }
        try ScratchDatabase.validate(benchDatabase, option: "--bench-database")
    }

    func run() async throws {
        var quiet = logging.makeLogger(label: "support.bench")
        quiet.logLevel = .error
        let logger = quiet
        let server = try database.settings()
        let settings = try ScratchDatabase.settings(benchDatabase, option: "--bench-database", server: server)
        writeLine("# support bench intake: \(settings.redactedURL) rate=\(rate)/s seconds=\(seconds) intake=\(intakeProcs) concurrency=\(concurrency)")
        try await PipelineBenchSetup(server: server, bench: settings, logger: logger).prepare()

        let environment = ["DATABASE_URL": settings.url, "SUPPORT_LOG_LEVEL": "warning", "TELEGRAM_WEBHOOK_SECRET": Self.secret]
        var children = try (0..<intakeProcs).map { _ in
            try ChildProcess(
                executable: SelfExecutable.url, arguments: ["worker", "intake", "--http-port", "0", "--concurrency", "\(concurrency)"],
                environment: environment)
        }
        children.append(try ChildProcess(
            executable: SelfExecutable.url, arguments: ["api", "--http-port", "\(apiPort)"], environment: environment))
        defer { children.forEach { $0.terminate() } }

        var http = HTTPClient.Configuration()
        http.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
        do {
            try await measure(client: client, settings: settings, logger: logger)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func measure(client: HTTPClient, settings: DatabaseSettings, logger: Logger) async throws {
        let base = "http://127.0.0.1:\(apiPort)"
        try await settings.withClient(logger: logger) { database in
            try await PipelineBenchSetup.waitForWorkers(intakeProcs, client: database, logger: logger)
            try await Self.waitForAPI(base, client: client)
            let sent = try await IntakeBenchLoad(http: client, base: base, secret: Self.secret, rate: rate, seconds: seconds).run()
            let report = try await IntakeBenchReport.collect(expecting: sent.accepted, client: database, logger: logger)
            let workers = "api1+intake\(intakeProcs)xconc\(concurrency)"
            for p in [50, 95, 99] {
                emit("time_to_ticket_p\(p)_ms", percentile(report.latencies, p), ["tickets": "\(report.latencies.count)", "rate": "\(rate)/s", "workers": workers])
            }
            emit("intake_items_per_s", report.itemsPerSecond, ["processed": "\(report.latencies.count)", "workers": workers])
            emit("api_accept_p99_ms", percentile(sent.acceptMillis, 99), ["accepted": "\(sent.accepted)", "refused": "\(sent.refused)"])
            emit("arrival_rate_per_s", Double(sent.accepted + sent.refused) / max(sent.sendSeconds, 0.001), ["seconds": String(format: "%.3f", sent.sendSeconds)])
            emit("ticket_ratio", Double(report.latencies.count) / Double(max(1, sent.accepted)), ["accepted": "\(sent.accepted)"])
        }
    }

    static func waitForAPI(_ base: String, client: HTTPClient) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let response = try? await client.execute(HTTPClientRequest(url: base + "/health"), timeout: .seconds(2)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("the benchmark's API did not answer on \(base) within 60 s (is --api-port free?)")
    }

    private func emit(_ metric: String, _ value: Double, _ extra: KeyValuePairs<String, String>) {
        emitBenchLine(peer: "support", metric, value, extra)
    }
}
