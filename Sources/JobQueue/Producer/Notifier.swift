import Logging
import PostgresNIO
import Synchronization

/// Sends the post-commit wake-ups: at most one `pg_notify` round per ~1 ms, coalescing queues.
///
/// A commit that carries a NOTIFY takes a cluster-wide lock (Docs/QUEUE.md), so at most one commit per
/// spacing carries one: the enqueue that finds the notifier idle (``reserveInline()``). Otherwise, after the
/// commit, callers hand the queue names here and return at once, and a sender drains the set with one
/// statement per round: `SELECT pg_notify('jobqueue', q) FROM unnest($1)`. Workers in this process are woken
/// directly through ``LocalWakeHub`` as well.
final class Notifier: Sendable {
    /// The one LISTEN channel; the payload names the queue. Lower case: postgres-nio quotes LISTEN names.
    static let channel = "jobqueue"

    private struct State {
        var pending: Set<String> = []
        var sending = false
        var lastSent = ContinuousClock.now - .seconds(1)
    }

    private let client: PostgresClient
    private let logger: Logger
    private let wakeLocal: Bool
    private let state = Mutex(State())
    private let spacing: Duration
    /// Rounds the sender has run (tests check which wake-ups needed a statement of their own).
    let remoteRounds = Atomic<Int>(0)

    init(client: PostgresClient, logger: Logger, wakeLocal: Bool, spacing: Duration = .milliseconds(1)) {
        self.client = client
        self.logger = logger
        self.wakeLocal = wakeLocal
        self.spacing = spacing
    }

    /// Wakes workers of `queues` in this process and schedules one NOTIFY for them. Call after commit.
    func notify<S: Sequence<String>>(_ queues: S) {
        let names = Set(queues)
        guard !names.isEmpty else { return }
        if wakeLocal { LocalWakeHub.shared.wake(names) }
        notifyRemote(names)
    }

    /// Schedules one coalesced NOTIFY for `names`.
    private func notifyRemote(_ queues: Set<String>) {
        let start = state.withLock { state -> Bool in
            state.pending.formUnion(queues)
            if state.sending { return false }
            state.sending = true
            return true
        }
        guard start else { return }
        // Unstructured on purpose: the wake-up is fire-and-forget after the caller's commit, must not delay
        // the caller, and has to outlive it. The task ends as soon as nothing is pending.
        Task { await self.drain() }
    }

    /// Whether an enqueue may carry its own NOTIFY (a standalone ``EnqueueStatement``, or a transaction's
    /// jobs inserted at commit): none in flight, none pending and none sent within the spacing. That saves a
    /// round trip and a commit of its own, while a busy producer still coalesces and only one commit per
    /// spacing takes the NOTIFY lock. A true answer holds the sending slot until ``endInline(woke:)``.
    func reserveInline() -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state -> Bool in
            guard !state.sending, state.pending.isEmpty, now - state.lastSent >= spacing else { return false }
            state.sending = true
            state.lastSent = now
            return true
        }
    }

    /// Runs one statement that may carry the NOTIFY: `body` gets whether it may (holding the slot until it
    /// returns) and returns its result with the queues that got ready jobs. Those are woken by the statement
    /// when it carried the NOTIFY, otherwise by a coalesced round after it.
    func carrying<Result>(_ body: (_ inline: Bool) async throws -> (Result, woke: Set<String>)) async throws -> Result {
        let inline = reserveInline()
        let (result, woke): (Result, woke: Set<String>)
        do {
            (result, woke) = try await body(inline)
        } catch {
            if inline { endInline(woke: []) }
            throw error
        }
        if inline { endInline(woke: woke) } else { notify(woke) }
        return result
    }

    /// Ends an inline enqueue: `woke` names the queues its committed statement notified, if any; workers of
    /// this process are woken for them directly, and wake-ups that piled up meanwhile go out.
    func endInline(woke queues: Set<String>) {
        if !queues.isEmpty, wakeLocal { LocalWakeHub.shared.wake(queues) }
        let more = state.withLock { state -> Bool in
            state.sending = !state.pending.isEmpty
            return state.sending
        }
        // Unstructured for the same reason as in `notifyRemote`.
        if more { Task { await self.drain() } }
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state -> [String]? in
                if state.pending.isEmpty {
                    state.sending = false
                    return nil
                }
                defer { state.pending.removeAll(keepingCapacity: true) }
                return Array(state.pending)
            }
            guard let batch else { return }
            state.withLock { $0.lastSent = ContinuousClock.now }
            remoteRounds.add(1, ordering: .relaxed)
            do {
                try await client.guardedQuery(
                    "SELECT pg_notify(\(Self.channel), q) FROM unnest(\(batch)::text[]) AS q", logger: logger
                )
            } catch {
                // Lost wake-ups cost at most one poll interval; the rows are committed.
                logger.debug("jobqueue notify failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: spacing)
        }
    }
}

/// Wakes the fetchers of ``JobWorker``s running in this process, so that a local producer does not wait
/// for its own NOTIFY to come back.
final class LocalWakeHub: Sendable {
    static let shared = LocalWakeHub()

    typealias Wake = @Sendable (Set<String>) -> Void
    private let entries = Mutex<[Int: Wake]>([:])
    private let nextToken = Atomic<Int>(0)

    func register(_ wake: @escaping Wake) -> Int {
        let token = nextToken.wrappingAdd(1, ordering: .relaxed).newValue
        entries.withLock { $0[token] = wake }
        return token
    }

    func unregister(_ token: Int) {
        _ = entries.withLock { $0.removeValue(forKey: token) }
    }

    func wake(_ queues: Set<String>) {
        let all = entries.withLock { Array($0.values) }
        for wake in all { wake(queues) }
    }
}
