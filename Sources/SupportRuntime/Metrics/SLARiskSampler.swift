import Metrics
import Logging
import PostgresNIO
import ServiceLifecycle
import SupportStore

/// Publishes the SLA scaling signal from the escalation workers: gauges
/// `support_tickets_sla_due_soon{within="30m"}` (running tickets whose deadline falls in the next 30
/// minutes) and `support_tickets_sla_overdue`, sampled every `interval`.
///
/// Every escalation process samples the same rows; read them with `max()` across processes.
public struct SLARiskSampler: Service {
    let client: PostgresClient
    let window: Duration
    let interval: Duration
    let logger: Logger

    public init(client: PostgresClient, window: Duration = .seconds(30 * 60), interval: Duration = .seconds(15), logger: Logger) {
        self.client = client
        self.window = window
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        let dueSoon = Gauge(label: "support_tickets_sla_due_soon", dimensions: [("within", "\(window.components.seconds / 60)m")])
        let overdue = Gauge(label: "support_tickets_sla_overdue")
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let counts = try await SLARisk.counts(within: window, client: client, logger: logger)
                dueSoon.record(counts.dueSoon)
                overdue.record(counts.overdue)
            } catch {
                // The database may be away; /health says so, and the next sample retries.
                logger.debug("SLA risk sample failed", metadata: ["error": "\(DatabaseSettings.describe(error))"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
