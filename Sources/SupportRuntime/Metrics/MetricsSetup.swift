import Synchronization
import Metrics
import Prometheus

/// Bootstraps swift-metrics with a Prometheus registry, once per process.
///
/// Every library that records through swift-metrics (the job queue included) lands in this registry,
/// which `/metrics` renders.
public enum MetricsSetup {
    public static let registry = PrometheusCollectorRegistry()

    /// Safe to call more than once (tests build several apps in one process).
    public static func bootstrap() {
        once.run {
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        }
    }

    private static let once = Once()
}

/// Runs a closure at most once, thread-safely.
final class Once: Sendable {
    private let done = Mutex(false)
    func run(_ body: () -> Void) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        if first { body() }
    }
}
