import Metrics
import Synchronization

/// The queue's swift-metrics instruments; whatever backend the process bootstrapped (Prometheus) gets them.
///
/// - `jobqueue_jobs_total{queue,kind,outcome}`: outcome is `completed`, `retried`, `dead`, `discarded`.
/// - `jobqueue_failures_total{queue,kind}`: handler errors (retried, dead or discarded).
/// - `jobqueue_claim_to_start_seconds{queue}`, `jobqueue_enqueue_to_start_seconds{queue}`: timers.
/// - `jobqueue_depth{queue,state}`, `jobqueue_oldest_ready_age_seconds{queue}`: gauges, sampled by the leader.
/// - `jobqueue_rescued_total`, `jobqueue_stale_acks_total`, `jobqueue_claims_total{queue}`.
final class JobQueueMetrics: Sendable {
    static let shared = JobQueueMetrics()

    private struct Key: Hashable {
        var queue: String
        var kind: String
        var outcome: String
    }

    private let outcomes = Mutex<[Key: Counter]>([:])
    private let failures = Mutex<[Key: Counter]>([:])
    private let timers = Mutex<[String: (claim: Timer, enqueue: Timer, claims: Counter)]>([:])
    private let gauges = Mutex<[String: (ready: Gauge, running: Gauge, scheduled: Gauge, age: Gauge)]>([:])
    let rescued = Counter(label: "jobqueue_rescued_total")
    let staleAcks = Counter(label: "jobqueue_stale_acks_total")

    func outcome(queue: String, kind: String, _ outcome: String, count: Int = 1) {
        counter(queue: queue, kind: kind, outcome).increment(by: count)
    }

    func counter(queue: String, kind: String, _ outcome: String) -> Counter {
        let key = Key(queue: queue, kind: kind, outcome: outcome)
        return outcomes.withLock { map in
            if let counter = map[key] { return counter }
            let counter = Counter(label: "jobqueue_jobs_total",
                                  dimensions: [("queue", queue), ("kind", kind), ("outcome", outcome)])
            map[key] = counter
            return counter
        }
    }

    func failure(queue: String, kind: String) {
        let key = Key(queue: queue, kind: kind, outcome: "")
        let counter = failures.withLock { map in
            if let counter = map[key] { return counter }
            let counter = Counter(label: "jobqueue_failures_total", dimensions: [("queue", queue), ("kind", kind)])
            map[key] = counter
            return counter
        }
        counter.increment()
    }

    func queueTimers(_ queue: String) -> (claim: Timer, enqueue: Timer, claims: Counter) {
        timers.withLock { map in
            if let timers = map[queue] { return timers }
            let timers = (
                claim: Timer(label: "jobqueue_claim_to_start_seconds", dimensions: [("queue", queue)]),
                enqueue: Timer(label: "jobqueue_enqueue_to_start_seconds", dimensions: [("queue", queue)]),
                claims: Counter(label: "jobqueue_claims_total", dimensions: [("queue", queue)])
            )
            map[queue] = timers
            return timers
        }
    }

    func depth(queue: String, ready: Int64, running: Int64, scheduled: Int64, oldestReadyAge: Double) {
        let g = gauges.withLock { map in
            if let g = map[queue] { return g }
            let g = (
                ready: Gauge(label: "jobqueue_depth", dimensions: [("queue", queue), ("state", "ready")]),
                running: Gauge(label: "jobqueue_depth", dimensions: [("queue", queue), ("state", "running")]),
                scheduled: Gauge(label: "jobqueue_depth", dimensions: [("queue", queue), ("state", "scheduled")]),
                age: Gauge(label: "jobqueue_oldest_ready_age_seconds", dimensions: [("queue", queue)])
            )
            map[queue] = g
            return g
        }
        g.ready.record(ready)
        g.running.record(running)
        g.scheduled.record(scheduled)
        g.age.record(oldestReadyAge)
    }

    var sampledQueues: Set<String> { gauges.withLock { Set($0.keys) } }
}

/// One queue's per-job instruments, created once so that the hot path does no registry lookups.
final class QueueInstruments: Sendable {
    let claimToStart: Timer
    let enqueueToStart: Timer
    let claims: Counter
    private let queue: String
    private let completedByKind = Mutex<[String: Counter]>([:])

    init(queue: String) {
        self.queue = queue
        let timers = JobQueueMetrics.shared.queueTimers(queue)
        self.claimToStart = timers.claim
        self.enqueueToStart = timers.enqueue
        self.claims = timers.claims
    }

    func completed(kind: String) {
        let counter = completedByKind.withLock { map in
            if let counter = map[kind] { return counter }
            let counter = JobQueueMetrics.shared.counter(queue: queue, kind: kind, "completed")
            map[kind] = counter
            return counter
        }
        counter.increment()
    }
}
