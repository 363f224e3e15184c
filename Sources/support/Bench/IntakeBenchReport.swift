import Foundation
import Logging
import PostgresNIO

/// What the database says after an intake bench run: per item, receipt to ticket (ms), and the
/// throughput from the first receipt to the last ticket.
struct IntakeBenchReport: Sendable {
    var latencies: [Double]
    var itemsPerSecond: Double

    /// Waits (up to 120 s) until `expecting` items are processed, then reads the timings.
    static func collect(expecting: Int, client: PostgresClient, logger: Logger) async throws -> IntakeBenchReport {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let rows = try await client.query(
                "SELECT count(*)::int FROM inbound_item WHERE status <> 'received'", logger: logger).collect()
            if try rows.first?.decode(Int.self) ?? 0 >= expecting { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let latencies = try await client.query(
            """
            SELECT (extract(epoch FROM processed_at - received_at) * 1000)::float8 FROM inbound_item
            WHERE status = 'processed' AND ticket_id IS NOT NULL
            """, logger: logger
        ).collect().map { try $0.decode(Double.self) }
        let span = try await client.query(
            """
            SELECT coalesce(extract(epoch FROM max(processed_at) - min(received_at)), 0)::float8 FROM inbound_item
            WHERE status = 'processed'
            """, logger: logger
        ).collect().first?.decode(Double.self) ?? 0
        return IntakeBenchReport(latencies: latencies, itemsPerSecond: Double(latencies.count) / max(span, 0.001))
    }
}
