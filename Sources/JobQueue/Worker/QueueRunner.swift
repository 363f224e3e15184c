import Foundation
import PostgresNIO
import Synchronization

/// A claimed job waiting for, or held by, an executor.
struct ClaimedJob: Sendable {
    var id: Int64
    var kind: String
    var payload: ByteBuffer
    var attempt: Int32
    var maxAttempts: Int32
    var createdAt: Date
    var claimedAt: ContinuousClock.Instant
}

/// The in-process state of one queue: the prefetch buffer between the fetcher and the executors.
///
/// One fetcher claims batches into `pending`; `concurrency` executors take from it. The fetcher keeps up
/// to `prefetch × concurrency` jobs claimed (running plus pending) and claims again once at least a
/// quarter of that is free, so that a batch is waiting when a slot frees up.
final class QueueRunner: Sendable {
    let queue: String
    let concurrency: Int
    let capacity: Int
    let threshold: Int

    private struct State {
        var pending: [ClaimedJob] = []
        var head = 0
        var running = 0
        var idleExecutors: [CheckedContinuation<ClaimedJob?, Never>] = []
        var fetcher: CheckedContinuation<Void, Never>?
        var fetcherWantsRoom = false
        var wakeRequested = false
        var stopping = false

        var pendingCount: Int { pending.count - head }
    }

    private let state = Mutex(State())
    let instruments: QueueInstruments

    init(queue: String, concurrency: Int, prefetch: Int) {
        self.queue = queue
        self.instruments = QueueInstruments(queue: queue)
        self.concurrency = concurrency
        self.capacity = max(concurrency * max(prefetch, 1), 1)
        self.threshold = max(1, capacity / 4)
    }

    private func room(_ state: State) -> Int { capacity - state.running - state.pendingCount }

    // MARK: fetcher side

    /// How many jobs to claim now (0 when stopping).
    func roomToClaim() -> Int {
        state.withLock { state in
            state.wakeRequested = false
            return state.stopping ? 0 : room(state)
        }
    }

    var isStopping: Bool { state.withLock { $0.stopping } }
    var isIdle: Bool { state.withLock { $0.running == 0 && $0.pendingCount == 0 } }

    /// Suspends the fetcher until a wake-up (notification, poll tick, local producer) or, with
    /// `orRoom`, until enough slots are free to claim again.
    func waitForFetch(orRoom: Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.stopping || state.wakeRequested { return true }
                if orRoom && room(state) >= threshold { return true }
                state.fetcher = continuation
                state.fetcherWantsRoom = orRoom
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Hands claimed jobs to idle executors, buffering the rest; returns them all if the runner already
    /// stopped (the caller releases them).
    func deliver(_ jobs: [ClaimedJob]) -> [ClaimedJob] {
        var handoffs: [(CheckedContinuation<ClaimedJob?, Never>, ClaimedJob)] = []
        let rejected = state.withLock { state -> Bool in
            if state.stopping { return true }
            var index = 0
            while index < jobs.count, let executor = state.idleExecutors.popLast() {
                handoffs.append((executor, jobs[index]))
                state.running += 1
                index += 1
            }
            if index < jobs.count {
                if state.head > 0 && state.head >= state.pending.count / 2 {
                    state.pending.removeFirst(state.head)
                    state.head = 0
                }
                state.pending.append(contentsOf: jobs[index...])
            }
            return false
        }
        if rejected { return jobs }
        for (executor, job) in handoffs { executor.resume(returning: job) }
        return []
    }

    /// A notification or poll tick: claim again.
    func wake() {
        let fetcher = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.wakeRequested = true
            defer { state.fetcher = nil }
            return state.fetcher
        }
        fetcher?.resume()
    }

    /// Stops claiming and handing out jobs; returns the claimed jobs no executor started.
    func stop() -> [ClaimedJob] {
        let (unstarted, executors, fetcher) = state.withLock { state in
            state.stopping = true
            let unstarted = Array(state.pending[state.head...])
            state.pending.removeAll()
            state.head = 0
            let executors = state.idleExecutors
            state.idleExecutors.removeAll()
            let fetcher = state.fetcher
            state.fetcher = nil
            return (unstarted, executors, fetcher)
        }
        for executor in executors { executor.resume(returning: nil) }
        fetcher?.resume()
        return unstarted
    }

    // MARK: executor side

    /// The next job to run, or nil once stopping.
    func next() async -> ClaimedJob? {
        if let fast = state.withLock({ take(&$0) }) { return fast.job }
        return await withCheckedContinuation { (continuation: CheckedContinuation<ClaimedJob?, Never>) in
            let result = state.withLock { state -> Taken? in
                if let taken = take(&state) { return taken }
                state.idleExecutors.append(continuation)
                return nil
            }
            if let result { continuation.resume(returning: result.job) }
        }
    }

    private struct Taken { var job: ClaimedJob? }

    private func take(_ state: inout State) -> Taken? {
        if state.stopping { return Taken(job: nil) }
        guard state.pendingCount > 0 else { return nil }
        let job = state.pending[state.head]
        state.head += 1
        if state.head == state.pending.count {
            state.pending.removeAll(keepingCapacity: true)
            state.head = 0
        }
        state.running += 1
        return Taken(job: job)
    }

    /// An executor finished a job.
    func finished() {
        let fetcher = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.running -= 1
            guard state.fetcherWantsRoom, state.fetcher != nil, room(state) >= threshold else { return nil }
            defer { state.fetcher = nil }
            return state.fetcher
        }
        fetcher?.resume()
    }
}
