import ArgumentParser
import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportStore

/// `support bench reports`: times every report query on `--tickets` generated tickets.
///
/// The tickets live in their own schema (`--schema`, dropped and recreated; the platform's schema must
/// be migrated, since the tables are copied from it), filled in SQL with `generate_series`, indexed as
/// the migrations index `ticket`, vacuumed and analysed. The report rollup (support-0018) is then built
/// from scratch and refreshed after a day's worth of changes, both timed. Each query then runs `--runs`
/// times through `ReportStore` with `search_path` set to the schema; the lines give the median and the
/// worst run.
struct ReportsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Benchmark the report queries (summary, topics, agents) on generated tickets."
    )

    @Option(help: "Tickets to generate.") var tickets: Int = 1_000_000
    @Option(help: "Runs of each query (the first warms the cache too).") var runs: Int = 5
    @Flag(help: "Reuse the schema's data from an earlier run.") var reuse = false
    @Option(help: "Schema the benchmark creates (dropped and recreated) and works in.") var schema: String = "reports_bench"
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    static let peer = "swift-support"

    func validate() throws {
        guard tickets > 0 else { throw ValidationError("--tickets must be positive, got \(tickets)") }
        guard runs > 0 else { throw ValidationError("--runs must be positive, got \(runs)") }
        var options = BenchSchemaOptions()
        options.schema = schema
        try options.validate()
    }

    func run() async throws {
        var quiet = logging.makeLogger(label: "support.bench")
        quiet.logLevel = .error
        let logger = quiet
        let settings = try database.settings()
        var configuration = settings.clientConfiguration
        configuration.options.additionalStartupParameters.append(("search_path", "\(schema),public"))
        writeLine("# support bench reports: \(settings.redactedURL) schema=\(schema) tickets=\(tickets) runs=\(runs)")
        let (name, count, reuse) = (schema, tickets, reuse)
        do {
            try await measure(configuration: configuration, name: name, count: count, reuse: reuse, logger: logger)
        } catch let error as PSQLError {
            // PSQLError hides the server's message by design; a benchmark operator needs it.
            throw ValidationError("PostgreSQL: \(error.serverInfo?[.message] ?? String(reflecting: error))")
        }
    }

    /// Times the rollup: from scratch (every week of the year), then incrementally after a day's worth of
    /// changes (``ReportsBenchData/changes``); with `--reuse`, only the incremental refresh.
    private func refreshRollup(client: PostgresClient, fromScratch: Bool, count: Int, logger: Logger) async throws {
        let rollup = ReportRollup(client: client, logger: logger)
        let clock = ContinuousClock()
        if fromScratch {
            try await rollup.reset()
            let started = clock.now
            let weeks = try await rollup.refreshAll()
            emitBenchLine(peer: Self.peer, "reports_rollup_build_s", (clock.now - started).seconds, [
                "weeks": String(weeks), "tickets": String(count),
            ])
        }
        for sql in ReportsBenchData.changes {
            try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
        let dirty = try await client.query("SELECT count(DISTINCT week)::int FROM report_rollup_dirty", logger: logger)
            .collect().first?.decode(Int.self) ?? 0
        let started = clock.now
        let weeks = try await rollup.refreshAll()
        emitBenchLine(peer: Self.peer, "reports_rollup_refresh_s", (clock.now - started).seconds, [
            "weeks": String(weeks), "dirty_weeks": String(dirty), "tickets": String(count),
        ])
        try await client.query("VACUUM (ANALYZE) report_rollup_tally", logger: logger)
        try await client.query("VACUUM (ANALYZE) report_rollup_topic", logger: logger)
        let rows = try await client.query("SELECT count(*)::int FROM report_rollup_tally", logger: logger)
            .collect().first?.decode(Int.self) ?? 0
        emitBenchLine(peer: Self.peer, "reports_rollup_rows", Double(rows), ["tickets": String(count)])
    }

    private func measure(
        configuration: PostgresClient.Configuration, name: String, count: Int, reuse: Bool, logger: Logger
    ) async throws {
        try await withClient(configuration, logger: logger) { client in
            if !reuse {
                let clock = ContinuousClock()
                let started = clock.now
                try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(name) CASCADE"), logger: logger)
                try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(name)"), logger: logger)
                for sql in ReportsBenchData.tables + ReportsBenchData.fill(tickets: count) + ReportsBenchData.indexes {
                    try await client.withConnection { connection in
                        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                    }
                }
                let triggers = try await client.query(PostgresQuery(unsafeSQL: ReportsBenchData.triggers), logger: logger)
                    .collect().map { try $0.decode(String.self) }
                guard triggers.count == 2 else { throw ValidationError("expected the 2 rollup triggers on public.ticket, found \(triggers.count)") }
                for sql in triggers {
                    try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                }
                try await client.query("VACUUM (ANALYZE) ticket", logger: logger)
                try await client.query("VACUUM (ANALYZE) csat_agent_rating", logger: logger)
                emitBenchLine(peer: Self.peer, "reports_generate_s", (clock.now - started).seconds, ["tickets": String(count)])
            }
            try await refreshRollup(client: client, fromScratch: !reuse, count: count, logger: logger)
            let now = Date()
            let month = try ReportPeriod(from: now.addingTimeInterval(-30 * 86_400), to: now)
            let year = try ReportPeriod(from: now.addingTimeInterval(-365 * 86_400), to: now)
            var cases: [(String, String, @Sendable (ReportStore) async throws -> Void)] = []
            for (label, period) in [("30d", month), ("365d", year)] {
                for dimension in ReportDimension.allCases {
                    cases.append(("summary", "group_by=\(dimension.rawValue) period=\(label)", { store in
                        _ = try await store.summary(period, by: dimension, fastWithin: 3600, now: now)
                    }))
                }
                let bucket: ReportBucket = label == "30d" ? .day : .week
                cases.append(("topics", "bucket=\(bucket.rawValue) period=\(label)", { store in
                    _ = try await store.topics(period, bucket: bucket)
                }))
                cases.append(("agents", "period=\(label)", { store in _ = try await store.agents(period) }))
            }
            for (metric, detail, body) in cases {
                var times: [Double] = []
                for _ in 0..<runs {
                    let clock = ContinuousClock()
                    let started = clock.now
                    try await client.transaction(logger: logger) { connection in
                        let store = ReportStore(connection: connection, logger: logger)
                        try await store.prepare()
                        try await body(store)
                    }
                    times.append((clock.now - started).seconds * 1000)
                }
                emitBenchLine(peer: Self.peer, "report_\(metric)_ms", percentile(times, 50), [
                    "max_ms": String(format: "%.1f", times.max() ?? 0), "query": detail.replacingOccurrences(of: " ", with: ","),
                    "tickets": String(count),
                ])
            }
        }
    }
}
