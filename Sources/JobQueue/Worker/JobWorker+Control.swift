import Foundation
import Logging
import PostgresNIO

/// The dedicated connection: session advisory lock on the worker's id, LISTEN, heartbeat, leader lock.
extension JobWorker {
    private struct ListenEnded: Error {}

    static let connectionIDs = IDGenerator()

    func controlLoop() async {
        var backoff = 0.1
        let queues = Array(configuration.queues.keys).sorted()
        while !Task.isCancelled {
            var connection: PostgresConnection?
            do {
                let postgres = try await PostgresConnection.connect(
                    configuration: controlConfiguration, id: Self.connectionIDs.next(), logger: logger
                )
                connection = postgres
                // Abandoned 2 s after the connection closed: a statement postgres-nio drops on a closed
                // connection would otherwise hold this loop, and so the worker's stop, for good.
                try await AbandonableCall.run(limit: nil, watching: postgres) {
                    try await self.controlSession(on: postgres, queues: queues)
                }
            } catch {
                if !Task.isCancelled {
                    logger.warning("jobqueue LISTEN connection lost; reconnecting",
                                   metadata: ["error": "\(String(reflecting: error))", "retry_in_s": "\(backoff)"])
                }
            }
            let (wasLeader, listened) = state.withLock { state -> (Bool, Bool) in
                defer { state.listening = false; state.isLeader = false }
                return (state.isLeader, state.listening)
            }
            if listened { backoff = 0.1 }
            if wasLeader { logger.info("jobqueue leadership released") }
            if let connection { try? await connection.close() }
            if Task.isCancelled { return }
            try? await Task.sleep(for: .seconds(backoff * Double.random(in: 0.8...1.2)))
            backoff = min(backoff * 2, 5)
        }
    }

    /// One control session: take the liveness lock, heartbeat, LISTEN, and heartbeat (and compete for the
    /// leader lock) until the connection ends.
    private func controlSession(on postgres: PostgresConnection, queues: [String]) async throws {
        // The worker's liveness lock: free once this session ends (crash, kill -9, network loss).
        var key = state.withLock { $0.lockKey }
        while try await !WorkerSQL.tryLock(namespace: configuration.lockNamespace, key: key, on: postgres,
                                           logger: logger) {
            key = Int32.random(in: 1...Int32.max)
        }
        state.withLock { $0.lockKey = key }
        let lockKey = key
        try await WorkerSQL.heartbeat(workerID: id, namespace: configuration.lockNamespace, lockKey: key,
                                      queues: queues, on: postgres, logger: logger)
        try await postgres.listen(on: Notifier.channel) { notifications in
            state.withLock { $0.listening = true }
            // Notifications sent while we were away are lost: claim at once after every (re)LISTEN.
            for runner in runners.values { runner.wake() }
            logger.debug("jobqueue listening")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await notification in notifications {
                        self.runners[notification.payload]?.wake()
                    }
                    throw ListenEnded()
                }
                group.addTask {
                    while true {
                        if self.configuration.canLead, !self.isLeader {
                            if try await WorkerSQL.tryLock(namespace: self.configuration.lockNamespace, key: 0,
                                                           on: postgres, logger: self.logger) {
                                self.state.withLock { $0.isLeader = true }
                                self.logger.info("jobqueue leader elected")
                            }
                        }
                        try await Task.sleep(for: self.configuration.heartbeatInterval)
                        try await WorkerSQL.heartbeat(
                            workerID: self.id, namespace: self.configuration.lockNamespace, lockKey: lockKey,
                            queues: queues, on: postgres, logger: self.logger
                        )
                    }
                }
                defer { group.cancelAll() }
                // The notification sequence ignores cancellation; closing the connection is what
                // ends it, so the group can finish and the loop can reconnect or stop.
                do {
                    try await group.next()
                } catch {
                    try? await postgres.close()
                    throw error
                }
                try? await postgres.close()
            }
        }
    }

    // MARK: leader

    func leaderLoop() async {
        let clock = ContinuousClock()
        var lastRescue = clock.now - .seconds(3600)
        var lastSample = clock.now - .seconds(3600)
        while !Task.isCancelled {
            var sleep = configuration.maxSchedulerSleep
            if isLeader {
                do {
                    let due = (rescue: clock.now - lastRescue >= configuration.rescueInterval,
                               sample: configuration.metricsInterval.map { clock.now - lastSample >= $0 } ?? false)
                    if due.rescue { lastRescue = clock.now }
                    if due.sample { lastSample = clock.now }
                    sleep = try await leaderConnection.run(deadline: configuration.callDeadline) { connection in
                        try await self.leaderPass(on: connection, rescue: due.rescue, sample: due.sample)
                    }
                } catch {
                    await leaderConnection.reset()
                    if Task.isCancelled { return }
                    logger.warning("jobqueue leader pass failed", metadata: ["error": "\(String(reflecting: error))"])
                    sleep = .seconds(1)
                }
            } else {
                await leaderConnection.close()
            }
            do { try await Task.sleep(for: sleep) } catch { return }
        }
    }

    /// One leader pass: promote due jobs, enqueue periodic ones, rescue and sample when due; returns how
    /// long to sleep before the next.
    func leaderPass(on connection: PostgresConnection, rescue: Bool, sample: Bool) async throws -> Duration {
        var sleep = configuration.maxSchedulerSleep
        let (queues, promoted) = try await WorkerSQL.promoteDue(on: connection, logger: logger)
        if !queues.isEmpty { notifier.notify(queues) }
        if promoted >= 5000 { sleep = .zero }
        for job in periodic where try await WorkerSQL.enqueuePeriodic(job, on: connection, logger: logger) {
            logger.debug("jobqueue periodic job enqueued", metadata: ["periodic": "\(job.name)"])
            notifier.notify(CollectionOfOne(job.job.queue))
        }
        if rescue { try await rescueLostWorkers(on: connection) }
        if sample { try await sampleGauges(on: connection) }
        if sleep > .zero, let next = try await WorkerSQL.secondsToNextScheduled(on: connection, logger: logger) {
            let until = Duration.milliseconds(Int64(max(next, 0) * 1000) + 1)
            if until < sleep { sleep = until }
        }
        return sleep
    }

    func rescueLostWorkers(on connection: PostgresConnection) async throws {
        let grace = configuration.lostWorkerGrace.seconds
        let stale = configuration.staleHeartbeat.seconds
        var queues = Set<String>()
        var total = 0
        for worker in try await WorkerSQL.quietWorkers(olderThan: grace, on: connection, logger: logger)
        where worker.id != id {
            let dead = try await WorkerSQL.tryLock(namespace: worker.namespace, key: worker.lockKey,
                                                   on: connection, logger: logger)
            if dead || worker.heartbeatAge > stale {
                let why = dead ? "lock free" : "heartbeat \(Int(worker.heartbeatAge)) s old"
                let (found, count) = try await WorkerSQL.rescue(workerID: worker.id, why: why, on: connection, logger: logger)
                queues.formUnion(found)
                total += count
                logger.warning("jobqueue rescued a lost worker's jobs", metadata: [
                    "lost_worker": "\(worker.id)", "jobs": "\(count)", "why": "\(why)",
                ])
            }
            if dead {
                try await connection.query("SELECT pg_advisory_unlock(\(worker.namespace), \(worker.lockKey))",
                                           logger: logger)
            }
        }
        let (orphanQueues, orphans) = try await WorkerSQL.rescueOrphans(olderThan: stale, on: connection, logger: logger)
        if orphans > 0 {
            logger.warning("jobqueue rescued orphaned jobs", metadata: ["jobs": "\(orphans)"])
        }
        queues.formUnion(orphanQueues)
        total += orphans
        if total > 0 {
            metrics.rescued.increment(by: total)
            notifier.notify(queues)
        }
    }

    func sampleGauges(on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            """
            SELECT queue,
                   count(*) FILTER (WHERE state = 0), count(*) FILTER (WHERE state = 1),
                   count(*) FILTER (WHERE state = 2),
                   COALESCE(EXTRACT(EPOCH FROM now() - min(run_at) FILTER (WHERE state = 0)), 0)::float8
            FROM job GROUP BY queue
            """,
            logger: logger
        )
        var seen = Set<String>()
        for try await (queue, ready, running, scheduled, age) in rows.decode((String, Int64, Int64, Int64, Double).self) {
            seen.insert(queue)
            metrics.depth(queue: queue, ready: ready, running: running, scheduled: scheduled, oldestReadyAge: max(age, 0))
        }
        for queue in metrics.sampledQueues.subtracting(seen) {
            metrics.depth(queue: queue, ready: 0, running: 0, scheduled: 0, oldestReadyAge: 0)
        }
    }
}
