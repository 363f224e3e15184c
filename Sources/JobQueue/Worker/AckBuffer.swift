import Synchronization

/// Completed job ids waiting to be deleted in one `DELETE … WHERE id = ANY($1) AND owner = $2`.
final class AckBuffer: Sendable {
    private struct State {
        var ids: [Int64] = []
        var waiter: CheckedContinuation<Void, Never>?
        var closed = false
    }

    private let state = Mutex(State())
    let batchSize: Int

    init(batchSize: Int) { self.batchSize = batchSize }

    func append(_ id: Int64) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.ids.append(id)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    var count: Int { state.withLock { $0.ids.count } }

    /// Takes up to `limit` ids.
    func take(limit: Int = .max) -> [Int64] {
        state.withLock { state in
            if state.ids.count <= limit {
                defer { state.ids.removeAll(keepingCapacity: true) }
                return state.ids
            }
            let head = Array(state.ids.prefix(limit))
            state.ids.removeFirst(limit)
            return head
        }
    }

    /// Puts ids back after a failed flush.
    func restore(_ ids: [Int64]) {
        state.withLock { $0.ids.insert(contentsOf: ids, at: 0) }
    }

    /// Suspends until at least one id is buffered or the buffer is closed.
    func waitForAny() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if !state.ids.isEmpty || state.closed { return true }
                state.waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Wakes the flusher for the last time.
    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    var isClosed: Bool { state.withLock { $0.closed } }
}
