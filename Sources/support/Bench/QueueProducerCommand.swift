import ArgumentParser
import Foundation
import JobQueue
import Logging
import PostgresNIO

/// `support bench queue-producer`: the latency phase's producer for `bench queue`, in a process of its own.
///
/// It runs on the event loops, as the worker processes (the platform's other producers) do and as the peer
/// harness's asyncio client does: the enqueue then leaves from the thread that owns its connection. From
/// Swift's pool each call first had to wake that thread: p50 was lower this way in 9 of 9 alternated pairs,
/// by 0.02–0.28 ms (Docs/PERFORMANCE.md). `bench queue`'s own bulk enqueue is faster on the pool, so only
/// this loop moved. Prints `sent n` when done.
struct QueueProducerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-producer",
        abstract: "The latency phase's producer for bench queue.",
        shouldDisplay: false
    )

    @Option(help: "Schema to work in (search_path); empty for the connection's default.") var schema: String = ""
    @Option(help: "Single jobs to enqueue.") var count: Int = 500
    @Option(help: "Pause after each enqueue, ms.") var gapMs: Int = 5
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be positive, got \(count)") }
        guard gapMs >= 0 else { throw ValidationError("--gap-ms must be ≥ 0, got \(gapMs)") }
    }

    func run() async throws {
        let logger = {
            var logger = logging.makeLogger(label: "support.bench.producer")
            logger.logLevel = .error
            return logger
        }()
        var configuration = try database.settings().clientConfiguration
        if !schema.isEmpty { configuration.options.additionalStartupParameters.append(("search_path", schema)) }
        let (count, gap) = (self.count, self.gapMs)
        try await withClient(configuration, logger: logger) { client in
            let queue = JobQueue(client: client, logger: logger, wakeLocalWorkers: false)
            // Warm the pool so the first sample does not pay for a connection.
            try await client.query("SELECT 1", logger: logger)
            for _ in 0..<count {
                let t = Date().timeIntervalSince1970
                try await queue.enqueue(NewJob(queue: "bench", kind: "latency", bytes: "{\"t\": \(t)}".utf8))
                try await Task.sleep(for: .milliseconds(gap))
            }
        }
        writeLine("sent \(count)")
    }
}
