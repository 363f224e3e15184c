import Foundation
import PostgresNIO
import SupportTesting
import Testing

/// The benchmark commands, run small: not their speed (benchmarks measure that), but that every phase
/// runs through its real processes and reports every figure, so a figure quoted in Docs/ can be reproduced.
struct BenchCommandTests {
    @Test(.timeLimit(.minutes(5)))
    func queueBenchReportsEveryPhase() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let result = try await CommandResult.run(
                BuiltProducts.support,
                ["bench", "queue", "--jobs", "3000", "--latency-jobs", "40", "--gap-ms", "2", "--schema", "bench_smoke"],
                environment: ["DATABASE_URL": db.settings.url], timeout: .seconds(240))
            #expect(result.status == 0, "\(result.stderr)")
            let lines = Self.metrics(result.stdout)
            #expect((lines["enqueue_jobs_per_s"]?.value ?? 0) > 0, "\(result.stdout)")
            #expect((lines["drain_jobs_per_s"]?.value ?? 0) > 0, "\(result.stdout)")
            #expect(lines["drain_jobs_per_s"]?.fields["jobs"] == "3000", "\(result.stdout)")
            for p in ["p50", "p95", "p99"] {
                let line = try #require(lines["latency_\(p)_ms"], "\(result.stdout)")
                #expect(line.value > 0 && line.fields["samples"] == "40", "\(result.stdout)")
            }
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func pipelineBenchAssignsEveryRequest() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let scratch = "\(db.settings.database)_pipeline"
            let result = try await CommandResult.run(
                BuiltProducts.support,
                ["bench", "pipeline", "--rate", "10", "--seconds", "2", "--warmup", "1", "--history", "200", "--bench-database", scratch],
                environment: ["DATABASE_URL": db.settings.url], timeout: .seconds(240))
            try await Self.drop(scratch, near: db)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = Self.metrics(result.stdout)
            let assigned = try #require(lines["assigned_ratio"], "\(result.stdout)")
            #expect(assigned.fields["assigned"] == "20" && assigned.fields["sent"] == "20", "\(result.stdout)")
            #expect((lines["intake_to_assigned_p99_ms"]?.value ?? 0) > 0, "\(result.stdout)")
        }
    }

    /// `peer=… metric=NAME value=V k=v…` lines by metric name.
    static func metrics(_ output: String) -> [String: (value: Double, fields: [String: String])] {
        var result: [String: (value: Double, fields: [String: String])] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("peer=") {
            let fields = ChaosTests.fields(String(line))
            guard let name = fields["metric"], let value = fields["value"].flatMap(Double.init) else { continue }
            result[name] = (value, fields)
        }
        return result
    }

    static func drop(_ database: String, near db: TestDatabase) async throws {
        let logger = db.logger
        try await TestDatabase.clusterSettings().withClient(logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)"), logger: logger)
        }
    }
}
