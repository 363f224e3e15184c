import Synchronization

/// Lets a handler's concurrent jobs share one transaction (group commit); the intake and routing
/// handlers use it.
///
/// At most `maxRunning` transactions run at once. A caller that finds one of them free runs its item at
/// once (alone when the worker is quiet, so a quiet worker waits for nothing). The others wait, and
/// whoever runs next takes up to `maxBatch` of them into its transaction. Under load each item then pays
/// for a share of one `BEGIN`, `COMMIT`, lock and enqueue instead of its own (Docs/PERFORMANCE.md).
///
/// When a shared transaction fails, each of its items runs again alone, so one bad item fails only its
/// own job. A cancelled run is not repeated.
public final class GroupCommitGate<Item: Sendable, Outcome: Sendable>: Sendable {
    /// Runs the items in one transaction and returns their outcomes in the same order.
    public typealias Run = @Sendable ([Item]) async throws -> [Outcome]

    public let maxBatch: Int
    public let maxRunning: Int

    private enum Turn: Sendable {
        case done(Result<Outcome, any Error>)
        case lead
    }

    private struct Waiter {
        let item: Item
        let continuation: CheckedContinuation<Turn, Never>
    }

    private struct State {
        var waiting: [Waiter] = []
        var running = 0
    }

    private let state = Mutex(State())

    public init(maxBatch: Int, maxRunning: Int) {
        self.maxBatch = max(maxBatch, 1)
        self.maxRunning = max(maxRunning, 1)
    }

    /// Callers waiting for a running slot (tests watch it).
    public var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Runs `item`, alone or in a transaction shared with other callers, and returns its outcome.
    public func submit(_ item: Item, run: Run) async throws -> Outcome {
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let leads = state.withLock { state -> Bool in
                if state.running < maxRunning {
                    state.running += 1
                    return true
                }
                state.waiting.append(Waiter(item: item, continuation: continuation))
                return false
            }
            if leads { continuation.resume(returning: .lead) }
        }
        switch turn {
        case .done(let result): return try result.get()
        case .lead: return try await lead(with: item, run: run)
        }
    }

    /// Runs `item` with the longest-waiting others, answers them, and hands the running slot to the next
    /// waiter (or frees it).
    private func lead(with item: Item, run: Run) async throws -> Outcome {
        let others = state.withLock { state -> [Waiter] in
            let count = min(state.waiting.count, maxBatch - 1)
            defer { state.waiting.removeFirst(count) }
            return Array(state.waiting.prefix(count))
        }
        let results = await Self.results(of: [item] + others.map(\.item), run: run)
        for (waiter, result) in zip(others, results.dropFirst()) {
            waiter.continuation.resume(returning: .done(result))
        }
        let next = state.withLock { state -> Waiter? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
        return try results[0].get()
    }

    private static func results(of items: [Item], run: Run) async -> [Result<Outcome, any Error>] {
        do {
            let outcomes = try await run(items)
            guard outcomes.count == items.count else {
                throw GroupCommitMismatch(items: items.count, outcomes: outcomes.count)
            }
            return outcomes.map { .success($0) }
        } catch {
            guard items.count > 1, !(error is CancellationError), !Task.isCancelled else {
                return items.map { _ in .failure(error) }
            }
        }
        var results: [Result<Outcome, any Error>] = []
        for item in items {
            do {
                let outcome = try await run([item])
                guard outcome.count == 1 else { throw GroupCommitMismatch(items: 1, outcomes: outcome.count) }
                results.append(.success(outcome[0]))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }
}

/// A group run returned a different number of outcomes than it was given items (a bug).
public struct GroupCommitMismatch: Error, CustomStringConvertible {
    public let items: Int
    public let outcomes: Int
    public var description: String { "a shared transaction returned \(outcomes) outcomes for \(items) items" }
}
