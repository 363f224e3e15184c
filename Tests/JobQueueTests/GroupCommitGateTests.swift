import JobQueue
import Synchronization
import Testing

/// The gate alone, with a run that records its calls: who shares a transaction, and what a failed
/// shared one does.
struct GroupCommitGateTests {
    /// Records each run's items; a run of an item in `blocking` waits until `release()`.
    final class Runs: Sendable {
        private let calls = Mutex<[[Int]]>([])
        private let gates = Mutex<[CheckedContinuation<Void, Never>]>([])
        let blocking: Set<Int>
        let failing: Set<Int>

        init(blocking: Set<Int> = [], failing: Set<Int> = []) {
            self.blocking = blocking
            self.failing = failing
        }

        var all: [[Int]] { calls.withLock { $0 } }
        var blocked: Int { gates.withLock { $0.count } }

        func run(_ items: [Int]) async throws -> [String] {
            calls.withLock { $0.append(items) }
            if !blocking.isDisjoint(with: items) {
                await withCheckedContinuation { continuation in gates.withLock { $0.append(continuation) } }
            }
            if !failing.isDisjoint(with: items) { throw Failed() }
            return items.map { "done \($0)" }
        }

        func release() {
            for gate in gates.withLock({ gates in defer { gates.removeAll() }; return gates }) { gate.resume() }
        }
    }

    struct Failed: Error {}

    static func attempt(_ body: () async throws -> String) async -> Result<String, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    static func until(_ condition: () -> Bool) async throws {
        for _ in 0..<2000 where !condition() { try await Task.sleep(for: .milliseconds(5)) }
        #expect(condition())
    }

    @Test func aQuietCallRunsAloneAtOnce() async throws {
        let gate = GroupCommitGate<Int, String>(maxBatch: 16, maxRunning: 1)
        let runs = Runs()
        #expect(try await gate.submit(1, run: runs.run) == "done 1")
        #expect(try await gate.submit(2, run: runs.run) == "done 2")
        #expect(runs.all == [[1], [2]])
    }

    @Test func callersWaitingForABusyGateShareTheNextRunUpToTheBatchSize() async throws {
        let gate = GroupCommitGate<Int, String>(maxBatch: 3, maxRunning: 1)
        let runs = Runs(blocking: [1])
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            group.addTask { (1, try await gate.submit(1, run: runs.run)) }
            try await Self.until { runs.blocked == 1 }
            for item in 2...6 {
                group.addTask { (item, try await gate.submit(item, run: runs.run)) }
                try await Self.until { gate.waitingCount == item - 1 }
            }
            runs.release()
            var outcomes: [Int: String] = [:]
            for try await (item, outcome) in group { outcomes[item] = outcome }
            #expect(outcomes == Dictionary(uniqueKeysWithValues: (1...6).map { ($0, "done \($0)") }))
        }
        #expect(runs.all == [[1], [2, 3, 4], [5, 6]])
        #expect(gate.waitingCount == 0)
    }

    @Test func aFailedSharedRunIsRepeatedItemByItemSoOnlyTheBadItemFails() async throws {
        let gate = GroupCommitGate<Int, String>(maxBatch: 16, maxRunning: 1)
        let runs = Runs(blocking: [1], failing: [3])
        try await withThrowingTaskGroup(of: (Int, Result<String, any Error>).self) { group in
            group.addTask { (1, await Self.attempt { try await gate.submit(1, run: runs.run) }) }
            try await Self.until { runs.blocked == 1 }
            for item in 2...4 {
                group.addTask { (item, await Self.attempt { try await gate.submit(item, run: runs.run) }) }
                try await Self.until { gate.waitingCount == item - 1 }
            }
            runs.release()
            var failed: [Int] = []
            var done: [Int] = []
            for try await (item, result) in group {
                if (try? result.get()) == "done \(item)" { done.append(item) } else { failed.append(item) }
            }
            #expect(done.sorted() == [1, 2, 4])
            #expect(failed == [3])
        }
        #expect(runs.all == [[1], [2, 3, 4], [2], [3], [4]])
    }

    @Test func aFailedRunOfOneItemIsNotRepeated() async throws {
        let gate = GroupCommitGate<Int, String>(maxBatch: 16, maxRunning: 2)
        let runs = Runs(failing: [7])
        await #expect(throws: Failed.self) { try await gate.submit(7, run: runs.run) }
        #expect(runs.all == [[7]])
    }

    @Test func runningSlotsAreBoundedAndFreedAgain() async throws {
        let gate = GroupCommitGate<Int, String>(maxBatch: 16, maxRunning: 2)
        let runs = Runs(blocking: [1, 2])
        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask { try await gate.submit(1, run: runs.run) }
            group.addTask { try await gate.submit(2, run: runs.run) }
            try await Self.until { runs.blocked == 2 }
            group.addTask { try await gate.submit(3, run: runs.run) }
            try await Self.until { gate.waitingCount == 1 }
            runs.release()
            for try await _ in group {}
        }
        #expect(runs.all.count == 3)
        #expect(runs.all.last == [3])
        // Both slots are free: two more run at once without waiting.
        let again = Runs(blocking: [8, 9])
        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask { try await gate.submit(8, run: again.run) }
            group.addTask { try await gate.submit(9, run: again.run) }
            try await Self.until { again.blocked == 2 }
            #expect(gate.waitingCount == 0)
            again.release()
            for try await _ in group {}
        }
    }
}
