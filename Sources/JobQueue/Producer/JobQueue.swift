import Logging
import PostgresNIO
import Synchronization

/// The producer side of the queue: enqueue jobs, alone or inside your own transaction.
///
/// ```swift
/// let queue = JobQueue(client: client, logger: logger)
/// try await queue.enqueue(NewJob(queue: "mail", kind: "welcome", payload: Welcome(userID: 7)))
///
/// // Data change and follow-up job commit together; the wake-up goes out after the commit.
/// try await queue.transaction { connection, jobs in
///     try await connection.query("UPDATE ticket SET status = 'open' WHERE id = \(id)", logger: logger)
///     try await jobs.enqueue(NewJob(queue: "routing", kind: "route", payload: Route(ticket: id)))
/// }
/// ```
///
/// NOTIFY never rides in a caller's transaction. After the commit, a per-process notifier sends at most one
/// `pg_notify` per ~1 ms for the queues that got ready jobs, and wakes workers of this process directly; a
/// standalone single enqueue on an idle notifier carries its own (``EnqueueStatement``). Scheduled jobs need
/// no wake-up: the leader promotes them when due.
public struct JobQueue: Sendable {
    public let client: PostgresClient
    public let logger: Logger
    let notifier: Notifier

    /// - Parameters:
    ///   - client: The pool to enqueue through (keep `synchronous_commit` on for it).
    ///   - wakeLocalWorkers: Also wake ``JobWorker``s running in this process directly (default true).
    public init(client: PostgresClient, logger: Logger, wakeLocalWorkers: Bool = true) {
        self.client = client
        self.logger = logger
        self.notifier = Notifier(client: client, logger: logger, wakeLocal: wakeLocalWorkers)
    }

    /// Enqueues one job in its own transaction.
    /// - Returns: The new job's id, or nil when a live job already holds `job.uniqueKey` (nothing inserted).
    @discardableResult
    public func enqueue(_ job: NewJob) async throws -> JobID? {
        let notifier = self.notifier
        return try await client.withConnection { connection in
            try await notifier.carrying { inline in
                let inserted = try await EnqueueSQL.insert(job, notify: inline, on: connection, logger: logger)
                return (inserted?.id, inserted?.ready == true ? [job.queue] : [])
            }
        }
    }

    /// Enqueues many jobs in one statement (one round trip, one transaction).
    /// - Returns: The ids inserted; jobs whose unique key is held by a live job are left out.
    @discardableResult
    public func enqueue(batch: [NewJob]) async throws -> [JobID] {
        guard !batch.isEmpty else { return [] }
        let inserted = try await client.withConnection { connection in
            try await EnqueueSQL.insert(batch: batch, on: connection, logger: logger)
        }
        notifier.notify(Set(inserted.lazy.filter(\.ready).map(\.queue)))
        return inserted.map(\.id)
    }

    /// Runs `body` in a transaction on a pooled connection; jobs enqueued through the given
    /// ``TransactionEnqueuer`` commit with it. Their wake-ups ride on the commit when the notifier is idle
    /// (the jobs queued with ``TransactionEnqueuer/enqueueAtCommit(_:)`` carry them), otherwise they go out
    /// after it.
    ///
    /// Errors thrown by `body` come back unwrapped (not as `PostgresTransactionError`).
    public func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, TransactionEnqueuer) async throws -> Result
    ) async throws -> Result {
        let enqueuer = TransactionEnqueuer(logger: logger)
        let notifier = self.notifier
        let result: Result
        do {
            result = try await client.transaction(logger: logger) { connection in
                enqueuer.attach(connection)
                defer { enqueuer.detach() }
                let result = try await body(connection, enqueuer)
                try await enqueuer.insertDeferred(notifier: notifier)
                return result
            }
        } catch {
            if enqueuer.carried != nil { notifier.endInline(woke: []) }
            throw error
        }
        let carried = enqueuer.carried
        if let carried { notifier.endInline(woke: carried) }
        notifyCommitted(queues: enqueuer.readyQueues.subtracting(carried ?? []))
        return result
    }

    /// Enqueues one job on a connection the caller holds, typically inside the caller's transaction.
    ///
    /// Nothing is notified: after your commit, call ``notifyCommitted(queues:)`` (or rely on the workers'
    /// fallback poll, about 1 s).
    /// - Returns: The new job's id, or nil when a live job already holds `job.uniqueKey`.
    @discardableResult
    public static func enqueue(_ job: NewJob, on connection: PostgresConnection, logger: Logger) async throws -> JobID? {
        try await EnqueueSQL.insert(job, on: connection, logger: logger)?.id
    }

    /// Enqueues many jobs in one statement on a connection the caller holds. See ``enqueue(_:on:logger:)``.
    @discardableResult
    public static func enqueue(batch: [NewJob], on connection: PostgresConnection, logger: Logger) async throws -> [JobID] {
        try await EnqueueSQL.insert(batch: batch, on: connection, logger: logger).map(\.id)
    }

    /// Wakes the workers of `queues` (this process directly, others by a coalesced NOTIFY).
    /// Call it after committing a transaction that enqueued jobs with ``enqueue(_:on:logger:)``.
    public func notifyCommitted<S: Sequence<String>>(queues: S) {
        notifier.notify(queues)
    }
}

/// Enqueues jobs on the connection of an open transaction and remembers which queues to wake after commit.
///
/// Handed out by ``JobQueue/transaction(_:)``; valid only inside its closure.
public final class TransactionEnqueuer: Sendable {
    private struct State {
        var connection: PostgresConnection?
        var queues: Set<String> = []
        var deferred: [NewJob] = []
        /// Set when the deferred insert holds the notifier's inline slot: the queues its statement woke.
        var carried: Set<String>?
    }

    private let state = Mutex(State())
    private let logger: Logger

    init(logger: Logger) { self.logger = logger }

    func attach(_ connection: PostgresConnection) { state.withLock { $0.connection = connection } }
    func detach() { state.withLock { $0.connection = nil } }
    var readyQueues: Set<String> { state.withLock { $0.queues } }
    /// Non-nil while this transaction holds the notifier's inline slot (to be ended after it finishes): the
    /// queues whose wake-up rides on its commit.
    var carried: Set<String>? { state.withLock { $0.carried } }

    private func connection() throws -> PostgresConnection {
        guard let connection = state.withLock({ $0.connection }) else {
            throw JobQueueError(.invalidState, "TransactionEnqueuer used outside its transaction")
        }
        return connection
    }

    /// Enqueues one job in the transaction; nil when a live job holds its unique key.
    @discardableResult
    public func enqueue(_ job: NewJob) async throws -> JobID? {
        let inserted = try await EnqueueSQL.insert(job, on: connection(), logger: logger)
        if let inserted, inserted.ready { state.withLock { _ = $0.queues.insert(inserted.queue) } }
        return inserted?.id
    }

    /// Queues `job` to be inserted when the transaction's body returns, just before COMMIT, in one statement
    /// with the transaction's other such jobs: for follow-ups whose id the caller does not need. As with
    /// ``enqueue(_:)``, a job whose unique key a live job holds is skipped.
    public func enqueueAtCommit(_ job: NewJob) {
        state.withLock { $0.deferred.append(job) }
    }

    /// ``enqueueAtCommit(_:)`` for several jobs.
    public func enqueueAtCommit(batch: [NewJob]) {
        state.withLock { $0.deferred.append(contentsOf: batch) }
    }

    /// Inserts the jobs queued with ``enqueueAtCommit(_:)``; when `notifier` is idle the statement also
    /// carries their wake-up, which then needs no statement and no commit of its own.
    func insertDeferred(notifier: Notifier) async throws {
        let jobs = state.withLock { state in
            defer { state.deferred.removeAll() }
            return state.deferred
        }
        guard !jobs.isEmpty else { return }
        let inline = notifier.reserveInline()
        if inline { state.withLock { $0.carried = [] } }
        let inserted = jobs.count == 1
            ? try await EnqueueSQL.insert(jobs[0], notify: inline, on: connection(), logger: logger).map { [$0] } ?? []
            : try await EnqueueSQL.insert(batch: jobs, notify: inline, on: connection(), logger: logger)
        let ready = Set(inserted.lazy.filter(\.ready).map(\.queue))
        state.withLock { state in
            state.queues.formUnion(ready)
            if inline { state.carried = ready }
        }
    }

    /// Enqueues many jobs in the transaction, one statement.
    @discardableResult
    public func enqueue(batch: [NewJob]) async throws -> [JobID] {
        let inserted = try await EnqueueSQL.insert(batch: batch, on: connection(), logger: logger)
        state.withLock { state in
            for row in inserted where row.ready { state.queues.insert(row.queue) }
        }
        return inserted.map(\.id)
    }
}
