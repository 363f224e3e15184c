import ArgumentParser
import AsyncHTTPClient
import Foundation
import HummingbirdBcrypt
import Logging
import NIOCore
import PostgresNIO
import SupportStore

/// `support bench pages`: the time of every console and portal page on a desk of `--tickets` tickets.
///
/// A scratch database (`--bench-database`, dropped and recreated) gets the migrations, the demo desk
/// and `PagesBenchData`; an API process serves it; the owner, an agent and a requester sign in through
/// the pages' own forms; then each page is fetched `--runs` times in turn over loopback HTTP. The time
/// is the client's, so it includes one loopback round trip (well under a millisecond) on top of the
/// server's. Lines give the median, the 99th percentile and the worst run per page.
struct PagesBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Benchmark the console and portal pages on a desk with many tickets."
    )

    @Option(help: "Tickets to generate.") var tickets: Int = 100_000
    @Option(help: "Fetches of each page (after one warm-up).") var runs: Int = 30
    @Option(help: "Scratch database (dropped and recreated) on the server of DATABASE_URL.") var benchDatabase = "support_pages_bench"
    @Option(help: "Port for the benchmark's API process.") var apiPort: Int = 18_093
    @Flag(help: "Reuse the scratch database from an earlier run.") var reuse = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard tickets > 0 else { throw ValidationError("--tickets must be positive, got \(tickets)") }
        guard runs > 0 else { throw ValidationError("--runs must be positive, got \(runs)") }
        guard (1...65535).contains(apiPort) else { throw ValidationError("--api-port must be a TCP port, got \(apiPort)") }
        try ScratchDatabase.validate(benchDatabase, option: "--bench-database")
    }

    func run() async throws {
        do {
            try await measure()
        } catch let error as PSQLError {
            // PSQLError hides the server's message by design; a benchmark operator needs it.
            throw ValidationError("PostgreSQL: \(error.serverInfo?[.message] ?? String(reflecting: error))")
        }
    }

    private func measure() async throws {
        var quiet = logging.makeLogger(label: "support.bench")
        quiet.logLevel = .error
        let logger = quiet
        let server = try database.settings()
        let settings = try ScratchDatabase.settings(benchDatabase, option: "--bench-database", server: server)
        writeLine("# support bench pages: \(settings.redactedURL) tickets=\(tickets) runs=\(runs)")
        if !reuse {
            let started = ContinuousClock.now
            let hash = Bcrypt.hash(DemoSeed.password, cost: 4)
            try await PipelineBenchSetup(server: server, bench: settings, logger: logger, passwordHash: hash).prepare()
            try await settings.withClient(logger: logger) { client in
                try await client.query("UPDATE requester SET password_hash = \(hash) WHERE contract_email = 'ivan@example.com'", logger: logger)
                try await client.withConnection { connection in
                    for sql in PagesBenchData.fill(tickets: tickets) { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
                }
            }
            emitBenchLine(peer: "support", "pages_generate_s", (ContinuousClock.now - started).seconds, ["tickets": String(tickets)])
        }
        let child = try ChildProcess(
            executable: SelfExecutable.url, arguments: ["api", "--http-port", "\(apiPort)"],
            environment: ["DATABASE_URL": settings.url, "SUPPORT_LOG_LEVEL": "warning"])
        defer { child.terminate() }
        // A sign-in answers 303 with the cookie; following it without the cookie would loop.
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        do {
            let base = "http://127.0.0.1:\(apiPort)"
            try await IntakeBenchCommand.waitForAPI(base, client: client)
            let pages = try await settings.withClient(logger: logger) { try await PagesBenchPlan.pages(database: $0, logger: logger) }
            try await PagesBenchPlan(http: client, base: base, runs: runs).measure(pages)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
