/// How a ``JobWorker`` runs. The defaults suit a production worker; tests shorten the timings.
public struct JobWorkerConfiguration: Sendable {
    /// Exponential backoff with jitter, computed in SQL: `min(max, base · 2^(attempt-1)) · U(0.75, 1.25)`.
    public struct RetryBackoff: Sendable {
        public var base: Duration
        public var max: Duration
        public init(base: Duration = .seconds(1), max: Duration = .seconds(3600)) {
            self.base = base
            self.max = max
        }
    }

    /// Queue name → how many jobs of it this process runs at once.
    public var queues: [String: Int]
    /// Unique per worker instance; also the `owner` of the jobs it claims. Default `host-pid-random`.
    public var workerID: String
    /// How many claimed jobs to hold per running slot (claim up to `prefetch × concurrency` in flight).
    public var prefetch: Int = 2
    /// Upper bound on one claim's rows.
    public var maxClaimBatch: Int = 1000
    /// Flush completions once this many are buffered…
    public var ackBatchSize: Int = 100
    /// …or once the oldest has waited this long.
    public var ackFlushInterval: Duration = .milliseconds(2)
    /// A claim or completion flush still unanswered after this long gets its connection closed under
    /// it, so it fails and is retried on a fresh connection instead of hanging the worker.
    public var callDeadline: Duration = .seconds(30)
    /// Claim even without a notification this often (a lost NOTIFY costs at most this much).
    public var pollInterval: Duration = .seconds(1)
    /// Heartbeat row update and leader-lock attempt period.
    public var heartbeatInterval: Duration = .seconds(2)
    /// A worker whose advisory lock is free and whose heartbeat is older than this is dead.
    public var lostWorkerGrace: Duration = .seconds(4)
    /// A worker whose heartbeat is older than this is dead even if its lock is held (hung process).
    public var staleHeartbeat: Duration = .seconds(10)
    /// How often the leader looks for lost workers.
    public var rescueInterval: Duration = .seconds(2)
    /// How often the leader samples queue depth and age gauges (nil: never).
    public var metricsInterval: Duration? = .seconds(5)
    /// Longest the leader sleeps between promotions of due scheduled jobs.
    public var maxSchedulerSleep: Duration = .seconds(1)
    public var retryBackoff = RetryBackoff()
    /// Longest a handler may run (nil: no limit). Past it the handler is cancelled and the job fails with
    /// ``JobHandlerTimeout`` and is retried: a handler stuck on a call that never returns would otherwise
    /// hold its job under a live, heartbeating worker, where the rescuer never looks. Costs a timer task per
    /// job, so throughput benchmarks leave it off.
    public var handlerTimeout: Duration?
    /// On graceful shutdown, how long in-flight handlers may run before they are cancelled.
    public var shutdownTimeout: Duration = .seconds(30)
    /// Whether this worker takes part in leader election (scheduling, periodic jobs, rescue, gauges).
    public var canLead: Bool = true
    /// Two-key advisory lock namespace (`pg_advisory_lock(namespace, key)`), so that unrelated deployments
    /// in one database do not share a leader.
    public var lockNamespace: Int32 = 0x4A51
    /// `idle_in_transaction_session_timeout` for the worker's own connections.
    public var idleInTransactionTimeout: Duration = .seconds(60)
    /// Drain mode: stop (gracefully) once a claim finds nothing and nothing is in flight.
    public var stopWhenIdle: Bool = false
    /// Awaited after every connection is up and LISTENing, before the first claim (benchmarks use it to
    /// release several processes at once).
    public var startGate: (@Sendable () async -> Void)?

    public init(queues: [String: Int], workerID: String? = nil) {
        precondition(!queues.isEmpty, "a worker needs at least one queue")
        precondition(queues.values.allSatisfy { $0 > 0 }, "queue concurrency must be positive")
        self.queues = queues
        self.workerID = workerID ?? Self.defaultWorkerID()
    }

    static let hostName: String = {
        let host = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return host.isEmpty ? "host" : host
    }()

    static func defaultWorkerID() -> String {
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(suffix)"
    }
}

import Foundation
