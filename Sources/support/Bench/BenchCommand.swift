import ArgumentParser
import Foundation

/// `support bench …`: benchmarks that print `peer=… metric=… value=…` lines, like the peer harness.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (same output format as ../shared/bench/peers).",
        subcommands: [
            QueueBenchCommand.self, PipelineBenchCommand.self, IntakeBenchCommand.self, ReportsBenchCommand.self, StagesBenchCommand.self,
            PagesBenchCommand.self,
            QueueWorkerCommand.self,
            QueueProducerCommand.self,
        ]
    )
}

/// Where a benchmark keeps its tables: its own schema, reset on every run, so it never touches the
/// platform's data even when pointed at the platform's database.
struct BenchSchemaOptions: ParsableArguments {
    @Option(help: "Schema the benchmark creates (dropped and recreated) and works in.")
    var schema: String = "jobqueue_bench"

    func validate() throws {
        guard !schema.isEmpty, schema.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }),
              schema.first?.isLetter == true else {
            throw ValidationError("--schema must be a lower-case identifier (letters, digits, _), got \"\(schema)\"")
        }
        guard !["public", "pg_catalog", "information_schema"].contains(schema) else {
            throw ValidationError("--schema must not be \(schema): the benchmark drops and recreates it")
        }
    }
}

/// One result line in the peer harness's format: `peer=… metric=… value=… key=value…`.
func emitBenchLine(peer: String, _ metric: String, _ value: Double, _ extra: KeyValuePairs<String, String>) {
    var line = "peer=\(peer) metric=\(metric) value=\(String(format: "%.2f", value))"
    for (key, value) in extra { line += " \(key)=\(value)" }
    writeLine(line)
}

/// Nearest-rank percentile, as the peer harness computes it.
func percentile(_ values: [Double], _ p: Int) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let rank = Int((Double(p) / 100 * Double(sorted.count) + 0.5).rounded()) - 1
    return sorted[max(0, min(sorted.count - 1, rank))]
}
