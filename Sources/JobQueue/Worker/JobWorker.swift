import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Runs jobs: a `ServiceLifecycle.Service` that claims from its queues, runs handlers, and reports back.
///
/// ```swift
/// var handlers = JobHandlerRegistry()
/// handlers.register("welcome", as: Welcome.self) { context, welcome in … }
/// let worker = JobWorker(
///     client: client,                                   // the process's pool (failures, leader work)
///     connection: settings.connectionConfiguration,     // for the worker's own LISTEN/claim/ack connections
///     configuration: JobWorkerConfiguration(queues: ["mail": 10]),
///     handlers: handlers,
///     logger: logger
/// )
/// let group = ServiceGroup(services: [client, worker], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
///
/// Per process it keeps one LISTEN connection (which also holds the worker's session advisory lock,
/// heartbeats, and competes for the leader lock), one claim connection per queue and one ack connection.
/// The leader promotes due scheduled jobs, enqueues periodic jobs, rescues the jobs of lost workers and
/// samples the depth gauges. See Docs/QUEUE.md.
public final class JobWorker: Service, Sendable {
    /// The owner id written on claimed jobs.
    public var id: String { configuration.workerID }

    let client: PostgresClient
    let configuration: JobWorkerConfiguration
    let handlers: JobHandlerRegistry
    let periodic: [PeriodicJob]
    let logger: Logger
    let runners: [String: QueueRunner]
    let acks: AckBuffer
    let ackConnection: DedicatedConnection
    /// The leader's passes run here, not on the pool: a pool drained by busy or stuck handlers must not
    /// hold up the rescue of a killed worker's jobs (Docs/QUEUE.md).
    let leaderConnection: DedicatedConnection
    let claimConnections: [String: DedicatedConnection]
    let controlConfiguration: PostgresConnection.Configuration
    let notifier: Notifier
    let metrics = JobQueueMetrics.shared
    let flushesInFlight = Atomic<Int>(0)

    struct RunState {
        var lockKey: Int32 = Int32.random(in: 1...Int32.max)
        var isLeader = false
        var listening = false
        var stopped = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var unstarted: [Int64] = []
        var interrupted: [Int64] = []
    }

    let state = Mutex(RunState())

    /// - Parameters:
    ///   - client: A running pool, used for failure reports, releases and the leader's work.
    ///   - connection: How to open the worker's dedicated connections (`synchronous_commit=off` is set on the
    ///     claim and ack ones, `idle_in_transaction_session_timeout` on all).
    ///   - periodic: Jobs the leader enqueues once per period.
    public init(
        client: PostgresClient,
        connection: PostgresConnection.Configuration,
        configuration: JobWorkerConfiguration,
        handlers: JobHandlerRegistry,
        periodic: [PeriodicJob] = [],
        logger: Logger
    ) {
        self.client = client
        self.configuration = configuration
        self.handlers = handlers
        self.periodic = periodic
        var logger = logger
        logger[metadataKey: "worker_id"] = "\(configuration.workerID)"
        self.logger = logger
        var runners: [String: QueueRunner] = [:]
        var claims: [String: DedicatedConnection] = [:]
        for (queue, concurrency) in configuration.queues {
            runners[queue] = QueueRunner(queue: queue, concurrency: concurrency, prefetch: configuration.prefetch)
            claims[queue] = DedicatedConnection(
                configuration: connection, applicationName: "jobqueue-claim",
                idleInTransactionTimeout: configuration.idleInTransactionTimeout, synchronousCommitOff: true, indexPlansOnly: true,
                logger: logger
            )
        }
        self.runners = runners
        self.claimConnections = claims
        self.acks = AckBuffer(batchSize: configuration.ackBatchSize)
        self.ackConnection = DedicatedConnection(
            configuration: connection, applicationName: "jobqueue-ack",
            idleInTransactionTimeout: configuration.idleInTransactionTimeout, synchronousCommitOff: true, indexPlansOnly: true,
            logger: logger
        )
        self.leaderConnection = DedicatedConnection(
            configuration: connection, applicationName: "jobqueue-leader",
            idleInTransactionTimeout: configuration.idleInTransactionTimeout, synchronousCommitOff: false, logger: logger
        )
        var control = connection
        control.options.additionalStartupParameters = control.options.additionalStartupParameters.filter {
            !["application_name", "idle_in_transaction_session_timeout"].contains($0.0)
        } + [
            ("application_name", "jobqueue-listen"),
            ("idle_in_transaction_session_timeout", String(max(Int64(configuration.idleInTransactionTimeout.seconds * 1000), 1))),
        ]
        self.controlConfiguration = control
        self.notifier = Notifier(client: client, logger: logger, wakeLocal: true)
    }

    /// Whether this worker currently holds the leader lock.
    public var isLeader: Bool { state.withLock { $0.isLeader } }

    /// Whether the LISTEN connection is up; `/health` reports a worker without it as not ready.
    public var isListening: Bool { state.withLock { $0.listening } }

    public func run() async throws {
        let runners = self.runners
        let token = LocalWakeHub.shared.register { queues in
            for queue in queues { runners[queue]?.wake() }
        }
        defer { LocalWakeHub.shared.unregister(token) }

        await withTaskGroup(of: Void.self) { infrastructure in
            infrastructure.addTask { await self.controlLoop() }
            infrastructure.addTask { await self.flushLoop() }
            infrastructure.addTask { await self.pollLoop() }
            if configuration.canLead { infrastructure.addTask { await self.leaderLoop() } }

            await self.warmUp()
            if let gate = configuration.startGate, !Task.isCancelled { await gate() }
            await self.process()
            // Unstructured on purpose: releasing unstarted claims and flushing the last acks must happen even
            // when run() was cancelled (a cancelled task cannot lease pooled connections).
            await Task { await self.finish() }.value
            infrastructure.cancelAll()
        }
        for connection in claimConnections.values { await connection.close() }
        await ackConnection.close()
        await leaderConnection.close()
        // Unstructured for the same reason as finish(): forget this worker even after cancellation.
        await Task { try? await WorkerSQL.deleteWorker(id: self.id, on: self.client, logger: self.logger) }.value
        logger.debug("jobqueue worker stopped")
    }

    /// Opens the claim and ack connections and waits (up to 10 s) for the first LISTEN.
    private func warmUp() async {
        await withTaskGroup(of: Void.self) { group in
            for connection in claimConnections.values { group.addTask { _ = try? await connection.get() } }
            group.addTask { _ = try? await self.ackConnection.get() }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while !state.withLock({ $0.listening }), ContinuousClock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    // MARK: processing

    private func process() async {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await withTaskGroup(of: Bool.self) { group in
                    var workers = 0
                    for runner in runners.values {
                        group.addTask { await self.fetchLoop(runner); return true }
                        workers += 1
                        for _ in 0..<runner.concurrency {
                            group.addTask { await self.executorLoop(runner); return true }
                            workers += 1
                        }
                    }
                    let timeout = configuration.shutdownTimeout
                    group.addTask {
                        await self.waitForStop()
                        try? await Task.sleep(for: timeout)
                        return false
                    }
                    while let isWorker = await group.next() {
                        if isWorker {
                            workers -= 1
                            if workers == 0 { group.cancelAll() }
                        } else if workers > 0 {
                            self.logger.warning("jobqueue shutdown deadline passed; cancelling running handlers",
                                                metadata: ["running": "\(workers)"])
                            group.cancelAll()
                        }
                    }
                }
            } onGracefulShutdown: {
                self.stopProcessing()
            }
        } onCancel: {
            self.stopProcessing()
        }
    }

    /// Stops claiming; in-flight handlers finish; unstarted claims are set aside for release.
    func stopProcessing() {
        var unstarted: [Int64] = []
        for runner in runners.values { unstarted.append(contentsOf: runner.stop().map(\.id)) }
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.unstarted.append(contentsOf: unstarted)
            state.stopped = true
            defer { state.stopWaiters.removeAll() }
            return state.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func waitForStop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.stopped { return true }
                state.stopWaiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    private func fetchLoop(_ runner: QueueRunner) async {
        guard let connection = claimConnections[runner.queue] else { return }
        let claims = runner.instruments.claims
        var backoff = 0.05
        while !runner.isStopping && !Task.isCancelled {
            let room = runner.roomToClaim()
            if room < runner.threshold {
                await runner.waitForFetch(orRoom: true)
                continue
            }
            let limit = min(room, configuration.maxClaimBatch)
            do {
                let (queue, owner, logger) = (runner.queue, id, logger)
                let jobs = try await connection.run(deadline: configuration.callDeadline) { postgres in
                    try await WorkerSQL.claim(queue: queue, limit: limit, owner: owner, on: postgres, logger: logger)
                }
                backoff = 0.05
                claims.increment()
                if !jobs.isEmpty {
                    let late = runner.deliver(jobs)
                    if !late.isEmpty { state.withLock { $0.unstarted.append(contentsOf: late.map(\.id)) } }
                }
                if jobs.count == limit { continue }
                if configuration.stopWhenIdle {
                    if jobs.isEmpty {
                        while !runner.isIdle && !runner.isStopping && !Task.isCancelled {
                            try? await Task.sleep(for: .milliseconds(1))
                        }
                        if runner.isIdle && allIdle() {
                            stopProcessing()
                            return
                        }
                    }
                    continue
                }
                await runner.waitForFetch(orRoom: false)
            } catch {
                if runner.isStopping || Task.isCancelled { return }
                logger.warning("jobqueue claim failed; retrying", metadata: [
                    "queue": "\(runner.queue)", "error": "\(String(reflecting: error))",
                ])
                await connection.reset()
                try? await Task.sleep(for: .seconds(backoff))
                backoff = min(backoff * 2, 2)
            }
        }
    }

    private func allIdle() -> Bool { runners.values.allSatisfy(\.isIdle) }

    private func executorLoop(_ runner: QueueRunner) async {
        while let job = await runner.next() {
            await execute(job, runner: runner)
            runner.finished()
        }
    }

    private func execute(_ job: ClaimedJob, runner: QueueRunner) async {
        let queue = runner.queue
        let instruments = runner.instruments
        let started = ContinuousClock.now
        let waited = started - job.claimedAt
        instruments.claimToStart.recordNanoseconds(
            waited.components.seconds * 1_000_000_000 + waited.components.attoseconds / 1_000_000_000)
        instruments.enqueueToStart.recordNanoseconds(max(Int64(Date().timeIntervalSince(job.createdAt) * 1e9), 0))

        guard let handler = handlers.handler(for: job.kind) else {
            await recordFailure(job, queue: queue, permanent: true,
                                message: "no handler registered for job kind \"\(job.kind)\" (queue \(queue))")
            return
        }
        let context = JobContext(
            id: JobID(job.id), queue: queue, kind: job.kind, attempt: Int(job.attempt), maxAttempts: Int(job.maxAttempts),
            enqueuedAt: job.createdAt, workerID: id, logger: logger
        )
        do {
            if let limit = configuration.handlerTimeout {
                try await Self.run(within: limit) { try await handler(context, job.payload) }
            } else {
                try await handler(context, job.payload)
            }
            acks.append(job.id)
            instruments.completed(kind: job.kind)
        } catch {
            if Task.isCancelled {
                // Cut off by the shutdown deadline: give the job back (the attempt counts).
                state.withLock { $0.interrupted.append(job.id) }
                return
            }
            if let snooze = error as? JobSnooze {
                await snoozeJob(job, queue: queue, snooze)
                return
            }
            context.logger.warning("job failed", metadata: ["error": "\(String(reflecting: error))"])
            await recordFailure(job, queue: queue, permanent: error is any JobPermanentError,
                                message: String(describing: error))
        }
    }

    /// Runs `body`, cancelling it once `limit` has passed, and then throws ``JobHandlerTimeout`` at once:
    /// a handler stuck on a query that postgres-nio never completes ignores cancellation, and waiting for it
    /// would hold the job under a live worker for good (``AbandonableCall``).
    static func run(within limit: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
        do {
            try await AbandonableCall.run(limit: limit, body)
        } catch is AbandonedCall {
            throw JobHandlerTimeout(limit: limit)
        }
    }

    /// Puts a snoozed job back for later, giving its attempt back. If the update fails the rescuer
    /// returns the job once its claim times out, so nothing is lost.
    private func snoozeJob(_ job: ClaimedJob, queue: String, _ snooze: JobSnooze) async {
        do {
            _ = try await WorkerSQL.snooze(id: job.id, owner: id, delay: snooze.delay, on: client, logger: logger)
            metrics.outcome(queue: queue, kind: job.kind, "snoozed")
        } catch {
            logger.warning("jobqueue could not snooze a job", metadata: ["job_id": "\(job.id)", "error": "\(String(reflecting: error))"])
        }
    }

    /// Retries with backoff, or moves the job to `job_dead`. Database errors are retried until it sticks or
    /// the worker is cancelled (the rescuer then takes over).
    private func recordFailure(_ job: ClaimedJob, queue: String, permanent: Bool, message: String) async {
        metrics.failure(queue: queue, kind: job.kind)
        let message = String(message.prefix(4000))
        var delay = 0.05
        while true {
            do {
                if permanent || job.attempt >= job.maxAttempts {
                    let reason = permanent ? "discarded" : "exhausted"
                    _ = try await WorkerSQL.bury(id: job.id, owner: id, reason: reason, error: message,
                                                 on: client, logger: logger)
                    metrics.outcome(queue: queue, kind: job.kind, reason == "discarded" ? "discarded" : "dead")
                } else {
                    _ = try await WorkerSQL.retry(id: job.id, owner: id, error: message, backoff: configuration.retryBackoff,
                                                  on: client, logger: logger)
                    metrics.outcome(queue: queue, kind: job.kind, "retried")
                }
                return
            } catch {
                if Task.isCancelled { return }
                logger.warning("jobqueue could not record a failure; retrying",
                               metadata: ["job_id": "\(job.id)", "error": "\(String(reflecting: error))"])
                try? await Task.sleep(for: .seconds(delay))
                delay = min(delay * 2, 2)
            }
        }
    }

    // MARK: acks

    private func flushLoop() async {
        var backoff = 0.05
        while !Task.isCancelled {
            await acks.waitForAny()
            if acks.isClosed { return }
            let deadline = ContinuousClock.now + configuration.ackFlushInterval
            while acks.count < acks.batchSize, ContinuousClock.now < deadline, !Task.isCancelled, !acks.isClosed {
                try? await Task.sleep(for: .microseconds(500))
            }
            if acks.isClosed { return }
            if await flushOnce() {
                backoff = 0.05
            } else {
                try? await Task.sleep(for: .seconds(backoff))
                backoff = min(backoff * 2, 2)
            }
        }
    }

    /// Deletes buffered completions; false (ids kept) if the database could not be reached.
    @discardableResult
    private func flushOnce() async -> Bool {
        flushesInFlight.add(1, ordering: .sequentiallyConsistent)
        defer { flushesInFlight.subtract(1, ordering: .sequentiallyConsistent) }
        let ids = acks.take(limit: 10_000)
        guard !ids.isEmpty else { return true }
        do {
            let (owner, logger) = (id, logger)
            let deleted = try await ackConnection.run(deadline: configuration.callDeadline) { postgres in
                try await WorkerSQL.complete(ids: ids, owner: owner, on: postgres, logger: logger)
            }
            if deleted < ids.count {
                metrics.staleAcks.increment(by: ids.count - deleted)
                logger.info("jobqueue completions rejected: jobs no longer owned by this worker",
                            metadata: ["count": "\(ids.count - deleted)"])
            }
            return true
        } catch {
            acks.restore(ids)
            logger.log(level: Task.isCancelled ? .debug : .warning, "jobqueue ack flush failed; will retry",
                       metadata: ["error": "\(String(reflecting: error))"])
            await ackConnection.reset()
            return false
        }
    }

    private func pollLoop() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: configuration.pollInterval) } catch { return }
            for runner in runners.values { runner.wake() }
        }
    }

    // MARK: shutdown

    private func finish() async {
        let (unstarted, interrupted) = state.withLock { state in
            defer { state.unstarted.removeAll(); state.interrupted.removeAll() }
            return (state.unstarted, state.interrupted)
        }
        var woken = Set<String>()
        for (ids, isUnstarted) in [(unstarted, true), (interrupted, false)] where !ids.isEmpty {
            for attempt in 1...5 {
                do {
                    let queues = try await WorkerSQL.release(ids: ids, owner: id, unstarted: isUnstarted,
                                                             on: client, logger: logger)
                    woken.formUnion(queues)
                    break
                } catch {
                    logger.warning("jobqueue could not release claims", metadata: [
                        "count": "\(ids.count)", "attempt": "\(attempt)", "error": "\(String(reflecting: error))",
                    ])
                    try? await Task.sleep(for: .milliseconds(200 * attempt))
                }
            }
        }
        if !woken.isEmpty { notifier.notify(woken) }
        acks.close()
        // Let a flush the flush loop already started land (or put its ids back) first.
        while flushesInFlight.load(ordering: .sequentiallyConsistent) > 0 {
            try? await Task.sleep(for: .milliseconds(1))
        }
        var failures = 0
        while acks.count > 0, failures < 10 {
            if await flushOnce() == false {
                failures += 1
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        if acks.count > 0 {
            logger.error("jobqueue could not flush completions; those jobs will run again after rescue",
                         metadata: ["count": "\(acks.count)"])
        }
    }
}
